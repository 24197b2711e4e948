package io.riskstream.price.application;

import io.riskstream.common.marketdata.DailyBar;
import io.riskstream.price.domain.FetchPlan;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a fetch found for one symbol ({@link PriceFetch}, outside any unit of work), and so what
 * {@link PriceHistory#store} writes and announces inside one.
 */
public sealed interface FetchedPrices {

    String symbol();

    /** Nothing to store; the outcome says why. */
    record Nothing(PriceHistory.Outcome outcome) implements FetchedPrices {
        public String symbol() {
            return outcome.symbol();
        }
    }

    /** The provider does not know the symbol: it is marked inactive with the reason. */
    record Unknown(String symbol, FetchPlan plan, String reason) implements FetchedPrices {
    }

    /** Bars after (or overlapping) the stored history, as {@code stored} was when fetching; stored where new. */
    record Bars(String symbol, FetchPlan plan, Optional<BarStore.StoredRange> stored, List<DailyBar> bars)
            implements FetchedPrices {
    }

    /** The provider re-based the history (a split): all of it, from {@code from}, replaces the stored one. */
    record Replacement(String symbol, LocalDate from, LocalDate target, List<DailyBar> history)
            implements FetchedPrices {
    }

    /**
     * A re-based history whose new answer does not cover the stored one: the stored history is kept and the problem
     * recorded; {@code unknownReason} is set when the provider said it no longer knows the symbol.
     */
    record Kept(String symbol, FetchPlan plan, String problem, String unknownReason) implements FetchedPrices {
    }

    /** A backfill of [from, to]: the bars not stored yet are inserted. */
    record Missing(String symbol, LocalDate from, LocalDate to, List<DailyBar> bars) implements FetchedPrices {
    }
}
