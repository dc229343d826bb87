package th.tambon.events.funding.model;

import java.time.Instant;
import java.util.Objects;

/**
 * What budget-service last said about spending an activity's commitment on its reported cost: RECORDED (it became an
 * expenditure) or REFUSED (it could not be recorded; the commitment stays open until the cost is reported again).
 *
 * @param reasonCode a refusal's reason for machines (INSUFFICIENT_BALANCE, OUTSIDE_FISCAL_YEAR, FISCAL_YEAR_CLOSED,
 *                   NOT_COMMITTED, INVALID_REQUEST); null for a recording
 * @param message    for people: a refusal's message from budget-service, or what a recording spent and released
 * @param at         when budget-service recorded or refused it
 */
public record Spending(Status status, String reasonCode, String message, Instant at) {
    public Spending {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }

    public static Spending recorded(String message, Instant at) {
        return new Spending(Status.RECORDED, null, message, at);
    }

    public static Spending refused(String reasonCode, String message, Instant at) {
        return new Spending(Status.REFUSED, reasonCode, message, at);
    }

    public boolean recorded() {
        return status == Status.RECORDED;
    }

    public boolean refused() {
        return status == Status.REFUSED;
    }

    public enum Status {
        RECORDED,
        REFUSED
    }
}
