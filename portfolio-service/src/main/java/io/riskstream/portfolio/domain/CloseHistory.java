package io.riskstream.portfolio.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;

/** Traded closes per symbol (date → close): enough of them to find the last one on or before any date valued. */
public record CloseHistory(Map<String, NavigableMap<LocalDate, Double>> bySymbol) {

    /** A close and its date. */
    public record Close(LocalDate date, double price) {
    }

    /** The last close of {@code symbol} on or before {@code date}; null when there is none. */
    public Close onOrBefore(String symbol, LocalDate date) {
        NavigableMap<LocalDate, Double> series = bySymbol.get(symbol);
        Map.Entry<LocalDate, Double> close = series == null ? null : series.floorEntry(date);
        return close == null ? null : new Close(close.getKey(), close.getValue());
    }
}
