package io.riskstream.price.domain;

import io.riskstream.common.calendar.TradingCalendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When the daily close of a session is due: at {@code at} in {@code zone} on the session's date (after the official
 * close, once the providers' end-of-day data has settled).
 */
public record DailyCloseSchedule(LocalTime at, ZoneId zone) {

    public DailyCloseSchedule {
        if (at == null || zone == null) {
            throw new IllegalArgumentException("a daily-close schedule needs a time and a zone");
        }
    }

    /** The latest trading day whose trigger time has passed at {@code now}. */
    public LocalDate dueSession(ZonedDateTime now, TradingCalendar calendar) {
        LocalDateTime local = now.withZoneSameInstant(zone).toLocalDateTime();
        LocalDate day = calendar.onOrBefore(local.toLocalDate());
        return local.isBefore(day.atTime(at)) ? calendar.previousTradingDay(day) : day;
    }
}
