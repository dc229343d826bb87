package th.tambon.events.ita;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import th.tambon.events.ita.model.ItaLevel;
import th.tambon.events.ita.model.ItaScores;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ITA levels: AA 95–100, A 85–94.99, B 75–84.99, C 65–74.99, D 55–64.99, E 50–54.99, F below 50. */
class ItaLevelTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "100.00, AA", "95.00, AA", "95, AA",
            "94.99, A", "85.00, A",
            "84.99, B", "75.00, B",
            "74.99, C", "65.00, C",
            "64.99, D", "55.00, D",
            "54.99, E", "50.00, E",
            "49.99, F", "0.00, F", "0, F"})
    void each_level_starts_at_its_lower_bound_and_ends_one_satang_of_a_point_below_the_next(String score,
                                                                                          ItaLevel level) {
        assertThat(ItaLevel.of(new BigDecimal(score))).isEqualTo(level);
    }

    @ParameterizedTest(name = "{0} is no score")
    @ValueSource(strings = {"100.01", "-0.01", "95.123", "101", "49.999"})
    void a_value_above_100_below_0_or_with_more_than_two_decimals_has_no_level(String value) {
        assertThat(ItaScores.problem(new BigDecimal(value))).contains("at most two decimals");
        assertThatThrownBy(() -> ItaLevel.of(new BigDecimal(value))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trailing_zeros_are_not_decimals_and_a_score_is_kept_at_two() {
        assertThat(ItaScores.problem(new BigDecimal("95.1000"))).isNull();
        assertThat(ItaScores.of(new BigDecimal("95.1000"), null, null, null).result().score()).isEqualByComparingTo("95.10")
                .hasToString("95.10");
    }

    @Test
    void an_instrument_out_of_range_is_named_by_its_field() {
        var step = ItaScores.of(new BigDecimal("90"), new BigDecimal("90"), new BigDecimal("100.01"), null);

        assertThat(step.taken()).isFalse();
        assertThat(step.field()).isEqualTo("eit");
    }
}
