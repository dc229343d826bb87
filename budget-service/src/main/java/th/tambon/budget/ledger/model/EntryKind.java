package th.tambon.budget.ledger.model;

/**
 * The kinds of ledger entries, each counting towards one of a line's sums with the sign it carries (see
 * {@link Balance#after}): allocation changes (ALLOCATED, REVISED, TRANSFERRED_IN, TRANSFERRED_OUT), commitments
 * (COMMITTED, RELEASED) and spending (SPENT). CARRIED_OVER records a reservation past the year end and moves nothing.
 */
public enum EntryKind {
    ALLOCATED,
    REVISED,
    TRANSFERRED_IN,
    TRANSFERRED_OUT,
    COMMITTED,
    RELEASED,
    SPENT,
    CARRIED_OVER
}
