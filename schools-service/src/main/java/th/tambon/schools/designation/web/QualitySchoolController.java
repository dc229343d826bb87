package th.tambon.schools.designation.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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
import jakarta.validation.constraints.Pattern;
import th.tambon.contracts.Codes;
import th.tambon.http.ApiProblemException;
import th.tambon.http.PageView;
import th.tambon.http.Paging;
import th.tambon.http.ProgrammeDate;
import th.tambon.http.ProgrammeDates;
import th.tambon.http.openapi.ProblemResponses;
import th.tambon.http.FiscalYear;
import th.tambon.schools.designation.infrastructure.DesignationRepository;
import th.tambon.schools.designation.infrastructure.DesignationRow;
import th.tambon.schools.designation.infrastructure.QualitySchoolCountRepository;
import th.tambon.schools.esa.model.EsaKind;
import th.tambon.schools.school.infrastructure.SchoolRepository;
import th.tambon.schools.school.model.School;
import th.tambon.service.Bangkok;
import th.tambon.security.AnyRole;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

@Controller("/api/v1/quality-schools")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
@Tag(name = "Quality-school designations")
public class QualitySchoolController {
    private static final Sort BY_SCHOOL = Sort.of(Sort.Order.asc("school"));
    private final DesignationRepository designations;
    private final QualitySchoolCountRepository counts;
    private final SchoolRepository schools;
    private final Clock clock;

    public QualitySchoolController(DesignationRepository designations, QualitySchoolCountRepository counts,
                                   SchoolRepository schools, Clock clock) {
        this.designations = designations;
        this.counts = counts;
        this.schools = schools;
        this.clock = clock;
    }

    @Get
    @AnyRole
    @ReadOnly
    @Operation(operationId = "listActiveQualitySchools", summary = "The quality schools active on a date, by SMIS code",
            description = "Active on D: activeFrom ≤ D and not withdrawn by D. Give activeOn, or fiscalYear for its "
                    + "last day (FY2563 → 2020-09-30), or neither for today in Bangkok.")
    @ApiResponse(responseCode = "200", description = "One page of quality schools")
    @ProblemResponses.Validation
    @ProblemResponses.AnyCall
    public PageView<QualitySchoolView> list(
            @Parameter(description = "only schools of this ESA", example = "P31-4")
            @Nullable @QueryValue @Pattern(regexp = Codes.ESA, message = "must be an ESA code") String esa,
            @Parameter(description = "the date (ISO), from 2000-01-01 to 2100-12-31", example = "2020-09-30")
            @Nullable @QueryValue @ProgrammeDate LocalDate activeOn,
            @Parameter(description = "a fiscal year (BE): its last day", example = "2563")
            @Nullable @QueryValue @Min(ProgrammeDates.FIRST_YEAR_BE) @Max(ProgrammeDates.LAST_YEAR_BE)
            Integer fiscalYear,
            @Parameter(description = "zero-based page number") @QueryValue(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @Parameter(description = "items per page") @QueryValue(defaultValue = "50") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        LocalDate on = activeOn(activeOn, fiscalYear).orElseGet(() -> Bangkok.today(clock));
        var found = designations.findActiveOn(esa, on, Pageable.from(page, size, BY_SCHOOL));
        Map<String, School> names = schools.findAllByCode(found.getContent().stream().map(DesignationRow::school).toList())
                .stream().collect(Collectors.toMap(School::code, Function.identity()));
        return PageView.of(found, row -> QualitySchoolView.of(row, names.get(row.school()), on));
    }

    @Get("/counts")
    @AnyRole
    @ReadOnly
    @Operation(operationId = "countQualitySchoolsPerEsa",
            summary = "Every ESA's schools and quality schools active on a date, by ESA code",
            description = "One entry per registered ESA matching the filters (zeros for an ESA without any): its "
                    + "registered schools, and its quality schools active on the date as GET /api/v1/quality-schools "
                    + "lists them. Give exactly one of fiscalYear (its last day: FY2563 → 2020-09-30) and activeOn.")
    @ApiResponse(responseCode = "200", description = "The ESAs with their counts")
    @ProblemResponses.Validation
    @ProblemResponses.AnyCall
    public QualitySchoolCountsView counts(
            @Parameter(description = "a fiscal year (BE): its last day", example = "2563")
            @Nullable @QueryValue @Min(ProgrammeDates.FIRST_YEAR_BE) @Max(ProgrammeDates.LAST_YEAR_BE)
            Integer fiscalYear,
            @Parameter(description = "the date (ISO), from 2000-01-01 to 2100-12-31, instead of fiscalYear",
                    example = "2020-09-30")
            @Nullable @QueryValue @ProgrammeDate LocalDate activeOn,
            @Parameter(description = "only this ESA", example = "P31-4")
            @Nullable @QueryValue @Pattern(regexp = Codes.ESA, message = "must be an ESA code") String esa,
            @Parameter(description = "only ESAs of this kind", example = "PRIMARY",
                    schema = @Schema(type = "string", allowableValues = {"PRIMARY", "SECONDARY"}))
            @Nullable @QueryValue EsaKind kind,
            @Parameter(description = "only ESAs of this province (2-digit DOPA code)", example = "31")
            @Nullable @QueryValue @Pattern(regexp = Codes.PROVINCE, message = "must be a 2-digit province code")
            String provinceCode) {
        LocalDate on = activeOn(activeOn, fiscalYear).orElseThrow(() ->
                ApiProblemException.invalidField("fiscalYear", "give fiscalYear or activeOn"));
        return QualitySchoolCountsView.of(fiscalYear, on,
                counts.perEsa(on, esa, kind == null ? null : kind.name(), provinceCode));
    }

    /** The date asked: activeOn, or the fiscal year's last day; empty when neither is given, refused when both are. */
    private static Optional<LocalDate> activeOn(@Nullable LocalDate activeOn, @Nullable Integer fiscalYear) {
        if (activeOn != null && fiscalYear != null) {
            throw ApiProblemException.invalidField("fiscalYear", "give activeOn or fiscalYear, not both");
        }
        return activeOn != null ? Optional.of(activeOn)
                : Optional.ofNullable(fiscalYear).map(year -> FiscalYear.of(year).lastDay());
    }

    @Serdeable
    @Schema(description = "A school active as its tambon's quality school on the date asked")
    public record QualitySchoolView(
            @Schema(description = "SMIS code", example = "31040001") String school,
            @Schema(example = "โรงเรียนบ้านหัวฝาย") String nameTh,
            @Schema(example = "P31-4") String esa,
            @Schema(example = "312104") String tambonCode,
            @Schema(example = "หัวฝาย") String tambon,
            @Schema(description = "the designation's id") String designation,
            @Schema(example = "2019-06-01") LocalDate activeFrom,
            @Nullable LocalDate withdrawnOn,
            @Schema(description = "the date asked about", example = "2020-09-30") LocalDate activeOn) {
        static QualitySchoolView of(DesignationRow row, School school, LocalDate on) {
            return new QualitySchoolView(row.school(), school == null ? null : school.nameTh(), row.esa(),
                    row.tambonCode(), school == null ? null : school.tambon(), row.id().toString(), row.activeFrom(),
                    row.withdrawnOn(), on);
        }
    }
}
