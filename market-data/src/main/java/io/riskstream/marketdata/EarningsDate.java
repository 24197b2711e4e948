package io.riskstream.marketdata;

import java.time.LocalDate;

/**
 * An earnings report date; {@code confirmed} is false for a scheduled (future or estimated) date, whose actual EPS
 * is not known yet. The estimates are the analysts' consensus for that report, null where the provider has none.
 */
public record EarningsDate(String symbol, LocalDate date, boolean confirmed, Double epsEstimate,
                           Double revenueEstimate, Double epsActual, Double revenueActual) {

    public EarningsDate(String symbol, LocalDate date, boolean confirmed) {
        this(symbol, date, confirmed, null, null, null, null);
    }
}
