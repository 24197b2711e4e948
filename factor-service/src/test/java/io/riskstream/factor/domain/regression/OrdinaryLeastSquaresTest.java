package io.riskstream.factor.domain.regression;

import static io.riskstream.factor.domain.fixtures.Approx.assertRelative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.riskstream.factor.domain.fixtures.AppendixA;
import io.riskstream.factor.domain.fixtures.GoldenValues;
import io.riskstream.factor.domain.returns.SimpleReturns;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrdinaryLeastSquaresTest {

    private static final double GOLDEN_TOLERANCE = 1e-9;

    private final Map<String, double[]> prices = AppendixA.prices();

    @Test
    void marketBetaOfTheGoldenVectorMatchesTheReference() {
        assertMatches(OrdinaryLeastSquares.fit(returns("XYZ"), returns("SPY")), GoldenValues.MARKET);
    }

    @Test
    void interestRateBetaOfTheGoldenVectorMatchesTheReference() {
        assertMatches(OrdinaryLeastSquares.fit(returns("XYZ"), returns("TLT")), GoldenValues.IR);
    }

    @Test
    void spreadBetasOfTheGoldenVectorMatchTheReference() {
        assertMatches(OrdinaryLeastSquares.fit(returns("XYZ"), spread("VUG", "VTV")), GoldenValues.GROWTH_VALUE_SPREAD);
        assertMatches(OrdinaryLeastSquares.fit(returns("XYZ"), spread("MTUM", "SPY")), GoldenValues.MOMENTUM_SPREAD);
        assertMatches(OrdinaryLeastSquares.fit(returns("XYZ"), spread("IWM", "SPY")), GoldenValues.SIZE_SPREAD);
        assertMatches(OrdinaryLeastSquares.fit(returns("XYZ"), spread("QUAL", "SPY")), GoldenValues.QUALITY_SPREAD);
    }

    @Test
    void recomputedReturnsEqualTheGeneratingReturns() {
        double[] expected = AppendixA.returns().get("SPY");
        double[] actual = returns("SPY");
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], org.assertj.core.api.Assertions.within(1e-15));
        }
    }

    @Test
    void aPerfectFitHasUnitRSquaredZeroStandardErrorAndZeroPValue() {
        double[] x = {0.01, -0.02, 0.005, 0.03, -0.01};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 0.001 + 2 * x[i];
        }
        FitStatistics fit = OrdinaryLeastSquares.fit(y, x);
        assertThat(fit.beta()).isCloseTo(2.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(fit.rSquared()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(fit.stdError()).isLessThan(1e-7);
        assertThat(fit.pValue()).isLessThan(1e-12);
    }

    @Test
    void aConstantRegressorGivesNoFiniteBeta() {
        FitStatistics fit = OrdinaryLeastSquares.fit(new double[] {0.01, 0.02, 0.03}, new double[] {0.5, 0.5, 0.5});
        assertThat(fit.beta()).isNaN();
    }

    @Test
    void aConstantResponseHasZeroRSquared() {
        FitStatistics fit = OrdinaryLeastSquares.fit(new double[] {0.01, 0.01, 0.01, 0.01},
                new double[] {0.01, 0.02, -0.01, 0.03});
        assertThat(fit.beta()).isZero();
        assertThat(fit.rSquared()).isZero();
    }

    @Test
    void rejectsMismatchedLengthsNonFiniteValuesAndTooFewRows() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OrdinaryLeastSquares.fit(new double[3], new double[4]))
                .withMessageContaining("3").withMessageContaining("4");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OrdinaryLeastSquares.fit(new double[] {1, Double.NaN, 2}, new double[] {1, 2, 3}))
                .withMessageContaining("row 1");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OrdinaryLeastSquares.fit(new double[] {1, 2}, new double[] {1, 3}));
    }

    private double[] returns(String symbol) {
        return SimpleReturns.of(prices.get(symbol));
    }

    private double[] spread(String longLeg, String shortLeg) {
        double[] l = returns(longLeg);
        double[] s = returns(shortLeg);
        double[] out = new double[l.length];
        for (int i = 0; i < l.length; i++) {
            out[i] = l[i] - s[i];
        }
        return out;
    }

    private static void assertMatches(FitStatistics fit, GoldenValues.Ols expected) {
        assertThat(fit.observations()).isEqualTo(AppendixA.RETURNS);
        assertRelative("beta", fit.beta(), expected.beta(), GOLDEN_TOLERANCE);
        assertRelative("alpha", fit.alpha(), expected.alpha(), GOLDEN_TOLERANCE);
        assertRelative("r squared", fit.rSquared(), expected.rSquared(), GOLDEN_TOLERANCE);
        assertRelative("std error", fit.stdError(), expected.stdError(), GOLDEN_TOLERANCE);
        assertRelative("t", fit.tStat(), expected.tStat(), GOLDEN_TOLERANCE);
        assertRelative("p", fit.pValue(), expected.pValue(), GOLDEN_TOLERANCE);
    }
}
