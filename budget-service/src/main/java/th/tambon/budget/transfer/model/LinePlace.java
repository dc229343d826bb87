package th.tambon.budget.transfer.model;

/** Where a line is in an ESA's fiscal year: its round and its number within the round. */
public record LinePlace(int round, int line) {

    /** "2563/2/1": fiscal year, round and line, as messages name a line. */
    public String label(int fiscalYear) {
        return fiscalYear + "/" + round + "/" + line;
    }
}
