package io.riskstream.portfolio.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Portfolio factor exposure for one date: for each factor, Σ (signed market value / equity) × symbol beta — a
 * beta per dollar of equity, not normalised by the invested weight (legacy §4.4) — and the dollar exposure
 * (exposure × equity). Options and private holdings add value but no factor exposure; {@code coverage} is the share
 * of gross exposure held in symbols that have betas for the date.
 */
public final class FactorExposureCalculation {

    public record PricedHolding(Holding holding, double price, LocalDate priceDate) {
        double marketValue() {
            return holding.quantity().doubleValue() * price * holding.instrumentClass().multiplier();
        }
    }

    public record Result(LocalDate date, LocalDate priceDate, double grossExposure, double netExposure,
                         double coverage, Map<String, double[]> factors) {
        /** factors: name → {exposure, dollar}. */
        public Optional<double[]> factor(String name) {
            return Optional.ofNullable(factors.get(name));
        }
    }

    private FactorExposureCalculation() {
    }

    /**
     * @param betas symbol → factor → beta on {@code date}; symbols absent from the map have no betas for the date
     */
    public static Result compute(LocalDate date, double equity, List<PricedHolding> holdings,
                                 Map<String, Map<String, Double>> betas) {
        if (!(equity > 0) || !Double.isFinite(equity)) {
            throw new IllegalArgumentException("portfolio equity must be positive, got " + equity);
        }
        double gross = 0, net = 0, covered = 0;
        LocalDate priceDate = null;
        Map<String, double[]> factors = new TreeMap<>();
        for (PricedHolding priced : holdings) {
            double mv = priced.marketValue();
            gross += Math.abs(mv);
            net += mv;
            if (priced.priceDate() != null && (priceDate == null || priced.priceDate().isAfter(priceDate))) {
                priceDate = priced.priceDate();
            }
            if (priced.holding().instrumentClass() != InstrumentClass.PUBLIC) {
                continue;
            }
            Map<String, Double> symbolBetas = betas.get(priced.holding().symbol());
            if (symbolBetas == null || symbolBetas.isEmpty()) {
                continue;
            }
            covered += Math.abs(mv);
            double weight = mv / equity;
            symbolBetas.forEach((factor, beta) -> factors.computeIfAbsent(factor, f -> new double[2])[0] += weight * beta);
        }
        factors.values().forEach(v -> v[1] = v[0] * equity);
        double coverage = gross == 0 ? 0 : covered / gross;
        return new Result(date, priceDate, gross, net, coverage, factors);
    }
}
