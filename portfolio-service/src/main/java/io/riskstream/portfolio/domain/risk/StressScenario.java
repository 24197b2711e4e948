package io.riskstream.portfolio.domain.risk;

import java.util.Locale;
import java.util.Map;

/**
 * One scenario of the stress-test file: factor shocks as returns of the factors' proxies (0.05 = +5%), and for the
 * rate scenarios {@value StressCatalogue#INTEREST_RATE} as a change of the rate (0.01 = +100 bp).
 */
public record StressScenario(String id, String name, Category category, boolean active, Map<String, Double> shocks) {

    /** The legacy's six categories (§4.6). */
    public enum Category {
        BASE_CASES, MARKET_RISK, INTEREST_RATE_RISK, FACTOR_ROTATIONS, VOLATILITY_RISK, HISTORICAL_REPLAYS;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Category ofWireName(String name) {
            for (Category c : values()) {
                if (c.wireName().equals(name)) {
                    return c;
                }
            }
            return null;
        }
    }

    public StressScenario {
        shocks = Map.copyOf(shocks);
    }

    /**
     * A scenario as written in the file, checked field by field; every error names the scenario (its id, or its
     * position when the id itself is wrong) and the field.
     */
    public static StressScenario of(int position, String id, String name, String category, Boolean active,
                                    Map<String, Double> shocks) {
        String at = "stress scenario #" + position;
        if (id == null || !id.matches("[a-z0-9_]{1,64}")) {
            throw new IllegalArgumentException(at + ": id " + (id == null ? "is required"
                    : "'" + id + "' must be 1-64 characters of a-z, 0-9 and _"));
        }
        at = "stress scenario '" + id + "'";
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(at + ": name is required");
        }
        Category c = category == null ? null : Category.ofWireName(category);
        if (c == null) {
            throw new IllegalArgumentException(at + ": category " + (category == null ? "is required" : "'" + category
                    + "' is not one of " + java.util.Arrays.stream(Category.values()).map(Category::wireName).toList()));
        }
        if (active == null) {
            throw new IllegalArgumentException(at + ": active is required (true or false)");
        }
        if (shocks == null || shocks.isEmpty()) {
            throw new IllegalArgumentException(at + ": shocks must name at least one factor");
        }
        shocks.forEach((factor, value) -> {
            if (value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException("stress scenario '" + id + "': shocks." + factor
                        + " must be a finite number, got " + value);
            }
        });
        return new StressScenario(id, name.strip(), c, active, shocks);
    }
}
