package th.tambon.events.summary.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import th.tambon.contracts.Codes;
import th.tambon.events.activity.application.ReadingActivities;
import th.tambon.events.ita.model.ItaLevel;
import th.tambon.events.summary.infrastructure.SummaryRepository;
import th.tambon.http.ProgrammeDates;
import th.tambon.http.openapi.ProblemResponses;
import th.tambon.replica.schools.EsaReplicaRepository;
import th.tambon.security.Actors;
import th.tambon.security.AnyRole;
import th.tambon.http.FiscalYear;
import th.tambon.service.Rejections;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

@Controller("/api/v1/activities/summary")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
@Tag(name = "Activities")
public class ActivitySummaryController {
    private static final Set<String> TOOK_PLACE = Set.of("HELD", "REPORTED", "CLOSED");

    private final SummaryRepository summaries;
    private final EsaReplicaRepository esas;
    private final ReadingActivities reading;

    public ActivitySummaryController(SummaryRepository summaries, EsaReplicaRepository esas, ReadingActivities reading) {
        this.summaries = summaries;
        this.esas = esas;
        this.reading = reading;
    }

    @Get
    @AnyRole
    @ReadOnly
    @Operation(operationId = "summariseActivities", summary = "What a fiscal year's activities came to, per ESA",
            description = "For one ESA (esa=) or for every ESA the service knows, in one call: activities by type and "
                    + "state, how many were held (HELD, REPORTED, CLOSED), their participants, the certificates "
                    + "awarded at them and not revoked, and the works presented, selected and forwarded; the held "
                    + "activities by month, their participants and the distinct schools they reached (venue, "
                    + "certificate not revoked, work presented, listed in the participation); the ESA's "
                    + "schools' ITA results of the year by level and the ESA's own. An activity belongs to the fiscal "
                    + "year its start day (Bangkok) falls in. A school director gets its own school's ESA. The same "
                    + "statements answer for one ESA or all of them.")
    @ApiResponse(responseCode = "200", description = "One entry per ESA, by code; an ESA without activities has zeros")
    @ProblemResponses.Validation
    @ProblemResponses.AnyCall
    public SummaryView summarise(
            @Parameter(description = "the fiscal year (BE)", example = "2563")
            @NotNull @QueryValue @Min(ProgrammeDates.FIRST_YEAR_BE) @Max(ProgrammeDates.LAST_YEAR_BE) Integer fiscalYear,
            @Parameter(description = "only this ESA", example = "P51-1")
            @Nullable @QueryValue @Pattern(regexp = Codes.ESA, message = "must be an ESA code such as P31-4") String esa,
            Authentication authentication) {
        String scope = Rejections.valueOrThrow(reading.scopeOf(esa, Actors.of(authentication)));
        FiscalYear year = FiscalYear.of(fiscalYear);
        LocalDate from = year.firstDay();
        LocalDate to = year.lastDay();
        var activities = summaries.activities(from, to, scope);
        Map<String, Long> certificates = summaries.certificates(from, to, scope).stream().collect(
                Collectors.toMap(SummaryRepository.CertificateCount::esa, SummaryRepository.CertificateCount::certificates));
        Map<String, SummaryRepository.WorkCount> works = summaries.works(from, to, scope).stream().collect(
                Collectors.toMap(SummaryRepository.WorkCount::esa, w -> w));
        Map<String, List<SummaryRepository.MonthCount>> months = summaries.heldByMonth(from, to, scope).stream()
                .collect(Collectors.groupingBy(SummaryRepository.MonthCount::esa));
        Map<String, Long> reached = summaries.schoolsReached(from, to, scope).stream().collect(
                Collectors.toMap(SummaryRepository.SchoolCount::esa, SummaryRepository.SchoolCount::schools));
        Map<String, List<SummaryRepository.LevelCount>> levels = summaries.itaLevels(fiscalYear, scope).stream()
                .collect(Collectors.groupingBy(SummaryRepository.LevelCount::esa));
        Map<String, SummaryRepository.EsaIta> ita = summaries.esaIta(fiscalYear, scope).stream().collect(
                Collectors.toMap(SummaryRepository.EsaIta::esa, r -> r));
        TreeSet<String> codes = new TreeSet<>();
        if (scope != null) {
            codes.add(scope);
        } else {
            esas.findAll().forEach(known -> codes.add(known.code()));
            activities.forEach(row -> codes.add(row.esa()));
        }
        Map<String, List<SummaryRepository.ActivityCount>> byEsa = activities.stream()
                .collect(Collectors.groupingBy(SummaryRepository.ActivityCount::esa));
        List<EsaSummaryView> views = new ArrayList<>();
        for (String code : codes) {
            views.add(view(code, byEsa.getOrDefault(code, List.of()), certificates.getOrDefault(code, 0L),
                    works.get(code), heldByMonth(year, months.getOrDefault(code, List.of())),
                    reached.getOrDefault(code, 0L), itaLevels(levels.getOrDefault(code, List.of())), ita.get(code)));
        }
        return new SummaryView(fiscalYear, from, to, views);
    }

    private static EsaSummaryView view(String esa, List<SummaryRepository.ActivityCount> rows, long certificates,
                                       SummaryRepository.WorkCount works, Map<String, Long> heldByMonth,
                                       long schoolsReached, Map<String, Long> itaLevels,
                                       SummaryRepository.EsaIta ita) {
        Map<String, Long> byType = new TreeMap<>();
        Map<String, Long> byState = new TreeMap<>();
        long total = 0;
        long held = 0;
        long participants = 0;
        long participantsHeld = 0;
        for (SummaryRepository.ActivityCount row : rows) {
            byType.merge(row.type(), row.activities(), Long::sum);
            byState.merge(row.state(), row.activities(), Long::sum);
            total += row.activities();
            held += TOOK_PLACE.contains(row.state()) ? row.activities() : 0;
            participants += row.participants();
            participantsHeld += TOOK_PLACE.contains(row.state()) ? row.participants() : 0;
        }
        return new EsaSummaryView(esa, total, byType, byState, held, participants, certificates,
                works == null ? 0 : works.presented(), works == null ? 0 : works.selected(),
                works == null ? 0 : works.forwarded(), heldByMonth, participantsHeld, schoolsReached, itaLevels,
                ita == null ? null : new EsaSummaryView.Ita(ita.score(), ita.level()));
    }

    /** Every month of the fiscal year, October first, with the held activities starting in it. */
    private static Map<String, Long> heldByMonth(FiscalYear year, List<SummaryRepository.MonthCount> rows) {
        Map<String, Long> months = new LinkedHashMap<>();
        for (YearMonth month = YearMonth.from(year.firstDay()); !month.isAfter(YearMonth.from(year.lastDay()));
             month = month.plusMonths(1)) {
            months.put(month.toString(), 0L);
        }
        rows.forEach(row -> months.put(row.month(), row.held()));
        return months;
    }

    /** Every level, AA to F, with the results at it. */
    private static Map<String, Long> itaLevels(List<SummaryRepository.LevelCount> rows) {
        Map<String, Long> levels = new LinkedHashMap<>();
        for (ItaLevel level : ItaLevel.values()) {
            levels.put(level.name(), 0L);
        }
        rows.forEach(row -> levels.put(row.level(), row.results()));
        return levels;
    }
}
