package th.tambon.budget;

import io.micronaut.runtime.Micronaut;

/** budget-service: fiscal years, allocations, commitments and spending; keeps a replica of ESAs and schools. */
public final class BudgetApplication {
    private BudgetApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(BudgetApplication.class, args);
    }
}
