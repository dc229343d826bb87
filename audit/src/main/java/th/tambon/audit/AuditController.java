package th.tambon.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import th.tambon.http.ApiProblemException;
import th.tambon.http.PageView;
import th.tambon.http.Paging;
import th.tambon.http.ProgrammeDate;
import th.tambon.http.openapi.ProblemResponses;
import th.tambon.security.Roles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** The service's audit trail, newest first, for OBEC. Through the gateway: {@code /api/v1/audit/<service>}. */
@Controller("/api/v1/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.OBEC_ADMIN)
@SecurityRequirement(name = "bearer")
@Tag(name = "Audit", description = "Who changed what and when in this service; OBEC_ADMIN only")
public class AuditController {
    private static final Sort NEWEST_FIRST = Sort.of(Sort.Order.desc("recordedAt"), Sort.Order.desc("id"));
    private final AuditRepository entries;
    private final JsonMapper json;

    public AuditController(AuditRepository entries, JsonMapper json) {
        this.entries = entries;
        this.json = json;
    }

    @Get
    @ReadOnly
    @Operation(operationId = "listAuditEntries", summary = "Accepted commands, newest first, a page at a time")
    @ApiResponse(responseCode = "200", description = "One page of audit entries")
    @ProblemResponses.Validation
    @ProblemResponses.AnyCall
    public PageView<AuditEntryView> list(
            @Parameter(description = "only entries about this object (a code)", example = "31040001")
            @Nullable @QueryValue @Size(max = 100) String target,
            @Parameter(description = "only entries by this token subject", example = "officer-P31-4")
            @Nullable @QueryValue @Size(max = 200) String actor,
            @Parameter(description = "from this instant on (ISO-8601)", example = "2026-11-01T00:00:00Z")
            @Nullable @QueryValue @ProgrammeDate Instant from,
            @Parameter(description = "before this instant (ISO-8601)", example = "2026-12-01T00:00:00Z")
            @Nullable @QueryValue @ProgrammeDate Instant to,
            @Parameter(description = "zero-based page number") @QueryValue(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @Parameter(description = "items per page") @QueryValue(defaultValue = "50") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiProblemException.invalidField("to", "must be after from");
        }
        return PageView.of(entries.search(target, actor, from, to, Pageable.from(page, size, NEWEST_FIRST)), this::view);
    }

    private AuditEntryView view(AuditEntry entry) {
        return new AuditEntryView(entry.id(), entry.recordedAt(), entry.subject(), entry.role(), entry.esa(),
                entry.school(), entry.command(), entry.targetType(), entry.targetId(), parse(entry.change()));
    }

    private JsonNode parse(String change) {
        try {
            return json.readValue(change, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
