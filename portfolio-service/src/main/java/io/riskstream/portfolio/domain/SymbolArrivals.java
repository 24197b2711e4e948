package io.riskstream.portfolio.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * How far the data of a book's symbols has arrived: which symbols have a close at all, and the first date each has
 * betas for.
 */
public record SymbolArrivals(Set<String> withCloses, Map<String, LocalDate> firstBetaDates) {

    public boolean hasCloses(String symbol) {
        return withCloses.contains(symbol);
    }

    /**
     * Whether betas of {@code symbol} are still to come for {@code date}: factor-service computes a symbol's dates
     * forward from its first, so a date before that never gets any; a symbol without any betas yet may get them.
     */
    public boolean betasExpectedFor(String symbol, LocalDate date) {
        LocalDate first = firstBetaDates.get(symbol);
        return first == null || !date.isBefore(first);
    }
}
