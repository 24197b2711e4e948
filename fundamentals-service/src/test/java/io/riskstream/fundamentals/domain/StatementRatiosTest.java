package io.riskstream.fundamentals.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StatementRatiosTest {

    @Test
    void extremeButMeaningfulRatiosAreKept() {
        assertThat(StatementRatios.ratio(BigDecimal.valueOf(-2_500_000), BigDecimal.valueOf(10_000)))
                .isEqualByComparingTo("-250");
        assertThat(StatementRatios.ratio(BigDecimal.valueOf(5_000_000_000L), BigDecimal.valueOf(100_000)))
                .isEqualByComparingTo("50000");
    }

    @Test
    void aNearZeroDenominatorGivesNull() {
        assertThat(StatementRatios.ratio(BigDecimal.valueOf(-2_500_000), BigDecimal.valueOf(500))).isNull();
        assertThat(StatementRatios.ratio(BigDecimal.ONE, BigDecimal.ZERO)).isNull();
        assertThat(StatementRatios.ratio(null, BigDecimal.TEN)).isNull();
    }

    @Test
    void totalDebtFallsBackToLongPlusShortTerm() {
        assertThat(StatementRatios.totalDebt(Map.of(), Map.of("long_term_debt", BigDecimal.TEN, "short_term_debt",
                BigDecimal.ONE))).isEqualByComparingTo("11");
        assertThat(StatementRatios.totalDebt(Map.of("shortLongTermDebtTotal", BigDecimal.TWO),
                Map.of("long_term_debt", BigDecimal.TEN))).isEqualByComparingTo("2");
        assertThat(StatementRatios.totalDebt(Map.of("totalDebt", BigDecimal.ONE), Map.of())).isEqualByComparingTo("1");
    }
}
