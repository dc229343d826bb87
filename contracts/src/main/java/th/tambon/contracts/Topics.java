package th.tambon.contracts;

/** Names of Tambon's public Kafka topics. A topic's version changes only with a breaking change of its events. */
public final class Topics {
    /** ESAs and schools: registrations, designations, networks, plans. Key: the ESA or school code. */
    public static final String SCHOOLS_V1 = "schools.v1";
    /** Activities and their outcomes. Key: the activity id. */
    public static final String EVENTS_V1 = "events.v1";
    /** Allocations, commitments and spending. Key: fiscal year + ESA, or the activity id. */
    public static final String BUDGET_V1 = "budget.v1";

    private Topics() {
    }

    /** The dead-letter topic of a consuming service, e.g. {@code events-service.dlq}. */
    public static String deadLetterOf(String service) {
        return service + ".dlq";
    }
}
