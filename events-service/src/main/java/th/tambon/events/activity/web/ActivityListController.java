package th.tambon.events.activity.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import th.tambon.contracts.Codes;
import th.tambon.events.activity.application.ReadingActivities;
import th.tambon.events.activity.infrastructure.Activities;
import th.tambon.events.activity.infrastructure.ActivityRepository;
import th.tambon.events.activity.model.ActivityState;
import th.tambon.events.activity.model.ActivityType;
import th.tambon.events.activity.model.Track;
import th.tambon.http.ApiProblemException;
import th.tambon.http.PageView;
import th.tambon.http.Paging;
import th.tambon.http.ProgrammeDate;
import th.tambon.http.ProgrammeDates;
import th.tambon.http.Sorting;
import th.tambon.http.openapi.ProblemResponses;
import th.tambon.security.Actors;
import th.tambon.security.AnyRole;
import th.tambon.http.FiscalYear;
import th.tambon.service.Rejections;

import java.time.LocalDate;

@Controller("/api/v1/activities")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
@Tag(name = "Activities")
public class ActivityListController {
    private final ActivityRepository rows;
    private final ReadingActivities reading;

    public ActivityListController(ActivityRepository rows, ReadingActivities reading) {
        this.rows = rows;
        this.reading = reading;
    }

    @Get
    @AnyRole
    @ReadOnly
    @Operation(operationId = "listActivities", summary = "Activities by ESA, state, type, track, dates, fiscal and "
            + "academic year, a page at a time",
            description = "Every filter is optional and they combine: fiscalYear 2563 is the start days 2019-10-01 to "
                    + "2020-09-30, intersected with from and to. Sorted by sort (default -startsOn: the latest first), "
                    + "ties by id. A school director lists its own school's ESA's activities (esa defaults to it).")
    @ApiResponse(responseCode = "200", description = "One page of activities (without their history)")
    @ProblemResponses.Validation
    @ProblemResponses.AnyCall
    public PageView<ActivityView> list(
            @Parameter(description = "only this ESA's", example = "P31-4")
            @Nullable @QueryValue @Pattern(regexp = Codes.ESA, message = "must be an ESA code such as P31-4") String esa,
            @Parameter(description = "only those in this state", example = "REPORTED", schema = @Schema(type = "string",
                    allowableValues = {"DRAFT", "PLANNED", "FUNDING_REQUESTED", "FUNDED", "FUNDING_REJECTED", "HELD",
                            "REPORTED", "CLOSED", "CANCELLED"}))
            @Nullable @QueryValue ActivityState state,
            @Parameter(description = "only of this type", example = "WORKSHOP", schema = @Schema(type = "string",
                    allowableValues = {"WORKSHOP", "SYMPOSIUM", "PLC", "SUPERVISION_VISIT", "MEETING", "TRAINING",
                            "ASSESSMENT"}))
            @Nullable @QueryValue ActivityType type,
            @Parameter(description = "only those serving this track", example = "INNOVATION", schema = @Schema(
                    type = "string", allowableValues = {"INNOVATION", "OCCUPATION", "QUALITY_CLASSROOM",
                    "ENVIRONMENT", "ITA"}))
            @Nullable @QueryValue Track track,
            @Parameter(description = "only those starting on or after this day (Bangkok)", example = "2020-07-01")
            @Nullable @QueryValue @ProgrammeDate LocalDate from,
            @Parameter(description = "only those starting on or before this day (Bangkok)", example = "2020-09-30")
            @Nullable @QueryValue @ProgrammeDate LocalDate to,
            @Parameter(description = "only those starting in this fiscal year (BE)", example = "2563")
            @Nullable @QueryValue @Min(ProgrammeDates.FIRST_YEAR_BE) @Max(ProgrammeDates.LAST_YEAR_BE) Integer fiscalYear,
            @Parameter(description = "only those in this academic year (BE)", example = "2563")
            @Nullable @QueryValue @Min(ProgrammeDates.FIRST_YEAR_BE) @Max(ProgrammeDates.LAST_YEAR_BE) Integer academicYear,
            @Parameter(description = "the one with this ref (an importer's natural key)", example = "p31-4-workshop")
            @Nullable @QueryValue @Size(max = 100) String ref,
            @Parameter(description = "startsOn, titleTh, state, type, esa or ref; - for descending", example = "-startsOn")
            @QueryValue(defaultValue = "-startsOn") @Pattern(regexp = ActivityOrder.PATTERN,
                    message = ActivityOrder.MESSAGE) String sort,
            @Parameter(description = "zero-based page number") @QueryValue(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @Parameter(description = "items per page") @QueryValue(defaultValue = "50") @Min(1) @Max(Paging.MAX_SIZE) int size,
            Authentication authentication) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiProblemException.invalidField("to", "must not be before from (" + from + ")");
        }
        LocalDate first = from;
        LocalDate last = to;
        if (fiscalYear != null) {
            FiscalYear year = FiscalYear.of(fiscalYear);
            first = from == null || from.isBefore(year.firstDay()) ? year.firstDay() : from;
            last = to == null || to.isAfter(year.lastDay()) ? year.lastDay() : to;
        }
        String scope = Rejections.valueOrThrow(reading.scopeOf(esa, Actors.of(authentication)));
        var found = rows.list(scope, state == null ? null : state.name(), type == null ? null : type.name(),
                track == null ? null : track.name(), first, last, academicYear, ref,
                Pageable.from(page, size, Sorting.of(sort, "id")));
        return PageView.of(found, row -> ActivityView.of(Activities.activity(row), null));
    }
}
