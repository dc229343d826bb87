package th.tambon.gateway.sources;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parts of the services' answers the views read (each service's OpenAPI document has the whole of them); fields
 * a service adds later are ignored. An answer without a part a view needs (a list, an item of one, a count, baht with
 * at most two decimals) is no answer: decoding it fails, so it is never remembered, and its section is stale or
 * unavailable ({@link Sources}), never a misleading "none" or a 500. Lists are copied with List.copyOf (no null
 * item), maps in their order once each value is checked.
 */
public final class Answers {
    private Answers() {
    }

    /** A count as the services give it: present, not negative; else the answer is not one. */
    static void count(Long value, String what) {
        if (value == null || value < 0) {
            throw new IllegalArgumentException(what + " is " + value + ", not a count");
        }
    }

    /** Counts by name, each a count, in the service's order. */
    static Map<String, Long> counts(Map<String, Long> counts, String what) {
        Objects.requireNonNull(counts, what + " missing");
        counts.forEach((name, count) -> count(count, what + ": " + name));
        return Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** Baht (or a score) as the services keep it: present, at most two decimals; never rounded here. */
    static void baht(BigDecimal value, String what) {
        if (value == null || value.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException(what + " is " + value + ", not an amount with at most two decimals");
        }
    }

    private static void money(BigDecimal allocated, BigDecimal committed, BigDecimal spent, BigDecimal remaining) {
        baht(allocated, "allocated");
        baht(committed, "committed");
        baht(spent, "spent");
        baht(remaining, "remaining");
    }

    /** schools-service: {@code GET /api/v1/quality-schools/counts}. */
    @Serdeable
    public record QualityCounts(int fiscalYear, LocalDate activeOn, List<EsaCounts> esas) {
        public QualityCounts {
            esas = List.copyOf(esas);
        }
    }

    @Serdeable
    public record EsaCounts(String esa, String nameTh, @Nullable String nameEn, String kind,
                            @Nullable String provinceCode, @Nullable String province, @Nullable Integer zone,
                            Long schools, Long qualitySchools) {
        public EsaCounts {
            Objects.requireNonNull(esa, "an ESA's counts without its code");
            count(schools, "schools");
            count(qualitySchools, "qualitySchools");
        }
    }

    /** events-service: {@code GET /api/v1/activities/summary}. */
    @Serdeable
    public record EventsSummary(int fiscalYear, List<EsaActivities> esas) {
        public EventsSummary {
            esas = List.copyOf(esas);
        }
    }

    @Serdeable
    public record EsaActivities(String esa, Long activities, Map<String, Long> byType, Map<String, Long> byState,
                                Long held, Long participantsHeld, Long certificates, Long worksPresented,
                                Long worksSelected, Long worksForwarded, Map<String, Long> heldByMonth,
                                Long schoolsReached, Map<String, Long> itaLevels, @Nullable Ita esaIta) {
        public EsaActivities {
            Objects.requireNonNull(esa, "an ESA's summary without its code");
            for (Long figure : Arrays.asList(activities, held, participantsHeld, certificates, worksPresented,
                    worksSelected, worksForwarded, schoolsReached)) {
                count(figure, "a figure of " + esa + "'s summary");
            }
            byType = counts(byType, esa + "'s activities by type");
            byState = counts(byState, esa + "'s activities by state");
            heldByMonth = counts(heldByMonth, esa + "'s held activities by month");
            itaLevels = counts(itaLevels, esa + "'s ITA levels");
        }
    }

    @Serdeable
    public record Ita(BigDecimal score, String level) {
        public Ita {
            baht(score, "an ITA score");
        }
    }

    /** budget-service: {@code GET /api/v1/fiscal-years/{year}}. */
    @Serdeable
    public record BudgetYear(int fiscalYear, Totals totals, List<EsaBudget> esas) {
        public BudgetYear {
            esas = List.copyOf(esas);
        }
    }

    @Serdeable
    public record EsaBudget(String esa, boolean closed, long rounds, BigDecimal allocated, BigDecimal committed,
                            BigDecimal spent, BigDecimal remaining, @Nullable BigDecimal executionRate) {
        public EsaBudget {
            Objects.requireNonNull(esa, "an ESA's budget without its code");
            money(allocated, committed, spent, remaining);
        }
    }

    @Serdeable
    public record Totals(BigDecimal allocated, BigDecimal committed, BigDecimal spent, BigDecimal remaining,
                         @Nullable BigDecimal executionRate) {
        public Totals {
            money(allocated, committed, spent, remaining);
        }
    }

    /** budget-service: {@code GET /api/v1/fiscal-years/{year}/esas/{esa}}. */
    @Serdeable
    public record BudgetEsaYear(String esa, int fiscalYear, boolean closed, Totals totals,
                                @Nullable Map<String, Totals> byCategory, List<Round> rounds) {
        public BudgetEsaYear {
            Objects.requireNonNull(totals, "budget-service's ESA year without totals");
            rounds = List.copyOf(rounds);
            if (byCategory != null) {
                byCategory.values().forEach(t -> Objects.requireNonNull(t, "a category without its totals"));
                byCategory = Collections.unmodifiableMap(new LinkedHashMap<>(byCategory));
            }
        }
    }

    @Serdeable
    public record Round(int round, @Nullable LocalDate receivedOn, @Nullable String documentRef, BigDecimal allocated,
                        BigDecimal committed, BigDecimal spent, BigDecimal remaining,
                        @Nullable BigDecimal executionRate, List<Line> lines) {
        public Round {
            lines = List.copyOf(lines);
            money(allocated, committed, spent, remaining);
        }
    }

    @Serdeable
    public record Line(int line, String category, @Nullable String purposeTh, BigDecimal allocated,
                       BigDecimal committed, BigDecimal spent, BigDecimal remaining,
                       @Nullable BigDecimal executionRate) {
        public Line {
            money(allocated, committed, spent, remaining);
        }
    }

    /** schools-service: {@code GET /api/v1/schools/{code}/profile}. */
    @Serdeable
    public record SchoolProfile(School school, List<Designation> designations, List<Network> networks,
                                List<Plan> plans) {
        public SchoolProfile {
            Objects.requireNonNull(school, "schools-service's profile without the school");
            designations = List.copyOf(designations);
            networks = List.copyOf(networks);
            plans = List.copyOf(plans);
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
            hosted = List.copyOf(hosted);
            attended = List.copyOf(attended);
            certificates = List.copyOf(certificates);
            works = List.copyOf(works);
            ita = List.copyOf(ita);
            baht(spentOnHosted, "spentOnHosted");
        }
    }

    @Serdeable
    public record Activity(String id, String ref, String type, String titleTh, String state, LocalDate startsOn,
                           @Nullable Long participants, @Nullable BigDecimal actualCost, @Nullable String spending) {
        public Activity {
            if (actualCost != null) {
                baht(actualCost, "an activity's actualCost");
            }
        }
    }

    @Serdeable
    public record Certificate(String id, String printedNumber, String activity, LocalDate givenOn, String status) {
    }

    @Serdeable
    public record Work(String id, String title, String track, String status, String activity) {
    }

    @Serdeable
    public record SchoolIta(int fiscalYear, BigDecimal score, String level) {
        public SchoolIta {
            baht(score, "an ITA score");
        }
    }

    /** events-service: {@code GET /api/v1/activities/{id}}, an activity read alone (with its history). */
    @Serdeable
    public record ActivityWithHistory(String id, String esa, String ref, String type, String typeTh, String titleTh,
                                      String state, String stateTh, @Nullable String reason, LocalDate startsOn,
                                      @Nullable String venue, @Nullable String organiser, @Nullable String chair,
                                      @Nullable Funding funding, @Nullable BigDecimal actualCost, List<Step> history,
                                      @Nullable Participation participation) {
        public ActivityWithHistory {
            Objects.requireNonNull(id, "an activity without its id");
            Objects.requireNonNull(startsOn, "an activity without its day");
            history = List.copyOf(history);
            if (actualCost != null) {
                baht(actualCost, "an activity's actualCost");
            }
        }
    }

    /** The budget line an activity is planned on and where its funding stands with budget-service. */
    @Serdeable
    public record Funding(int fiscalYear, int round, int line, BigDecimal estimate, @Nullable Integer request,
                          @Nullable Instant requestedAt, @Nullable String spending, @Nullable String spendingMessage) {
        public Funding {
            baht(estimate, "an activity's estimate");
        }
    }

    /** One change of an activity. */
    @Serdeable
    public record Step(String change, String state, @Nullable String reason, Instant recordedAt, String recordedBy) {
        public Step {
            Objects.requireNonNull(change, "a change of an activity without its name");
            Objects.requireNonNull(recordedAt, "a change of an activity without its time");
        }
    }

    /** Who took part in an activity, as last recorded: a count per role (every role) and in all. */
    @Serdeable
    public record Participation(Map<String, Long> byRole, Long total) {
        public Participation {
            byRole = counts(byRole, "participation by role");
            count(total, "participation's total");
        }
    }

    /** events-service: {@code GET /api/v1/activities/{id}/certificates?page=&size=}, a page in number order. */
    @Serdeable
    public record CertificatePage(List<ActivityCertificate> items, Long totalItems) {
        public CertificatePage {
            items = List.copyOf(items);
            count(totalItems, "the certificates' totalItems");
        }
    }

    @Serdeable
    public record ActivityCertificate(String id, String printedNumber, String recipient, @Nullable String school,
                                      LocalDate givenOn, String status, String verificationCode) {
        public ActivityCertificate {
            Objects.requireNonNull(printedNumber, "a certificate without its number");
            Objects.requireNonNull(givenOn, "a certificate without its date");
        }
    }
}
