package io.riskstream.common.marketdata;

import java.time.LocalDate;

/**
 * One daily bar. {@code open}, {@code high}, {@code low}, {@code close} and {@code volume} may be null where the
 * source does not have them (blank in a CSV); {@code adjClose} (split- and dividend-adjusted close) is required.
 * {@code source} names the provider that answered it ("fmp", "yahoo", "csv", "simulated"), never a chain.
 */
public record DailyBar(String symbol, LocalDate date, Double open, Double high, Double low, Double close,
                       double adjClose, Long volume, String source) {

    /** The price a calculation uses: the adjusted close, or the raw close when asked for and present. */
    public double price(PriceColumn column) {
        return column == PriceColumn.CLOSE && close != null ? close : adjClose;
    }

    /** The same bar as {@code other} would be, whoever answered it (provenance is not part of the price). */
    public boolean samePrices(DailyBar other) {
        return other != null && symbol.equals(other.symbol) && date.equals(other.date)
                && java.util.Objects.equals(open, other.open) && java.util.Objects.equals(high, other.high)
                && java.util.Objects.equals(low, other.low) && java.util.Objects.equals(close, other.close)
                && Double.compare(adjClose, other.adjClose) == 0 && java.util.Objects.equals(volume, other.volume);
    }

    public DailyBar withSource(String provider) {
        return new DailyBar(symbol, date, open, high, low, close, adjClose, volume, provider);
    }
}
