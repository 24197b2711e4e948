package io.riskstream.factor.domain.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.riskstream.factor.domain.exposure.PriceSeries;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SymbolMetricsCalculationTest {

    private static final LocalDate D = LocalDate.of(2024, 1, 3);
    private final SymbolMetricsCalculation calculation = new SymbolMetricsCalculation();

    /** Sparse on purpose: no reference date falls on a price, so every lookup must take the close before it. */
    private static PriceSeries series() {
        return new PriceSeries("ABC",
                new LocalDate[] {
                    LocalDate.of(2022, 12, 30), // before D-365 (2023-01-03): the 1y reference
                    LocalDate.of(2023, 10, 2),  // before D-90 (2023-10-05): the 3m reference
                    LocalDate.of(2023, 12, 1),  // before D-30 (2023-12-04): the 1m reference
                    LocalDate.of(2023, 12, 29), // last close of 2023: the MTD and YTD reference
                    LocalDate.of(2024, 1, 2),   // previous trading day
                    D},
                new double[] {50, 80, 90, 100, 104, 110});
    }

    @Test
    void everyReferenceIsTheLastCloseOnOrBeforeItsDate() {
        SymbolMetrics m = calculation.compute(series(), series(), List.of(D), null, Set.of()).getFirst();
        assertEquals(110.0, m.currentPrice());
        PeriodReturns r = m.returns();
        assertEquals(110.0 / 104 - 1, r.oneDay(), 1e-15);
        assertEquals(110.0 / 100 - 1, r.monthToDate(), 1e-15);
        assertEquals(110.0 / 100 - 1, r.yearToDate(), 1e-15);
        assertEquals(110.0 / 90 - 1, r.oneMonth(), 1e-15);
        assertEquals(110.0 / 80 - 1, r.threeMonths(), 1e-15);
        assertEquals(110.0 / 50 - 1, r.oneYear(), 1e-15);
    }

    @Test
    void monthToDateUsesThePreviousMonthsLastCloseWithinTheYear() {
        PriceSeries s = new PriceSeries("ABC",
                new LocalDate[] {LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 2)},
                new double[] {10, 11, 12});
        PeriodReturns r = calculation.compute(s, s, List.of(LocalDate.of(2024, 2, 2)), null, Set.of())
                .getFirst().returns();
        assertEquals(12.0 / 10 - 1, r.monthToDate(), 1e-15);
        assertNull(r.yearToDate(), "no close in 2023");
        assertNull(r.oneMonth(), "no close on or before 2024-01-03");
        assertEquals(12.0 / 11 - 1, r.oneDay(), 1e-15);
    }

    @Test
    void missingHistoryGivesNullReturnsAndALowerScore() {
        PriceSeries s = new PriceSeries("ABC", new LocalDate[] {D}, new double[] {110});
        SymbolMetrics m = calculation.compute(s, s, List.of(D), null, Set.of()).getFirst();
        assertEquals(PeriodReturns.NONE, m.returns());
        assertEquals(30, m.dataQualityScore(), "price only");
    }

    @Test
    void aDateWithoutItsOwnPriceHasNoPriceAndNoReturns() {
        SymbolMetrics m = calculation.compute(series(), series(), List.of(LocalDate.of(2024, 1, 4)), null,
                Set.of()).getFirst();
        assertNull(m.currentPrice());
        assertEquals(PeriodReturns.NONE, m.returns());
        assertEquals(0, m.dataQualityScore());
    }

    @Test
    void currentPriceAndReturnsMayComeFromDifferentColumns() {
        PriceSeries raw = new PriceSeries("ABC", new LocalDate[] {LocalDate.of(2024, 1, 2), D}, new double[] {200, 220});
        PriceSeries adjusted = new PriceSeries("ABC", new LocalDate[] {LocalDate.of(2024, 1, 2), D},
                new double[] {100, 111});
        SymbolMetrics m = calculation.compute(raw, adjusted, List.of(D), null, Set.of()).getFirst();
        assertEquals(220.0, m.currentPrice());
        assertEquals(0.11, m.returns().oneDay(), 1e-12);
    }

    @Test
    void scoreFollowsTheLegacyWeights() {
        Valuation profile = new Valuation("ABC Corp", "Tech", 1e9, 20.0, 18.0, 0.01);
        SymbolMetrics full = calculation.compute(series(), series(), List.of(D), profile, Set.of(D)).getFirst();
        assertEquals(100, full.dataQualityScore());
        assertTrue(full.hasFactors());
        SymbolMetrics noProfile = full.withValuation(null);
        assertEquals(80, noProfile.dataQualityScore());
        assertEquals(profile, noProfile.withValuation(profile).valuation());
        SymbolMetrics noFactors = calculation.compute(series(), series(), List.of(D), profile, Set.of()).getFirst();
        assertFalse(noFactors.hasFactors());
        assertEquals(80, noFactors.dataQualityScore());
    }
}
