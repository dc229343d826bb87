package th.tambon.events.schoolrecord.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import th.tambon.contracts.Codes;
import th.tambon.events.schoolrecord.application.ReadingSchoolRecords;
import th.tambon.http.ProgrammeDates;
import th.tambon.http.openapi.ProblemResponses;
import th.tambon.security.Actors;
import th.tambon.security.AnyRole;
import th.tambon.service.Rejections;

@Controller("/api/v1/school-records")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
@Tag(name = "Activities")
public class SchoolRecordController {
    private final ReadingSchoolRecords reading;

    public SchoolRecordController(ReadingSchoolRecords reading) {
        this.reading = reading;
    }

    @Get("/{code}")
    @AnyRole
    @ReadOnly
    @Operation(operationId = "getSchoolRecord", summary = "What events-service holds about one school",
            description = "In one call and a bounded number of statements: the activities whose venue school it is "
                    + "(hosted) and those elsewhere at which it was awarded a certificate (not revoked), presented a "
                    + "work or is listed in the participation as having attended (attended), with their participants, actual cost and spending; its certificates (revoked "
                    + "ones included), works and ITA results; and spentOnHosted, what the hosted activities cost of "
                    + "those whose cost budget-service recorded as an expenditure. fiscalYear= limits activities, "
                    + "certificates and works (by their activity's start day in Bangkok) and ITA results to that year. "
                    + "Each list holds at most 500 entries; truncated says one was cut. OBEC, ESA officers (of any ESA) "
                    + "and viewers read every school's record, a school director its own school's only. A school the "
                    + "schools replica does not know is a 404 unless records here name it; then esa is null.")
    @ApiResponse(responseCode = "200", description = "The school's record; a known school without any has empty lists")
    @ProblemResponses.NotFound
    @ProblemResponses.Validation
    @ProblemResponses.AnyCall
    public SchoolRecordView get(
            @Parameter(description = "the school's SMIS code", example = "51910001")
            @PathVariable @Pattern(regexp = Codes.SMIS, message = "must be the 8-digit SMIS code") String code,
            @Parameter(description = "only this fiscal year (BE)", example = "2563")
            @Nullable @QueryValue @Min(ProgrammeDates.FIRST_YEAR_BE) @Max(ProgrammeDates.LAST_YEAR_BE) Integer fiscalYear,
            Authentication authentication) {
        return SchoolRecordView.of(Rejections.valueOrThrow(reading.read(code, fiscalYear, Actors.of(authentication))));
    }
}
