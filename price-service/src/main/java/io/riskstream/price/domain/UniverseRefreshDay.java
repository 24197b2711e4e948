package io.riskstream.price.domain;

import io.riskstream.common.calendar.TradingCalendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * The weekday of the UNIVERSE tier's weekly refresh; when that day is a holiday, the week's first session after it
 * (or its last one before it, when it is the last weekday with a session).
 */
public record UniverseRefreshDay(DayOfWeek day) {

    public boolean includes(LocalDate date, TradingCalendar calendar) {
        LocalDate configured = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusDays(day.getValue() - 1);
        if (date.equals(configured)) {
            return true;
        }
        if (calendar.isTradingDay(configured)) {
            return false;
        }
        // the configured day is closed: the first session after it in the same week, else the last one before it
        LocalDate next = calendar.nextTradingDay(configured);
        if (isoWeek(next) == isoWeek(configured)) {
            return date.equals(next);
        }
        return date.equals(calendar.previousTradingDay(configured));
    }

    private static int isoWeek(LocalDate date) {
        return date.get(IsoFields.WEEK_BASED_YEAR) * 100 + date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }
}
