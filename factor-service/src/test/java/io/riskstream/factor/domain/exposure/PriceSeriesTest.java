package io.riskstream.factor.domain.exposure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PriceSeriesTest {

    private static final LocalDate D1 = LocalDate.of(2024, 3, 4);
    private static final LocalDate D2 = LocalDate.of(2024, 3, 5);
    private static final LocalDate D3 = LocalDate.of(2024, 3, 6);

    @Test
    void acceptsAscendingDatesWithPositivePrices() {
        PriceSeries series = new PriceSeries("AAPL", new LocalDate[] {D1, D2, D3}, new double[] {1, 2, 3});
        assertThat(series.size()).isEqualTo(3);
        assertThat(series.dates()).containsExactly(D1, D2, D3);
    }

    @Test
    void rejectsANaNPriceNamingSymbolAndDate() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PriceSeries("AAPL", new LocalDate[] {D1, D2}, new double[] {1, Double.NaN}))
                .withMessageContaining("AAPL").withMessageContaining("2024-03-05");
    }

    @Test
    void rejectsZeroNegativeAndInfinitePrices() {
        for (double bad : new double[] {0.0, -1.0, Double.POSITIVE_INFINITY}) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new PriceSeries("MSFT", new LocalDate[] {D1, D2}, new double[] {bad, 1}))
                    .withMessageContaining("MSFT").withMessageContaining("2024-03-04");
        }
    }

    @Test
    void rejectsADuplicatedDateNamingSymbolAndDate() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PriceSeries("AAPL", new LocalDate[] {D1, D2, D2}, new double[] {1, 2, 3}))
                .withMessageContaining("AAPL").withMessageContaining("duplicate date 2024-03-05");
    }

    @Test
    void rejectsUnsortedDatesNamingSymbolAndDate() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PriceSeries("AAPL", new LocalDate[] {D1, D3, D2}, new double[] {1, 2, 3}))
                .withMessageContaining("AAPL").withMessageContaining("2024-03-05");
    }

    @Test
    void rejectsMismatchedLengthsAndAMissingSymbol() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PriceSeries("AAPL", new LocalDate[] {D1, D2}, new double[] {1}))
                .withMessageContaining("AAPL");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PriceSeries(" ", new LocalDate[0], new double[0]));
    }

    @Test
    void copiesItsArraysSoCallersCannotChangeIt() {
        double[] prices = {1, 2};
        PriceSeries series = new PriceSeries("AAPL", new LocalDate[] {D1, D2}, prices);
        prices[0] = Double.NaN;
        series.prices()[1] = -5;
        assertThat(series.prices()).containsExactly(1, 2);
    }
}
