package th.tambon.events.activity.web;

/** The fields a list of activities sorts by ({@link th.tambon.http.Sorting}); ties go by id. */
final class ActivityOrder {
    static final String PATTERN = "-?(startsOn|titleTh|state|type|esa|ref)";
    static final String MESSAGE = "must be startsOn, titleTh, state, type, esa or ref, with a leading - for descending";

    private ActivityOrder() {
    }
}
