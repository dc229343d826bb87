package th.tambon.importer.load;

/** The outcome of one item and, when it failed, why. */
public record Result(Outcome outcome, String reason) {
    public static final Result CREATED = new Result(Outcome.CREATED, null);
    public static final Result UPDATED = new Result(Outcome.UPDATED, null);
    public static final Result UNCHANGED = new Result(Outcome.UNCHANGED, null);

    public static Result failed(String reason) {
        return new Result(Outcome.FAILED, reason);
    }
}
