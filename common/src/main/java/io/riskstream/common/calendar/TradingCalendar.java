package io.riskstream.common.calendar;

import java.time.LocalDate;
import java.util.List;

/** Which days an exchange trades. Implementations are pure and thread-safe. */
public interface TradingCalendar {

    boolean isTradingDay(LocalDate date);

    /** True for a trading day with an early (13:00 ET) close. */
    boolean isEarlyClose(LocalDate date);

    /** The last trading day strictly before {@code date}. */
    LocalDate previousTradingDay(LocalDate date);

    /** The first trading day strictly after {@code date}. */
    LocalDate nextTradingDay(LocalDate date);

    /** The last trading day on or before {@code date}. */
    default LocalDate onOrBefore(LocalDate date) {
        return isTradingDay(date) ? date : previousTradingDay(date);
    }

    /** Trading days in [from, to] inclusive, ascending (empty when from is after to). */
    List<LocalDate> tradingDays(LocalDate from, LocalDate to);
}
