package io.riskstream.factor.domain.returns;

import java.util.Objects;

/**
 * A price series keyed by epoch day, strictly ascending, prices finite and positive. The exposure layer builds it
 * from a validated series; here only the shape is checked.
 */
public record DailyPrices(String symbol, int[] epochDays, double[] prices) {

    public DailyPrices {
        Objects.requireNonNull(symbol, "symbol");
        if (epochDays.length != prices.length) {
            throw new IllegalArgumentException(symbol + ": " + epochDays.length + " dates but " + prices.length + " prices");
        }
    }

    public int size() {
        return prices.length;
    }
}
