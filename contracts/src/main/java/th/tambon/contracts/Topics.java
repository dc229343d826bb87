package th.tambon.contracts;

import java.util.Map;
import java.util.Optional;

/** Names of Tambon's public Kafka topics. A topic's version changes only with a breaking change of its events. */
public final class Topics {
    /**
     * ESAs and schools: registrations, designations, networks, plans; and the academic calendar. Key: the ESA or school
     * code, {@code <school>/<academicYear>} for a plan, {@code academic-calendar} for the calendar.
     */
    public static final String SCHOOLS_V1 = "schools.v1";
    /**
     * Activities and their outcomes. Key: the activity id, {@code <activity id>/funding} for its funding, a
     * certificate's or a work's id, or {@code ita/<code>/<fiscalYear>} for an ITA result (docs/topics.md).
     */
    public static final String EVENTS_V1 = "events.v1";
    /** Allocations, commitments and spending. Key: fiscal year + ESA, or the activity id. */
    public static final String BUDGET_V1 = "budget.v1";

    private static final Map<String, String> PRODUCERS = Map.of(
            SCHOOLS_V1, "schools-service",
            EVENTS_V1, "events-service",
            BUDGET_V1, "budget-service");

    private Topics() {
    }

    /** The CloudEvents {@code source} of everything a service publishes: {@code /tambon/schools-service}. */
    public static String sourceOf(String service) {
        return "/tambon/" + service;
    }

    /** The {@code ce_source} of the one service that publishes on a topic, e.g. schools.v1's schools-service. */
    public static Optional<String> producerOf(String topic) {
        return Optional.ofNullable(PRODUCERS.get(topic)).map(Topics::sourceOf);
    }

    /** The dead-letter topic of a consuming service, e.g. {@code events-service.dlq}. */
    public static String deadLetterOf(String service) {
        return service + ".dlq";
    }
}
