package th.tambon.gateway.sources;

/** A service a view is composed from, named as the view's {@code sections} name it. */
public enum Source {
    SCHOOLS("schools", "schools-service"),
    EVENTS("events", "events-service"),
    BUDGET("budget", "budget-service");

    private final String section;
    private final String service;

    Source(String section, String service) {
        this.section = section;
        this.service = service;
    }

    /** The name of the view's section this source fills: {@code schools}, {@code events}, {@code budget}. */
    public String section() {
        return section;
    }

    /** The service's name, as problems and logs give it. */
    public String service() {
        return service;
    }
}
