package th.tambon.events.schoolrecord.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.events.certificate.model.Certificate;
import th.tambon.events.schoolrecord.application.ReadingSchoolRecords.SchoolRecord;
import th.tambon.events.schoolrecord.infrastructure.SchoolRecordRepository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

// every field is always there: null or [] rather than absent
@Serdeable
@Schema(description = "What events-service holds about one school: the activities it hosted and attended, its "
        + "certificates, its works and its ITA results, for a fiscal year or all of them; each list at most 500 entries")
public record SchoolRecordView(
        @Schema(description = "SMIS code", example = "51910001") String school,
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "the school's ESA by the schools replica; null when the replica does not know the school",
                example = "P51-1", nullable = true) @Nullable String esa,
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "activities whose venue school it is, by start") List<ActivityEntry> hosted,
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "activities elsewhere at which it was awarded a certificate (not revoked), presented a "
                + "work or is listed in the participation as having attended, by start") List<ActivityEntry> attended,
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "certificates awarded to it, revoked ones included, by the day given") List<CertificateEntry> certificates,
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "works it presented, by their activity's start") List<WorkEntry> works,
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "its ITA results, by fiscal year") List<ItaEntry> ita,
        @Schema(description = "baht: what the hosted activities actually cost, of those whose cost budget-service "
                + "recorded as an expenditure (spending RECORDED); every such activity of the period, however many "
                + "hosted lists", example = "21700.00") String spentOnHosted,
        @Schema(description = "whether a list was cut at 500 entries") boolean truncated) {

    static SchoolRecordView of(SchoolRecord r) {
        return new SchoolRecordView(r.school(), r.esa(), r.hosted().stream().map(ActivityEntry::of).toList(),
                r.attended().stream().map(ActivityEntry::of).toList(),
                r.certificates().stream().map(CertificateEntry::of).toList(),
                r.works().stream().map(WorkEntry::of).toList(), r.ita().stream().map(ItaEntry::of).toList(),
                r.spentOnHosted().toPlainString(), r.truncated());
    }

    @Serdeable
    @Schema(description = "An activity as a school's record lists it")
    public record ActivityEntry(
            @Schema(description = "the activity's id") String id,
            @Schema(example = "ลพ1-2563-014") String ref,
            @Schema(example = "SYMPOSIUM") String type,
            String titleTh,
            @Schema(example = "REPORTED") String state,
            @Schema(description = "the day it starts, in Bangkok", example = "2020-09-28") LocalDate startsOn,
            @Schema(example = "2020-09-28T08:30:00+07:00") OffsetDateTime start,
            @JsonInclude(JsonInclude.Include.ALWAYS)
            @Schema(description = "everyone who took part, once recorded", example = "104", nullable = true)
            @Nullable Integer participants,
            @JsonInclude(JsonInclude.Include.ALWAYS)
            @Schema(description = "baht, once reported", example = "21700.00", nullable = true) @Nullable String actualCost,
            @JsonInclude(JsonInclude.Include.ALWAYS)
            @Schema(description = "what budget-service last said about spending its funding's commitment (as the "
                    + "activity's funding.spending); null without funding or before it answered", example = "RECORDED",
                    allowableValues = {"RECORDED", "REFUSED"}, nullable = true) @Nullable String spending) {

        static ActivityEntry of(SchoolRecordRepository.ActivityEntry row) {
            return new ActivityEntry(row.id().toString(), row.ref(), row.type(), row.titleTh(), row.state(),
                    row.startsOn(), row.startAt().atOffset(ZoneOffset.of(row.startOffset())), row.participants(),
                    row.actualCost() == null ? null : row.actualCost().toPlainString(), row.spending());
        }
    }

    @Serdeable
    @Schema(description = "A certificate as a school's record lists it (GET /api/v1/certificates/{id} for the rest)")
    public record CertificateEntry(
            @Schema(description = "the certificate's id") String id,
            @Schema(description = "its number within the ESA and academic year", example = "12") int number,
            @Schema(description = "its number as printed", example = "ที่ 12/2563") String printedNumber,
            @Schema(description = "the activity it was awarded at") String activity,
            @Schema(description = "the date it is given: the day the activity started", example = "2020-09-28")
            LocalDate givenOn,
            Instant awardedAt,
            @Schema(example = "VALID", allowableValues = {"VALID", "REVOKED"}) String status) {

        static CertificateEntry of(SchoolRecordRepository.CertificateEntry row) {
            return new CertificateEntry(row.id().toString(), row.number(),
                    Certificate.printedNumber(row.number(), row.academicYear()), row.activity().toString(),
                    row.givenOn(), row.awardedAt(), row.revokedAt() == null ? "VALID" : "REVOKED");
        }
    }

    @Serdeable
    @Schema(description = "A work as a school's record lists it (GET /api/v1/works/{id} for the rest)")
    public record WorkEntry(
            @Schema(description = "the work's id") String id,
            String title,
            @Schema(example = "INNOVATION") String track,
            @Schema(example = "SELECTED", allowableValues = {"PRESENTED", "SELECTED", "NOT_SELECTED", "FORWARDED"})
            String status,
            @Schema(description = "the activity it was presented at") String activity) {

        static WorkEntry of(SchoolRecordRepository.WorkEntry row) {
            return new WorkEntry(row.id().toString(), row.title(), row.track(), row.status(), row.activity().toString());
        }
    }

    @Serdeable
    @Schema(description = "An ITA result of the school")
    public record ItaEntry(
            @Schema(description = "the fiscal year (BE) assessed", example = "2563") int fiscalYear,
            @Schema(example = "94.99", type = "number") BigDecimal score,
            @Schema(example = "A", allowableValues = {"AA", "A", "B", "C", "D", "E", "F"}) String level) {

        static ItaEntry of(SchoolRecordRepository.ItaEntry row) {
            return new ItaEntry(row.fiscalYear(), row.score(), row.level());
        }
    }
}
