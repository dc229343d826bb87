package th.tambon.events.funding.application;

import jakarta.inject.Singleton;
import th.tambon.events.activity.application.FundingProgress;
import th.tambon.events.funding.infrastructure.Fundings;
import th.tambon.events.funding.model.Spending;

import java.util.Optional;
import java.util.UUID;

/** An activity's funding as its view shows it: the current request and budget-service's last word on spending it. */
@Singleton
public class ShowingFundingProgress implements FundingProgress {
    private final Fundings fundings;

    public ShowingFundingProgress(Fundings fundings) {
        this.fundings = fundings;
    }

    @Override
    public Optional<Progress> of(UUID activity) {
        return fundings.find(activity).map(funding -> {
            Spending spending = funding.spending();
            return spending == null ? new Progress(funding.request(), funding.requestedAt(), null, null, null, null)
                    : new Progress(funding.request(), funding.requestedAt(), spending.status().name(),
                    spending.reasonCode(), spending.message(), spending.at());
        });
    }
}
