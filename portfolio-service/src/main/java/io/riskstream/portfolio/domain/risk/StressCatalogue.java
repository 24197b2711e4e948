package io.riskstream.portfolio.domain.risk;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The stress-test configuration (one versioned file): the scenarios, the proxy of each factor the shocks and their
 * correlations refer to, how the factor correlations are estimated, the rate convention and the loss cap. Built once
 * at start-up; anything inconsistent is an error naming the scenario and the field.
 *
 * @param proxies        factor (as in the portfolio's factor exposures) → the symbol whose returns stand for it
 * @param rateFactor     the factor a rate shock moves (the exposure to the rate proxy, ir_beta)
 * @param rateDuration   modified duration of the rate proxy: a rate change Δy moves it by −duration × Δy
 * @param lossCap        a loss is floored at this share of a positive net exposure (the legacy's 99%)
 */
public record StressCatalogue(String version, Map<String, String> proxies, FactorCorrelations.Settings correlation,
                              String rateFactor, double rateDuration, double lossCap, List<StressScenario> scenarios) {

    /** Shock key of a rate change, in decimal (0.01 = +100 bp). */
    public static final String INTEREST_RATE = "interest_rate";
    private static final double MAX_RATE_CHANGE = 0.10;

    public StressCatalogue {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("stress scenario file: version is required");
        }
        if (proxies == null || proxies.isEmpty()) {
            throw new IllegalArgumentException("stress scenario file: factorProxies must name at least one factor");
        }
        proxies.forEach((factor, symbol) -> {
            if (!factor.matches("[a-z_]{1,32}") || factor.equals(INTEREST_RATE)) {
                throw new IllegalArgumentException("stress scenario file: factorProxies key '" + factor
                        + "' is not a factor name (a-z and _, not " + INTEREST_RATE + ")");
            }
            if (symbol == null || !symbol.matches("[A-Z0-9.\\-]{1,16}")) {
                throw new IllegalArgumentException("stress scenario file: factorProxies." + factor + " '" + symbol
                        + "' is not a symbol");
            }
        });
        proxies = java.util.Collections.unmodifiableMap(new TreeMap<>(proxies));
        if (correlation == null || correlation.lookbackDays() < 1 || correlation.lookbackDays() > 3_660) {
            throw new IllegalArgumentException("stress scenario file: factorCorrelation.lookbackDays + bufferDays must be "
                    + "1 to 3660 days");
        }
        if (!(correlation.decay() > 0 && correlation.decay() <= 1)) {
            throw new IllegalArgumentException("stress scenario file: factorCorrelation.decay must be in (0, 1], got "
                    + correlation.decay());
        }
        if (correlation.minObservations() < 3) {
            throw new IllegalArgumentException("stress scenario file: factorCorrelation.minObservations must be at "
                    + "least 3, got " + correlation.minObservations());
        }
        if (!(correlation.lowerBound() >= -1 && correlation.lowerBound() < correlation.upperBound()
                && correlation.upperBound() <= 1)) {
            throw new IllegalArgumentException("stress scenario file: factorCorrelation.bounds must satisfy −1 ≤ lower"
                    + " < upper ≤ 1, got [" + correlation.lowerBound() + ", " + correlation.upperBound() + "]");
        }
        if (rateFactor == null || !proxies.containsKey(rateFactor)) {
            throw new IllegalArgumentException("stress scenario file: interestRate.factor '" + rateFactor
                    + "' must be one of the factorProxies " + proxies.keySet());
        }
        if (!(rateDuration > 0 && rateDuration <= 50)) {
            throw new IllegalArgumentException("stress scenario file: interestRate.proxyDuration must be in (0, 50] "
                    + "years, got " + rateDuration);
        }
        if (!(lossCap > 0 && lossCap <= 1)) {
            throw new IllegalArgumentException("stress scenario file: lossCap must be in (0, 1], got " + lossCap);
        }
        if (scenarios == null || scenarios.isEmpty()) {
            throw new IllegalArgumentException("stress scenario file: scenarios must not be empty");
        }
        Set<String> ids = new HashSet<>();
        for (StressScenario s : scenarios) {
            if (!ids.add(s.id())) {
                throw new IllegalArgumentException("stress scenario '" + s.id() + "': id is used twice");
            }
            for (Map.Entry<String, Double> shock : s.shocks().entrySet()) {
                checkShock(s.id(), shock.getKey(), shock.getValue(), proxies, rateFactor);
            }
            if (s.shocks().containsKey(INTEREST_RATE) && s.shocks().containsKey(rateFactor)) {
                throw new IllegalArgumentException("stress scenario '" + s.id() + "': shocks." + rateFactor + " and "
                        + "shocks." + INTEREST_RATE + " move the same factor; give one of them");
            }
        }
        scenarios = List.copyOf(scenarios);
    }

    private static void checkShock(String id, String factor, double value, Map<String, String> proxies,
                                   String rateFactor) {
        String field = "stress scenario '" + id + "': shocks." + factor;
        if (factor.equals(INTEREST_RATE)) {
            if (Math.abs(value) > MAX_RATE_CHANGE) {
                throw new IllegalArgumentException(field + " " + value + " is not a rate change (|Δy| ≤ "
                        + MAX_RATE_CHANGE + ", 0.01 = 100 bp)");
            }
        } else if (!proxies.containsKey(factor)) {
            throw new IllegalArgumentException(field + " is not a known factor (factorProxies: " + proxies.keySet()
                    + ", or " + INTEREST_RATE + ")");
        } else if (!(value > -1 && value <= 1)) {
            throw new IllegalArgumentException(field + " " + value + " is not a return shock (> −1 and ≤ 1)");
        }
    }

    public List<StressScenario> activeScenarios() {
        return scenarios.stream().filter(StressScenario::active).toList();
    }

    /** The scenario's shocks as factor returns: a rate change becomes the rate proxy's return −duration × Δy. */
    public Map<String, Double> factorReturns(StressScenario scenario) {
        Map<String, Double> returns = new TreeMap<>();
        scenario.shocks().forEach((factor, shock) -> {
            if (factor.equals(INTEREST_RATE)) {
                returns.put(rateFactor, -rateDuration * shock);
            } else {
                returns.put(factor, shock);
            }
        });
        return returns;
    }
}
