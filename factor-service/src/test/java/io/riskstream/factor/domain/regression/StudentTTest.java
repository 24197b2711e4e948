package io.riskstream.factor.domain.regression;

import static io.riskstream.factor.domain.fixtures.Approx.assertRelative;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

class StudentTTest {

    @Test
    void twoSidedPValuesEqualCommonsMathTDistributionOverAGridOfTAndDegreesOfFreedom() {
        double worst = 0;
        for (int dof : new int[] {1, 2, 3, 5, 10, 28, 29, 30, 58, 81, 118, 143, 200, 500, 1023, 1024, 5000}) {
            TDistribution reference = new TDistribution(null, dof);
            for (double t = 0; t <= 60; t += 0.0625) {
                double expected = 2 * reference.cumulativeProbability(-t);
                if (expected < 1e-300) {
                    continue;
                }
                assertRelative("dof " + dof + ", t " + t, StudentT.twoSidedPValue(t, dof), expected, 1e-12);
                assertRelative("dof " + dof + ", t " + -t, StudentT.twoSidedPValue(-t, dof), expected, 1e-12);
                worst = Math.max(worst, io.riskstream.factor.domain.fixtures.Approx.relativeError(
                        StudentT.twoSidedPValue(t, dof), expected));
            }
        }
        System.out.printf("worst relative error of p vs TDistribution: %.3e%n", worst);
    }

    @Test
    void zeroTGivesOneAndInfiniteTGivesZero() {
        assertThat(StudentT.twoSidedPValue(0, 50)).isEqualTo(1.0);
        assertThat(StudentT.twoSidedPValue(Double.POSITIVE_INFINITY, 50)).isZero();
        assertThat(StudentT.twoSidedPValue(Double.NaN, 50)).isNaN();
        assertThat(StudentT.twoSidedPValue(1.0, 0)).isNaN();
    }

    @Test
    void tinyPValuesKeepTheirRelativePrecision() {
        // the golden vector's market beta: t = 23.646 on 118 dof, p ≈ 1.37e-46 (scipy's t.sf agrees)
        assertRelative("golden p", StudentT.twoSidedPValue(23.64607450220583, 118), 1.370963705087358e-46, 1e-9);
    }
}
