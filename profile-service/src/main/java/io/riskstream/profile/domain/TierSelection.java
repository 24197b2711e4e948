package io.riskstream.profile.domain;

import io.riskstream.profile.domain.RefreshTiers.Tier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/** Which tiers of one profile to refresh, for a daily close and for an operator request. */
public final class TierSelection {

    private TierSelection() {
    }

    /**
     * A daily close of {@code date}: the daily tier unless this date already refreshed it (a redelivered or repeated
     * close costs nothing), plus whatever quarterly or static refresh is due.
     */
    public static Set<Tier> forDailyClose(ProfileState state, LocalDate date, Instant now) {
        boolean doneToday = state.dailyCloseDate().filter(d -> !d.isBefore(date)).isPresent();
        Set<Tier> due = EnumSet.noneOf(Tier.class);
        due.addAll(RefreshTiers.due(state.last(), now, date, state.reportedOnOrBefore(date), !doneToday, false));
        if (doneToday) {
            due.remove(Tier.DAILY);
        }
        return due;
    }

    /**
     * An operator request for {@code requested} tiers: forced, exactly those; otherwise those of them that are due
     * (daily: not yet refreshed by a close of {@code today}). A symbol without a profile gets every tier.
     */
    public static Set<Tier> forRequest(ProfileState state, Set<Tier> requested, boolean force, Instant now,
                                       LocalDate today, boolean exists) {
        if (!exists) {
            return EnumSet.allOf(Tier.class);
        }
        if (force) {
            return EnumSet.copyOf(requested);
        }
        boolean dailyDue = state.dailyCloseDate().filter(d -> !d.isBefore(today)).isEmpty();
        Set<Tier> due = EnumSet.noneOf(Tier.class);
        due.addAll(RefreshTiers.due(state.last(), now, today, state.reportedOnOrBefore(today), dailyDue, false));
        if (!dailyDue) {
            due.remove(Tier.DAILY);
        }
        due.retainAll(requested);
        return due;
    }
}
