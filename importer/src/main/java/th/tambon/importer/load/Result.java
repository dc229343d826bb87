package th.tambon.importer.load;

/**
 * The outcome of one item and, when it failed, why ({@code reason}; on an item left unchanged, a note the summary
 * prints, or null; on a waiting one, what it waits for); {@code cause} names the failed item at the root of a failure
 * that only followed from it ("esas P51-1"), null for a failure of its own.
 */
public record Result(Outcome outcome, String reason, String cause) {
    public static final Result CREATED = new Result(Outcome.CREATED, null, null);
    public static final Result UPDATED = new Result(Outcome.UPDATED, null, null);
    public static final Result UNCHANGED = new Result(Outcome.UNCHANGED, null, null);

    /** Left as the registry has it, with a note that says why the file's value is taken as already there. */
    public static Result unchanged(String note) {
        return new Result(Outcome.UNCHANGED, note, null);
    }

    /** Loaded as far as it can be until another service answers; {@code reason} says what it waits for. */
    public static Result waiting(String reason) {
        return new Result(Outcome.WAITING, reason, null);
    }

    public static Result failed(String reason) {
        return new Result(Outcome.FAILED, reason, null);
    }

    /** Not tried, because {@code root} (an item this one needs, or one that it needs) failed. */
    static Result notTried(String root) {
        return new Result(Outcome.FAILED, "not tried: " + root + " failed", root);
    }
}
