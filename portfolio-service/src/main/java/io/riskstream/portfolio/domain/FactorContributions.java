package io.riskstream.portfolio.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Each position's contribution to the portfolio's factor exposures on a date: weight × beta, where the weight is the
 * stored market value / NAV of an open, priced public position (the same double {@link FactorExposureCalculation}
 * weighted by) and the beta the symbol's for the date. The totals are summed in the book's position order (symbol,
 * entry date, id) from zero, exactly as the valuation summed them, so they equal the stored exposures bit for bit
 * when the stored weights and betas are the ones the valuation used.
 */
public final class FactorContributions {

    /** One position's weight and, for each factor its symbol has a beta for, the beta and weight × beta. */
    public record PositionContribution(UUID positionId, String symbol, double weight, Map<String, Double> betas,
                                       Map<String, Double> contributions) {
    }

    /** The positions in book order and the factor totals (factor → Σ contribution). */
    public record Result(List<PositionContribution> positions, Map<String, Double> totals) {
    }

    private FactorContributions() {
    }

    /**
     * @param values    the stored position values of the date
     * @param bookOrder position id → its index in the book (symbol, entry date, id), the order the valuation summed in
     * @param betas     symbol → factor → beta on the date
     */
    public static Result of(List<PositionValuation.Value> values, Map<UUID, Integer> bookOrder,
                            Map<String, Map<String, Double>> betas) {
        List<PositionValuation.Value> ordered = new ArrayList<>(values);
        ordered.sort(Comparator.comparing((PositionValuation.Value v) -> bookOrder.getOrDefault(v.positionId(),
                Integer.MAX_VALUE)).thenComparing(PositionValuation.Value::symbol)
                .thenComparing(PositionValuation.Value::positionId));
        List<PositionContribution> positions = new ArrayList<>();
        Map<String, Double> totals = new TreeMap<>();
        for (PositionValuation.Value v : ordered) {
            if (v.status() != PositionValuation.Status.OPEN || v.weight() == null
                    || InstrumentClass.of(v.symbol()) != InstrumentClass.PUBLIC) {
                continue;
            }
            Map<String, Double> symbolBetas = betas.getOrDefault(v.symbol(), Map.of());
            Map<String, Double> contributions = new TreeMap<>();
            double weight = v.weight();
            symbolBetas.forEach((factor, beta) -> {
                double c = weight * beta;
                contributions.put(factor, c);
                totals.merge(factor, c, Double::sum);
            });
            positions.add(new PositionContribution(v.positionId(), v.symbol(), weight, new TreeMap<>(symbolBetas),
                    contributions));
        }
        return new Result(positions, totals);
    }
}
