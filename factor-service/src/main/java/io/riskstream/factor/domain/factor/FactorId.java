package io.riskstream.factor.domain.factor;

import java.util.Arrays;

/** The thirteen symbol-level factors; the wire name is stable in events and in the database. */
public enum FactorId {
    MARKET_BETA("market_beta"),
    IR_BETA("ir_beta"),
    VALUE("value"),
    GROWTH("growth"),
    MOMENTUM("momentum"),
    QUALITY("quality"),
    SIZE("size"),
    LOW_VOLATILITY("low_volatility"),
    GROWTH_VALUE_SPREAD("growth_value_spread"),
    MOMENTUM_SPREAD("momentum_spread"),
    SIZE_SPREAD("size_spread"),
    QUALITY_SPREAD("quality_spread"),
    PROVIDER_BETA("provider_beta");

    private final String wireName;

    FactorId(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static FactorId fromWireName(String wireName) {
        return Arrays.stream(values())
                .filter(id -> id.wireName.equals(wireName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown factor wire name: " + wireName));
    }
}
