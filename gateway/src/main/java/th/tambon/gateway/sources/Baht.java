package th.tambon.gateway.sources;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Baht in views: decimal strings with two decimals ("218700.00"), never floating point. */
public final class Baht {
    public static final BigDecimal ZERO = new BigDecimal("0.00");
    private Baht() {
    }

    @Nullable
    public static String text(@Nullable BigDecimal amount) {
        // the answers hold at most two decimals (Answers.baht); a quotient is rounded by per()
        return amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** An amount shared out: {@code amount ÷ count} to the satang (half up); null when there is nothing to divide by. */
    @Nullable
    public static BigDecimal per(@Nullable BigDecimal amount, @Nullable Long count) {
        if (amount == null || count == null || count == 0) {
            return null;
        }
        return amount.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }

    /** A percentage with two decimals ("9.92"), half up. */
    @Nullable
    public static String percent(@Nullable BigDecimal rate) {
        return rate == null ? null : rate.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
