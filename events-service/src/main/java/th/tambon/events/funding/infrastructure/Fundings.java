package th.tambon.events.funding.infrastructure;

import jakarta.inject.Singleton;
import th.tambon.events.activity.model.Funding;
import th.tambon.events.funding.model.ActivityFunding;
import th.tambon.events.funding.model.Spending;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Activities' fundings as the rest of the service sees them, stored as {@code activity_funding} rows. */
@Singleton
public class Fundings {
    private final FundingRepository rows;

    public Fundings(FundingRepository rows) {
        this.rows = rows;
    }

    /** The activity's funding, its row locked until the transaction ends; empty when it never asked for money. */
    public Optional<ActivityFunding> findForChange(UUID activity) {
        return rows.lock(activity).map(Fundings::funding);
    }

    /** The activity's funding as it is, to read; empty when it never asked for money. */
    public Optional<ActivityFunding> find(UUID activity) {
        return rows.findById(activity).map(Fundings::funding);
    }

    /** Stores a funding changed at {@code at}: inserted at its first request, updated after. */
    public void store(ActivityFunding funding, Instant at) {
        FundingRow row = row(funding, at);
        if (funding.version() == 1) {
            rows.save(row);
        } else {
            rows.update(row);
        }
    }

    /** Stores what a funding that exists took from budget-service's answer (its version unchanged). */
    public void update(ActivityFunding funding, Instant at) {
        rows.update(row(funding, at));
    }

    private static ActivityFunding funding(FundingRow row) {
        Spending spending = row.spending() == null ? null : new Spending(Spending.Status.valueOf(row.spending()),
                row.spendingReasonCode(), row.spendingMessage(), row.spendingAt());
        return new ActivityFunding(row.activity(), row.esa(), row.request(),
                new Funding(row.fiscalYear(), row.round(), row.line(), row.amount()), row.requestedAt(), row.version(),
                spending, row.budgetVersion() == null ? 0 : row.budgetVersion());
    }

    private static FundingRow row(ActivityFunding funding, Instant updatedAt) {
        Funding asked = funding.asked();
        Spending spending = funding.spending();
        return new FundingRow(funding.activity(), funding.esa(), funding.request(), asked.fiscalYear(), asked.round(),
                asked.line(), asked.estimate(), funding.requestedAt(), updatedAt, funding.version(),
                spending == null ? null : spending.status().name(), spending == null ? null : spending.reasonCode(),
                spending == null ? null : spending.message(), spending == null ? null : spending.at(),
                funding.budgetVersion() == 0 ? null : funding.budgetVersion());
    }
}
