package th.tambon.events.activity.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import th.tambon.contracts.Codes;
import th.tambon.events.activity.model.ActivityDetails;
import th.tambon.events.activity.model.ActivityType;
import th.tambon.events.activity.model.Funding;
import th.tambon.events.activity.model.Track;
import th.tambon.http.ProgrammeDate;
import th.tambon.http.ProgrammeDates;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** Body of {@code POST /api/v1/activities} (a new draft) and of {@code PUT /api/v1/activities/{id}}. */
@Serdeable
@Schema(description = "An activity of an ESA: what, where, when, who chairs it, its agenda and, when it needs "
        + "money, the budget line and estimate to ask budget-service for")
public record ActivityRequest(
        @Schema(description = "the ESA whose activity it is; it cannot change", example = "P31-4")
        @NotBlank @Pattern(regexp = Codes.ESA, message = "must be an ESA code such as P31-4") String esa,
        @Schema(description = "the ESA's own reference, unique within the ESA; it cannot change",
                example = "p31-4-workshop-2563-07-21")
        @NotBlank @Size(max = 100) @Pattern(regexp = "[^\\s/?#]+", message = "must have no spaces, / ? or #") String ref,
        @Schema(example = "WORKSHOP", allowableValues = {"WORKSHOP", "SYMPOSIUM", "PLC", "SUPERVISION_VISIT", "MEETING",
                "TRAINING", "ASSESSMENT"})
        @NotBlank @Pattern(regexp = TYPES, message = "must be WORKSHOP, SYMPOSIUM, PLC, SUPERVISION_VISIT, MEETING, "
                + "TRAINING or ASSESSMENT") String type,
        @Schema(example = "ประชุมปฏิบัติการขับเคลื่อนโรงเรียนคุณภาพประจำตำบล") @NotBlank @Size(max = 300) String titleTh,
        @Schema(description = "the programme tracks it serves", example = "[\"INNOVATION\", \"ITA\"]")
        @Nullable @Size(max = 5) List<@NotBlank @Pattern(regexp = TRACKS, message = "must be INNOVATION, OCCUPATION, "
                + "QUALITY_CLASSROOM, ENVIRONMENT or ITA") String> tracks,
        @Schema(description = "SMIS code of the school it is held at: a school of the activity's ESA", example = "31040001")
        @Nullable @Pattern(regexp = Codes.SMIS, message = "must be the 8-digit SMIS code") String venueSchool,
        @Schema(description = "where, in words (with or without a venue school)", example = "ห้องประชุมโรงเรียนบ้านหัวฝาย")
        @Nullable @Size(max = 300) String venue,
        @Schema(description = "the ESA's unit that organises it", example = "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา")
        @Nullable @Size(max = 200) String organiser,
        @Schema(description = "who chairs it", example = "ดร.จำปา จันทะสอน") @Nullable @Size(max = 200) String chair,
        @Schema(description = "the chair's position, as certificates print it",
                example = "ผู้อำนวยการโรงเรียนบ้านหัวฝาย") @Nullable @Size(max = 300) String chairTitle,
        @Schema(description = "when it starts, with its offset", example = "2020-07-21T09:00:00+07:00")
        @NotNull @ProgrammeDate OffsetDateTime start,
        @Schema(description = "when it ends: after the start", example = "2020-07-21T16:00:00+07:00")
        @NotNull @ProgrammeDate OffsetDateTime end,
        @Schema(description = "the agenda items, in order", example = "[\"ภาพรวมการดำเนินการที่ผ่านมา\"]")
        @Nullable @Size(max = 50) List<@NotBlank @Size(max = 300) String> agenda,
        @Schema(type = "object", description = "the budget line to plan it on, when it needs money") @Nullable @Valid
        FundingRequest funding) {
    static final String TYPES = "WORKSHOP|SYMPOSIUM|PLC|SUPERVISION_VISIT|MEETING|TRAINING|ASSESSMENT";
    static final String TRACKS = "INNOVATION|OCCUPATION|QUALITY_CLASSROOM|ENVIRONMENT|ITA";

    ActivityDetails details() {
        return new ActivityDetails(ActivityType.valueOf(type), titleTh.strip(),
                tracks == null ? List.of() : tracks.stream().map(Track::valueOf).toList(), venueSchool,
                blankToNull(venue), blankToNull(organiser), blankToNull(chair), blankToNull(chairTitle), start, end,
                agenda == null ? List.of() : agenda.stream().map(String::strip).toList(),
                funding == null ? null : funding.toFunding());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The budget line and estimate of an activity that needs money. */
    @Serdeable
    @Schema(description = "The ESA's allocation round of a fiscal year and a line of it, and the amount to commit")
    public record FundingRequest(
            @Schema(description = "fiscal year (BE)", example = "2563")
            @NotNull @Min(ProgrammeDates.FIRST_YEAR_BE) @Max(ProgrammeDates.LAST_YEAR_BE) Integer fiscalYear,
            @Schema(description = "the allocation round", example = "2") @NotNull @Min(1) @Max(99) Integer round,
            @Schema(description = "the line within the round", example = "1") @NotNull @Min(1) @Max(999) Integer line,
            @Schema(description = "baht, two decimals at most", example = "21700.00", type = "string", format = "decimal")
            @NotNull @DecimalMin(value = "0.01", message = "must be more than 0 baht")
            @Digits(integer = 12, fraction = 2, message = "must be baht with at most two decimals") BigDecimal estimate) {
        /** In baht with its satang ({@code 21700} is {@code 21700.00}); @Digits let no third decimal through. */
        Funding toFunding() {
            return new Funding(fiscalYear, round, line, estimate.setScale(2));
        }
    }
}
