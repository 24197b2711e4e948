package io.riskstream.factor.domain.metrics;

/** A company's current profile values as the provider reports them; any field may be unknown (null). */
public record Valuation(String name, String sector, Double marketCap, Double peRatio, Double forwardPe,
                       Double dividendYield) {
}
