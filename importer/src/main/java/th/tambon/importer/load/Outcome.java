package th.tambon.importer.load;

/** What loading one item did: the columns of the summary table. */
public enum Outcome {
    /** It was not in the registry and now is. */
    CREATED,
    /** It was, with other values, and now holds the file's. */
    UPDATED,
    /** It already held the file's values: nothing was written. */
    UNCHANGED,
    /**
     * It is loaded as far as it can be for now: it waits for another service (an activity whose funding budget-service
     * has not answered yet). Not a failure: the next import goes on from there.
     */
    WAITING,
    /** The registry refused it, or something it needs failed; the reason says which. */
    FAILED
}
