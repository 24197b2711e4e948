package io.riskstream.common.marketdata;

import java.time.LocalDate;

/** An earnings report date; {@code confirmed} is false for a scheduled (future or estimated) date. */
public record EarningsDate(String symbol, LocalDate date, boolean confirmed) {
}
