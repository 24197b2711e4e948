package io.riskstream.common.event;

/**
 * The payload of one event type. Each payload is a record whose compact constructor rejects values that break the
 * contract with an {@link IllegalArgumentException} naming the field; the codec turns that into a
 * {@link io.riskstream.common.json.MalformedEventException}.
 */
public sealed interface EventPayload
        permits PositionEvent, SymbolAdded, DailyClose, PricesReady, ProfileUpdated, FundamentalsReady, FactorsReady,
        PortfolioAnalyticsReady, RunStageReport {

    /** The record key of the event: the symbol, the portfolio id, or the trading date. */
    String key();
}
