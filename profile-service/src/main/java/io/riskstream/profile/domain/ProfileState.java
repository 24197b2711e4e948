package io.riskstream.profile.domain;

import io.riskstream.profile.domain.RefreshTiers.LastRefresh;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the refresh rules need of a stored profile: the last refresh per tier, the trading date of the last daily
 * close that refreshed it, and its earnings dates.
 */
public record ProfileState(String symbol, LastRefresh last, Optional<LocalDate> dailyCloseDate,
                           Optional<LocalDate> lastEarnings, Optional<LocalDate> nextEarnings) {

    public static ProfileState missing(String symbol) {
        return new ProfileState(symbol, LastRefresh.never(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The newest earnings date on or before {@code today}: a scheduled date that has passed counts as reported. */
    public Optional<LocalDate> reportedOnOrBefore(LocalDate today) {
        Optional<LocalDate> passedNext = nextEarnings.filter(d -> !d.isAfter(today));
        if (passedNext.isPresent() && lastEarnings.map(l -> l.isBefore(passedNext.get())).orElse(true)) {
            return passedNext;
        }
        return lastEarnings.filter(d -> !d.isAfter(today));
    }
}
