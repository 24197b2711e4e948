package io.riskstream.profile.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which tiers of a profile are due: daily on every close; quarterly when older than 7 days or when the symbol
 * reported earnings in the last 3 days; static when missing, older than 30 days, or forced.
 */
public final class RefreshTiers {

    public enum Tier { DAILY, QUARTERLY, STATIC }

    public static final Duration QUARTERLY_MAX_AGE = Duration.ofDays(7);
    public static final Duration STATIC_MAX_AGE = Duration.ofDays(30);
    public static final int EARNINGS_WINDOW_DAYS = 3;

    public record LastRefresh(Optional<Instant> daily, Optional<Instant> quarterly, Optional<Instant> statics) {
        public static LastRefresh never() {
            return new LastRefresh(Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    private RefreshTiers() {
    }

    public static Set<Tier> due(LastRefresh last, Instant now, LocalDate today, Optional<LocalDate> lastEarnings,
                                boolean dailyClose, boolean forceStatic) {
        Set<Tier> due = EnumSet.noneOf(Tier.class);
        if (dailyClose || last.daily().isEmpty()) {
            due.add(Tier.DAILY);
        }
        boolean recentEarnings = lastEarnings.filter(d -> !d.isAfter(today)
                && !d.isBefore(today.minusDays(EARNINGS_WINDOW_DAYS))).isPresent();
        if (last.quarterly().map(t -> t.plus(QUARTERLY_MAX_AGE).isBefore(now)).orElse(true) || recentEarnings) {
            due.add(Tier.QUARTERLY);
        }
        if (forceStatic || last.statics().map(t -> t.plus(STATIC_MAX_AGE).isBefore(now)).orElse(true)) {
            due.add(Tier.STATIC);
        }
        return due;
    }
}
