package th.tambon.budget.saga.model;

/**
 * Where an activity's funding stands in budget-service: its current request COMMITTED or REJECTED, the commitment
 * SPENT (turned into an expenditure), SPENDING_REFUSED (its cost could not be recorded; the commitment stays open until
 * the cost is reported again) or RELEASED (the activity was cancelled).
 */
public enum SagaState {
    COMMITTED,
    REJECTED,
    SPENT,
    SPENDING_REFUSED,
    RELEASED;

    /** Whether money is still held for the activity: the saga waits for the activity's report or cancellation. */
    public boolean unsettled() {
        return this == COMMITTED || this == SPENDING_REFUSED;
    }
}
