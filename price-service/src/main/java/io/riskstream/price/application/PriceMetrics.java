package io.riskstream.price.application;

/** What the price use cases count. */
public interface PriceMetrics {

    /** A symbol's stored history was replaced by the provider's re-based one. */
    void historyReplaced();

    /** Bars of a provider's answer failed validation and were dropped. */
    void invalidBars(String provider, int count);
}
