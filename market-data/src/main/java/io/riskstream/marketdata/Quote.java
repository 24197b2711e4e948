package io.riskstream.marketdata;

import java.time.LocalDate;

/**
 * The latest day's values of one symbol, as a batch-quote call returns them; {@code source} is the provider that
 * answered. The 52-week range and the market cap are null where the provider's quote does not carry them.
 */
public record Quote(String symbol, LocalDate date, Double open, Double high, Double low, double price,
                    Long volume, Double previousClose, Double marketCap, Double peRatio, Double yearHigh,
                    Double yearLow, String source) {

    public Quote withSource(String provider) {
        return new Quote(symbol, date, open, high, low, price, volume, previousClose, marketCap, peRatio, yearHigh,
                yearLow, provider);
    }
}
