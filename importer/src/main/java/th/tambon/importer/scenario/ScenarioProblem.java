package th.tambon.importer.scenario;

/** One thing wrong with a scenario file: where (a JSON path such as {@code $.schools[3].tambonCode}) and why. */
public record ScenarioProblem(String path, String reason) {
    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
