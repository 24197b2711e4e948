package io.riskstream.fundamentals.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Earnings-driven refresh: fetch when never fetched, when the next earnings date is unknown, or from 3 days after
 * an earnings date that passed since the last fetch; otherwise only in the weekly sweep.
 */
public final class FetchPolicy {

    public static final int DAYS_AFTER_EARNINGS = 3;

    private FetchPolicy() {
    }

    public static boolean due(Optional<Instant> lastFetched, Optional<LocalDate> nextEarnings, LocalDate today,
                              Instant now, Duration sweepInterval) {
        if (lastFetched.isEmpty() || nextEarnings.isEmpty()) {
            return true;
        }
        if (!today.isBefore(nextEarnings.get().plusDays(DAYS_AFTER_EARNINGS))) {
            return true;
        }
        return lastFetched.get().plus(sweepInterval).isBefore(now);
    }
}
