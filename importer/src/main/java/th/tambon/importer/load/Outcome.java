package th.tambon.importer.load;

/** What loading one item did: the four columns of the summary table. */
public enum Outcome {
    /** It was not in the registry and now is. */
    CREATED,
    /** It was, with other values, and now holds the file's. */
    UPDATED,
    /** It already held the file's values: nothing was written. */
    UNCHANGED,
    /** The registry refused it, or something it needs failed; the reason says which. */
    FAILED
}
