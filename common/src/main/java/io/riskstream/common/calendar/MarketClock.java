package io.riskstream.common.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * "Which trading day is the latest one whose close is final?" — from the clock and the exchange calendar, or a
 * fixed as-of date (for replaying a historical data set such as the CSV market, and for tests).
 */
public final class MarketClock {

    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final Clock clock;
    private final NyseCalendar calendar;
    private final LocalTime closeTime;
    private final Optional<LocalDate> asOf;

    public MarketClock(Clock clock, NyseCalendar calendar, LocalTime closeTime, Optional<LocalDate> asOf) {
        this.clock = clock;
        this.calendar = calendar;
        this.closeTime = closeTime;
        this.asOf = asOf;
    }

    public LocalDate latestCompletedSession() {
        return asOf.map(calendar::onOrBefore)
                .orElseGet(() -> calendar.lastCompletedSession(ZonedDateTime.now(clock).withZoneSameInstant(NEW_YORK),
                        closeTime));
    }

    /** When {@code session}'s regular trading closed (the configured close time in New York). */
    public java.time.Instant closeOf(LocalDate session) {
        return session.atTime(closeTime).atZone(NEW_YORK).toInstant();
    }

    public TradingCalendar calendar() {
        return calendar;
    }

    public Clock clock() {
        return clock;
    }
}
