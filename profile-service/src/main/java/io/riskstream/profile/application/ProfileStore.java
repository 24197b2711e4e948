package io.riskstream.profile.application;

import io.riskstream.profile.domain.Profile;
import io.riskstream.profile.domain.ProfileState;
import io.riskstream.profile.domain.RefreshTiers.Tier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Stored company profiles with a last-refresh time per tier. */
public interface ProfileStore {

    Optional<Profile> find(String symbol);

    Map<String, Profile> findAll(Collection<String> symbols);

    Optional<ProfileState> state(String symbol);

    Map<String, ProfileState> states(Collection<String> symbols);

    /** Every stored profile's refresh state (the daily close walks them all). */
    List<ProfileState> allStates();

    /**
     * Upserts only the columns of {@code tiers} and their refresh times; {@code dailyCloseDate}, when given, records
     * the close that refreshed the daily tier.
     */
    void save(Profile profile, Set<Tier> tiers, String provider, Instant now, LocalDate dailyCloseDate);

    boolean dailyCloseDone(LocalDate tradingDate);

    void markDailyCloseDone(LocalDate tradingDate, RefreshOutcome outcome, Instant now);
}
