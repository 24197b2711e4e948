package io.riskstream.factor.domain.exposure;

import io.riskstream.factor.domain.regression.FitStatistics;
import io.riskstream.factor.domain.regression.RidgeFit;

/** Turns regression results into factor outcomes: the cap, and no non-finite numbers on the way out. */
final class Fits {

    private Fits() {
    }

    static FactorOutcome ols(FitStatistics fit, double cap) {
        if (!Double.isFinite(fit.beta())) {
            return new Skipped("regressor returns have no variance in the window");
        }
        return new FactorFit(clamp(fit.beta(), cap), finiteOrNull(fit.alpha()), fit.rSquared(),
                finiteOrNull(fit.stdError()), finiteOrNull(fit.tStat()), finiteOrNull(fit.pValue()),
                fit.observations(), Math.abs(fit.beta()) > cap, fit.beta());
    }

    static FactorFit ridgeMember(RidgeFit fit, int member, double cap) {
        double beta = fit.beta(member);
        return new FactorFit(clamp(beta, cap), finiteOrNull(fit.intercept()), fit.rSquared(), null, null, null,
                fit.observations(), Math.abs(beta) > cap, beta);
    }

    private static double clamp(double beta, double cap) {
        return Math.max(-cap, Math.min(cap, beta));
    }

    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
