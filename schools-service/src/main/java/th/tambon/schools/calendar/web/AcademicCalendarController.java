package th.tambon.schools.calendar.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import th.tambon.http.ApiProblemException;
import th.tambon.http.ProgrammeDate;
import th.tambon.http.ProgrammeDates;
import th.tambon.http.openapi.ProblemResponses;
import th.tambon.schools.calendar.infrastructure.AcademicYearRepository;
import th.tambon.schools.calendar.model.AcademicCalendar;
import th.tambon.schools.calendar.model.AcademicYear;
import th.tambon.http.ThaiDates;
import th.tambon.service.Bangkok;
import th.tambon.security.AnyRole;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

@Controller("/api/v1/academic-years")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
@Tag(name = "Academic calendar", description = "Academic years (ปีการศึกษา) and their semesters: recorded years (2563 "
        + "opened on 1 July 2020) and the default rule (16 May, 1 November) for the others")
public class AcademicCalendarController {
    private static final int MAX_YEARS = 20;

    private final AcademicYearRepository years;
    private final Clock clock;

    public AcademicCalendarController(AcademicYearRepository years, Clock clock) {
        this.years = years;
        this.clock = clock;
    }

    @Get("/{year}")
    @AnyRole
    @ReadOnly
    @Operation(operationId = "getAcademicYear", summary = "An academic year's semesters and last day")
    @ApiResponse(responseCode = "200", description = "The academic year")
    @ProblemResponses.Validation
    @ProblemResponses.AnyCall
    public AcademicYearView year(@PathVariable @Parameter(description = "academic year (BE)", example = "2563")
                                 @Min(ProgrammeDates.FIRST_YEAR_BE) @Max(ProgrammeDates.LAST_YEAR_BE) int year) {
        return AcademicYearView.of(years.calendar(), year);
    }

    @Get
    @AnyRole
    @ReadOnly
    @Operation(operationId = "listAcademicYears", summary = "Academic years from one year to another (at most 20)",
            description = "By default the year before the current one, the current one and the next.")
    @ApiResponse(responseCode = "200", description = "The academic years, in order")
    @ProblemResponses.Validation
    @ProblemResponses.AnyCall
    public List<AcademicYearView> years(
            @Parameter(description = "the first (BE)", example = "2562") @Nullable @QueryValue
            @Min(ProgrammeDates.FIRST_YEAR_BE) @Max(ProgrammeDates.LAST_YEAR_BE) Integer from,
            @Parameter(description = "the last (BE)", example = "2565") @Nullable @QueryValue
            @Min(ProgrammeDates.FIRST_YEAR_BE) @Max(ProgrammeDates.LAST_YEAR_BE) Integer to) {
        AcademicCalendar calendar = years.calendar();
        int current = calendar.on(Bangkok.today(clock)).year().be();
        int first = from != null ? from : to != null ? to - 2 : current - 1;
        int last = to != null ? to : from != null ? from + 2 : current + 1;
        if (last < first) {
            throw ApiProblemException.invalidField("to", "must not be before from (" + first + ")");
        }
        if (last - first + 1 > MAX_YEARS) {
            throw ApiProblemException.invalidField("to", "at most " + MAX_YEARS + " years at a time");
        }
        return IntStream.rangeClosed(first, last).mapToObj(be -> AcademicYearView.of(calendar, be)).toList();
    }

    @Get("/on/{date}")
    @AnyRole
    @ReadOnly
    @Operation(operationId = "academicDate", summary = "The academic year and semester of a date",
            description = "2020-09-28 → 2563, semester 1 (28 กันยายน 2563). A break between semesters belongs to the "
                    + "semester before it.")
    @ApiResponse(responseCode = "200", description = "The date's academic year and semester")
    @ProblemResponses.Validation
    @ProblemResponses.AnyCall
    public AcademicDateView on(@PathVariable @Parameter(description = "an ISO date, from 2000-01-01 to 2100-12-31",
            example = "2020-09-28") @ProgrammeDate LocalDate date) {
        AcademicCalendar calendar = years.calendar();
        AcademicCalendar.AcademicDate placed = calendar.on(date);
        return new AcademicDateView(date, ThaiDates.format(date), placed.year().be(), placed.semester(),
                AcademicYearView.of(calendar, placed.year().be()));
    }

    @Serdeable
    @Schema(description = "An academic year: when each semester begins, its last day, and whether its dates are recorded")
    public record AcademicYearView(
            @Schema(description = "BE", example = "2563") int year,
            @Schema(example = "2020-07-01") LocalDate opensOn,
            @Schema(example = "1 กรกฎาคม 2563") String opensOnTh,
            @Schema(example = "2020-12-01") LocalDate secondSemesterFrom,
            @Schema(description = "the day before the next year opens", example = "2021-05-15") LocalDate lastDay,
            @Schema(description = "true when the dates are recorded data, false when they follow the default rule")
            boolean recorded) {
        static AcademicYearView of(AcademicCalendar calendar, int be) {
            AcademicYear year = calendar.year(be);
            return new AcademicYearView(be, year.opensOn(), ThaiDates.format(year.opensOn()), year.secondSemesterFrom(),
                    calendar.lastDay(be), year.recorded());
        }
    }

    @Serdeable
    @Schema(description = "A date placed in its academic year and semester")
    public record AcademicDateView(
            @Schema(example = "2020-09-28") LocalDate date,
            @Schema(example = "28 กันยายน 2563") String dateTh,
            @Schema(example = "2563") int academicYear,
            @Schema(example = "1") int semester,
            AcademicYearView year) {
    }
}
