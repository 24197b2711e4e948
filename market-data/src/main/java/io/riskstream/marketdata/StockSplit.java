package io.riskstream.marketdata;

import java.time.LocalDate;

/** A stock split effective on {@code date}: {@code numerator} new shares for every {@code denominator} old ones. */
public record StockSplit(String symbol, LocalDate date, double numerator, double denominator) {

    public double ratio() {
        return numerator / denominator;
    }
}
