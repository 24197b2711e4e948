package io.riskstream.faults;

import io.riskstream.common.calendar.MarketClock;
import io.riskstream.common.calendar.NyseCalendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

/**
 * The two sessions a run on the simulated market works with: D1, the latest session whose scheduled daily close
 * (18:30 New York, price-service's default) has passed, and D0, the session before it. The simulated provider quotes
 * by the system clock, so the onboarding is as of D0 and the daily close is D1's. {@code main} prints "D0 D1" for
 * {@code bin/riskstream bench}.
 */
record LatestSessions(LocalDate d0, LocalDate d1) {

    static final LocalTime SCHEDULED_CLOSE = LocalTime.of(18, 30);

    static LatestSessions now(Clock clock) {
        NyseCalendar nyse = new NyseCalendar();
        LocalDate d1 = new MarketClock(clock, nyse, SCHEDULED_CLOSE, Optional.empty()).latestCompletedSession();
        return new LatestSessions(nyse.previousTradingDay(d1), d1);
    }

    public static void main(String[] args) {
        LatestSessions sessions = now(Clock.systemUTC());
        System.out.println(sessions.d0() + " " + sessions.d1());
    }
}
