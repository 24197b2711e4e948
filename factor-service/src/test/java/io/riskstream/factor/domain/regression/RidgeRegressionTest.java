package io.riskstream.factor.domain.regression;

import static io.riskstream.factor.domain.fixtures.Approx.assertRelative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import io.riskstream.factor.domain.fixtures.AppendixA;
import io.riskstream.factor.domain.fixtures.GoldenValues;
import io.riskstream.factor.domain.returns.SimpleReturns;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RidgeRegressionTest {

    private static final String[] STYLE_ETFS = {"VTV", "VUG", "MTUM", "QUAL", "IWM", "USMV"};

    private final Map<String, double[]> prices = AppendixA.prices();

    @Test
    void styleBetasOfTheGoldenVectorMatchTheReference() {
        RidgeFit fit = new RidgeRegression(1.0).fit(returns("XYZ"), styleReturns());

        assertThat(fit.observations()).isEqualTo(AppendixA.RETURNS);
        for (int j = 0; j < STYLE_ETFS.length; j++) {
            assertRelative(STYLE_ETFS[j], fit.beta(j), GoldenValues.RIDGE_BETAS[j], 1e-9);
        }
        assertRelative("r squared", fit.rSquared(), GoldenValues.RIDGE_R_SQUARED, 1e-9);
    }

    @Test
    void interceptMakesTheFitPassThroughTheMeans() {
        double[] y = returns("XYZ");
        double[][] x = styleReturns();
        RidgeFit fit = new RidgeRegression(1.0).fit(y, x);

        double fitted = fit.intercept();
        for (int j = 0; j < x.length; j++) {
            fitted += fit.beta(j) * mean(x[j]);
        }
        assertThat(fitted).isCloseTo(mean(y), within(1e-15));
    }

    @Test
    void zeroPenaltyGivesOrdinaryLeastSquaresForOneRegressor() {
        double[] y = returns("XYZ");
        double[] spy = returns("SPY");
        RidgeFit ridge = new RidgeRegression(0.0).fit(y, new double[][] {spy});
        FitStatistics ols = OrdinaryLeastSquares.fit(y, spy);

        assertRelative("beta", ridge.beta(0), ols.beta(), 1e-12);
        assertRelative("intercept", ridge.intercept(), ols.alpha(), 1e-10);
        assertRelative("r squared", ridge.rSquared(), ols.rSquared(), 1e-12);
    }

    @Test
    void aLargerPenaltyShrinksTheBetas() {
        double[] y = returns("XYZ");
        RidgeFit mild = new RidgeRegression(1.0).fit(y, styleReturns());
        RidgeFit strong = new RidgeRegression(1000.0).fit(y, styleReturns());

        assertThat(norm(strong.betas())).isLessThan(norm(mild.betas()));
        assertThat(strong.rSquared()).isLessThan(mild.rSquared());
    }

    @Test
    void aConstantRegressorGetsZeroBetaLikeStandardScaler() {
        double[] y = returns("XYZ");
        double[] constant = new double[y.length];
        java.util.Arrays.fill(constant, 0.001);
        RidgeFit fit = new RidgeRegression(1.0).fit(y, new double[][] {returns("SPY"), constant});

        assertThat(fit.beta(1)).isCloseTo(0.0, within(1e-12));
        assertThat(fit.beta(0)).isFinite().isPositive();
    }

    @Test
    void rejectsColumnsOfTheWrongLengthAndNonFiniteValues() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RidgeRegression(1.0).fit(new double[5], new double[][] {new double[4]}));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RidgeRegression(1.0).fit(new double[] {1, 2, Double.POSITIVE_INFINITY},
                        new double[][] {{1, 2, 3}}));
        assertThatIllegalArgumentException().isThrownBy(() -> new RidgeRegression(-1.0));
    }

    private double[] returns(String symbol) {
        return SimpleReturns.of(prices.get(symbol));
    }

    private double[][] styleReturns() {
        double[][] x = new double[STYLE_ETFS.length][];
        for (int j = 0; j < x.length; j++) {
            x[j] = returns(STYLE_ETFS[j]);
        }
        return x;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
