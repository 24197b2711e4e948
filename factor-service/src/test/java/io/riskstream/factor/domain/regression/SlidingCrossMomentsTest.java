package io.riskstream.factor.domain.regression;

import static io.riskstream.factor.domain.fixtures.Approx.assertRelative;
import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.factor.domain.returns.ReturnRange;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SlidingCrossMomentsTest {

    private final double[][] columns = randomReturns(3, 2000, 42);

    @Test
    void forwardSlidesEqualTwoPassMomentsOfEachWindow() {
        SlidingCrossMoments sliding = new SlidingCrossMoments(columns);
        Random random = new Random(7);
        int from = 0;
        int to = 80;
        for (int step = 0; step < 1500 && to < 2000; step++) {
            assertEqualsTwoPass(sliding.moveTo(new ReturnRange(from, to)), from, to);
            to = Math.min(2000, to + random.nextInt(3));
            from = Math.min(to - 1, from + random.nextInt(3));
        }
    }

    @Test
    void backwardOrDisjointMovesRebuildAndStayExact() {
        SlidingCrossMoments sliding = new SlidingCrossMoments(columns);
        assertEqualsTwoPass(sliding.moveTo(new ReturnRange(500, 600)), 500, 600);
        assertEqualsTwoPass(sliding.moveTo(new ReturnRange(100, 180)), 100, 180);
        assertEqualsTwoPass(sliding.moveTo(new ReturnRange(1500, 1590)), 1500, 1590);
        assertEqualsTwoPass(sliding.moveTo(new ReturnRange(1500, 1500)), 1500, 1500);
    }

    @Test
    void aWindowThatShrinksToOneRowHasZeroCrossProducts() {
        SlidingCrossMoments sliding = new SlidingCrossMoments(columns);
        sliding.moveTo(new ReturnRange(10, 90));
        CrossMoments m = sliding.moveTo(new ReturnRange(89, 90));
        assertThat(m.n()).isOne();
        assertThat(m.cross(0, 0)).isCloseTo(0.0, org.assertj.core.api.Assertions.within(1e-15));
    }

    private void assertEqualsTwoPass(CrossMoments actual, int from, int to) {
        CrossMoments expected = CrossMoments.of(columns, from, to);
        assertThat(actual.n()).isEqualTo(expected.n());
        for (int j = 0; j < columns.length; j++) {
            assertRelative("mean " + j, actual.mean(j), expected.mean(j), 1e-11);
            for (int k = 0; k < columns.length; k++) {
                // an absolute floor for cross products that are near zero compared with the variances
                double scale = Math.sqrt(expected.cross(j, j) * expected.cross(k, k));
                assertThat(Math.abs(actual.cross(j, k) - expected.cross(j, k)))
                        .as("cross %d,%d over [%d,%d)", j, k, from, to)
                        .isLessThanOrEqualTo(1e-12 * scale + 1e-300);
            }
        }
    }

    private static double[][] randomReturns(int p, int n, long seed) {
        Random random = new Random(seed);
        double[][] c = new double[p][n];
        for (int i = 0; i < n; i++) {
            double market = 0.0004 + 0.012 * random.nextGaussian();
            for (int j = 0; j < p; j++) {
                c[j][i] = (0.8 + 0.2 * j) * market + 0.006 * random.nextGaussian();
            }
        }
        return c;
    }
}
