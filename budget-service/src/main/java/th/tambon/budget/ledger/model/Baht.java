package th.tambon.budget.ledger.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** Amounts of Thai baht as budget-service takes them: exact, at most two decimals (satang), within NUMERIC(14,2). */
public final class Baht {
    /** The largest amount a NUMERIC(14,2) column holds. */
    public static final BigDecimal MAX = new BigDecimal("999999999999.99");

    private Baht() {
    }

    /** What is wrong with an amount that must be zero or more, or empty when it is a valid amount. */
    public static Optional<String> problemWith(BigDecimal amount) {
        if (amount == null) {
            return Optional.of("is missing");
        }
        if (amount.signum() < 0) {
            return Optional.of("must not be negative (" + amount.toPlainString() + ")");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            return Optional.of("has more than two decimals (" + amount.toPlainString() + "): baht are counted to "
                    + "the satang");
        }
        if (amount.compareTo(MAX) > 0) {
            return Optional.of("is more than " + MAX.toPlainString());
        }
        return Optional.empty();
    }

    /** What is wrong with an amount that must be more than zero, or empty. */
    public static Optional<String> problemWithPositive(BigDecimal amount) {
        return problemWith(amount).or(() -> amount.signum() == 0 ? Optional.of("must be more than zero")
                : Optional.empty());
    }

    /** The amount with exactly two decimals (a valid amount loses nothing). */
    public static BigDecimal of(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** "218,700.00 บาท", as people read amounts. */
    public static String th(BigDecimal amount) {
        return String.format("%,.2f บาท", amount);
    }
}
