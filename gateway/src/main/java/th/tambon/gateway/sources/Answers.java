package th.tambon.gateway.sources;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parts of the services' answers the views read (each service's OpenAPI document has the whole of them); fields
 * a service adds later are ignored. An answer without a part a view needs is no answer: the call fails and its
 * section is stale or unavailable ({@link Sources}), never a misleading "none".
 */
public final class Answers {
    private Answers() {
    }

    /** schools-service: {@code GET /api/v1/quality-schools/counts}. */
    @Serdeable
    public record QualityCounts(int fiscalYear, LocalDate activeOn, List<EsaCounts> esas) {
        public QualityCounts {
            Objects.requireNonNull(esas, "schools-service's counts without esas");
        }
    }

    @Serdeable
    public record EsaCounts(String esa, String nameTh, @Nullable String nameEn, String kind,
                            @Nullable String provinceCode, @Nullable String province, @Nullable Integer zone,
                            long schools, long qualitySchools) {
    }

    /** events-service: {@code GET /api/v1/activities/summary}. */
    @Serdeable
    public record EventsSummary(int fiscalYear, List<EsaActivities> esas) {
        public EventsSummary {
            Objects.requireNonNull(esas, "events-service's summary without esas");
        }
    }

    @Serdeable
    public record EsaActivities(String esa, long activities, @Nullable Map<String, Long> byType,
                                @Nullable Map<String, Long> byState, long held, long participants,
                                @Nullable Long participantsHeld, long certificates, long worksPresented,
                                long worksSelected, long worksForwarded, @Nullable Map<String, Long> heldByMonth,
                                @Nullable Long schoolsReached, @Nullable Map<String, Long> itaLevels,
                                @Nullable Ita esaIta) {

        /** Participants of the activities held (older events-services give every activity's). */
        public long participantsOfHeld() {
            return participantsHeld == null ? participants : participantsHeld;
        }
    }

    @Serdeable
    public record Ita(BigDecimal score, String level) {
    }

    /** budget-service: {@code GET /api/v1/fiscal-years/{year}}. */
    @Serdeable
    public record BudgetYear(int fiscalYear, Totals totals, List<EsaBudget> esas) {
        public BudgetYear {
            Objects.requireNonNull(esas, "budget-service's year without esas");
        }
    }

    @Serdeable
    public record EsaBudget(String esa, boolean closed, long rounds, BigDecimal allocated, BigDecimal committed,
                            BigDecimal spent, BigDecimal remaining, @Nullable BigDecimal executionRate) {
    }

    @Serdeable
    public record Totals(BigDecimal allocated, BigDecimal committed, BigDecimal spent, BigDecimal remaining,
                         @Nullable BigDecimal executionRate) {
    }

    /** budget-service: {@code GET /api/v1/fiscal-years/{year}/esas/{esa}}. */
    @Serdeable
    public record BudgetEsaYear(String esa, int fiscalYear, boolean closed, Totals totals,
                                @Nullable Map<String, Totals> byCategory, List<Round> rounds) {
        public BudgetEsaYear {
            Objects.requireNonNull(totals, "budget-service's ESA year without totals");
            Objects.requireNonNull(rounds, "budget-service's ESA year without rounds");
        }
    }

    @Serdeable
    public record Round(int round, @Nullable LocalDate receivedOn, @Nullable String documentRef, BigDecimal allocated,
                        BigDecimal committed, BigDecimal spent, BigDecimal remaining,
                        @Nullable BigDecimal executionRate, List<Line> lines) {
        public Round {
            Objects.requireNonNull(lines, "a round without lines");
        }
    }

    @Serdeable
    public record Line(int line, String category, @Nullable String purposeTh, BigDecimal allocated,
                       BigDecimal committed, BigDecimal spent, BigDecimal remaining,
                       @Nullable BigDecimal executionRate) {
    }

    /** schools-service: {@code GET /api/v1/schools/{code}/profile}. */
    @Serdeable
    public record SchoolProfile(School school, List<Designation> designations, List<Network> networks,
                                List<Plan> plans) {
        public SchoolProfile {
            Objects.requireNonNull(school, "schools-service's profile without the school");
            Objects.requireNonNull(designations, "schools-service's profile without designations");
            Objects.requireNonNull(networks, "schools-service's profile without networks");
            Objects.requireNonNull(plans, "schools-service's profile without plans");
        }
    }

    @Serdeable
    public record School(String code, String nameTh, @Nullable String nameEn, String esa, String province,
                         String district, String tambon, String tambonCode, @Nullable String director,
                         String qualityStatus) {
    }

    @Serdeable
    public record Designation(String id, String status, @Nullable LocalDate nominatedOn,
                              @Nullable LocalDate designatedOn, @Nullable LocalDate activeFrom,
                              @Nullable LocalDate withdrawnOn) {
    }

    @Serdeable
    public record Network(String esa, @Nullable String chairSchool, @Nullable String chairSchoolNameTh,
                          @Nullable String chairPerson, long memberCount, boolean isChair) {
    }

    @Serdeable
    public record Plan(String id, int academicYear, String status, @Nullable String returnReason) {
    }

    /** events-service: {@code GET /api/v1/school-records/{code}}. */
    @Serdeable
    public record SchoolRecord(String school, @Nullable String esa, List<Activity> hosted, List<Activity> attended,
                               List<Certificate> certificates, List<Work> works, List<SchoolIta> ita,
                               BigDecimal spentOnHosted, boolean truncated) {
        public SchoolRecord {
            for (List<?> list : Arrays.asList(hosted, attended, certificates, works, ita)) {
                Objects.requireNonNull(list, "events-service's school record without one of its lists");
            }
            Objects.requireNonNull(spentOnHosted, "events-service's school record without spentOnHosted");
        }
    }

    @Serdeable
    public record Activity(String id, String ref, String type, String titleTh, String state, LocalDate startsOn,
                           @Nullable Long participants, @Nullable BigDecimal actualCost, @Nullable String spending) {
    }

    @Serdeable
    public record Certificate(String id, String printedNumber, String activity, LocalDate givenOn, String status) {
    }

    @Serdeable
    public record Work(String id, String title, String track, String status, String activity) {
    }

    @Serdeable
    public record SchoolIta(int fiscalYear, BigDecimal score, String level) {
    }
}
