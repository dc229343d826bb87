package th.tambon.budget.saga.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import th.tambon.budget.saga.application.ReadingSagas;
import th.tambon.contracts.Codes;
import th.tambon.http.PageView;
import th.tambon.http.Paging;
import th.tambon.http.openapi.ProblemResponses;
import th.tambon.security.Actors;
import th.tambon.security.Roles;
import th.tambon.service.Rejections;

import java.util.UUID;

@Controller("/api/v1/funding-sagas")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
@Tag(name = "Funding sagas", description = "The funding saga seen from budget-service: what it answered to each "
        + "activity's requests, what it spent and released, and the sagas still holding money for long")
public class SagaController {
    private final ReadingSagas reading;

    public SagaController(ReadingSagas reading) {
        this.reading = reading;
    }

    @Get("/{activity}")
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER, Roles.VIEWER})
    @ReadOnly
    @Operation(operationId = "getFundingSaga", summary = "An activity's funding saga",
            description = "Its state and every step (REQUESTED, REQUESTED_AGAIN, COMMITTED, REJECTED, SPENT, "
                    + "SPENDING_REFUSED, RELEASED…) with amounts, reasons and times. OBEC and viewers see every "
                    + "ESA's; an officer its own ESA's.")
    @ApiResponse(responseCode = "200", description = "The saga", content = @Content(schema = @Schema(implementation =
            SagaView.class)))
    @ProblemResponses.NotFound
    @ProblemResponses.AnyCall
    public SagaView get(@PathVariable @Parameter(description = "the activity's id") UUID activity,
                        Authentication authentication) {
        return SagaView.of(Rejections.valueOrThrow(reading.saga(activity, Actors.of(authentication))));
    }

    @Get("/pending")
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER, Roles.VIEWER})
    @ReadOnly
    @Operation(operationId = "listPendingFundingSagas", summary = "Sagas holding committed money for long",
            description = "Sagas COMMITTED or SPENDING_REFUSED whose last step is older than "
                    + "tambon.budget.saga.pending-after (TAMBON_SAGA_PENDING_AFTER, 30 days unless configured), the "
                    + "oldest first; the gauge tambon.budget.saga.pending counts them. OBEC and viewers see every "
                    + "ESA's (or esa's); an officer its own ESA's (another esa is a 403).")
    @ApiResponse(responseCode = "200", description = "One page of pending sagas (without their steps)")
    @ProblemResponses.Validation
    @ProblemResponses.AnyCall
    public PageView<SagaView> pending(
            @Parameter(description = "only this ESA's", example = "P51-1")
            @Nullable @QueryValue @Pattern(regexp = Codes.ESA, message = "must be an ESA code") String esa,
            @Parameter(description = "zero-based page number") @QueryValue(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @Parameter(description = "items per page") @QueryValue(defaultValue = "50") @Min(1) @Max(Paging.MAX_SIZE) int size,
            Authentication authentication) {
        var found = Rejections.valueOrThrow(reading.pending(esa, Actors.of(authentication),
                Pageable.from(page, size)));
        return PageView.of(found, row -> SagaView.of(row, null));
    }
}
