package th.tambon.contracts.budget;

/**
 * The keys of budget.v1: an ESA's fiscal year ({@code <esa>/<fiscalYear>}, e.g. {@code P51-1/2563}) for its rounds,
 * transfers, direct expenditures and closing, and an activity's id for the funding saga's answers and what follows
 * them. Each key has its own {@code version}, which only grows.
 */
public final class BudgetKeys {
    private BudgetKeys() {
    }

    /** The key of an ESA's fiscal year: {@code P51-1/2563}. */
    public static String fiscalYearOf(String esa, int fiscalYear) {
        return esa + "/" + fiscalYear;
    }
}
