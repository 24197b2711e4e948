package io.riskstream.common.marketdata;

import java.time.LocalDate;

/**
 * One daily bar. {@code open}, {@code high}, {@code low}, {@code close} and {@code volume} may be null where the
 * source does not have them (blank in a CSV); {@code adjClose} (split- and dividend-adjusted close) is required.
 */
public record DailyBar(String symbol, LocalDate date, Double open, Double high, Double low, Double close,
                       double adjClose, Long volume) {

    /** The price a calculation uses: the adjusted close, or the raw close when asked for and present. */
    public double price(PriceColumn column) {
        return column == PriceColumn.CLOSE && close != null ? close : adjClose;
    }
}
