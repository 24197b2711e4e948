package io.riskstream.profile.domain;

import io.riskstream.profile.domain.RefreshTiers.Tier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which tiers of one profile to refresh, for a daily close and for an operator request. For an operator's request the
 * daily tier is fresh once it was refreshed after the latest session's close — by that session's daily close, or by
 * an operator a minute ago — so an unforced request right after a forced one pays for no provider call. A daily close
 * refreshes the daily tier once per trading date (its own record of the date decides).
 */
public final class TierSelection {

    private TierSelection() {
    }

    /** Whether the daily tier already holds the values of {@code session}, which closed at {@code sessionClose}. */
    public static boolean dailyFresh(ProfileState state, LocalDate session, Instant sessionClose) {
        return state.dailyCloseDate().filter(d -> !d.isBefore(session)).isPresent()
                || state.last().daily().filter(t -> !t.isBefore(sessionClose)).isPresent();
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
     * (daily: not fresh for the latest completed {@code session}). A symbol without a profile gets every tier.
     */
    public static Set<Tier> forRequest(ProfileState state, Set<Tier> requested, boolean force, Instant now,
                                       LocalDate session, Instant sessionClose, boolean exists) {
        if (!exists) {
            return EnumSet.allOf(Tier.class);
        }
        if (force) {
            return EnumSet.copyOf(requested);
        }
        boolean dailyDue = !dailyFresh(state, session, sessionClose);
        Set<Tier> due = EnumSet.noneOf(Tier.class);
        due.addAll(RefreshTiers.due(state.last(), now, session, state.reportedOnOrBefore(session), dailyDue, false));
        if (!dailyDue) {
            due.remove(Tier.DAILY);
        }
        due.retainAll(requested);
        return due;
    }
}
