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
     * Upserts only the columns of {@code tiers}, their refresh times and {@code provider} as their source (the
     * provider that answered); {@code dailyCloseDate}, when given, records the close that refreshed the daily tier.
     */
    void save(Profile profile, Set<Tier> tiers, String provider, Instant now, LocalDate dailyCloseDate);

    /** The provider that answered each tier of the stored profile. */
    Map<Tier, String> sources(String symbol);

    /** Remembers a symbol announced to this service (symbol-added); true when it was new. */
    boolean recordSymbol(String symbol);

    /** Forgets an announced symbol that has no profile to get (unknown at the provider, or no profiles at all). */
    void forgetSymbol(String symbol);

    /**
     * Symbols announced before {@code announcedBefore} that have no profile yet (their creation failed, or was never
     * tried); a symbol announced later is its own onboarding's to create, which may be under way while a close runs.
     */
    List<String> symbolsWithoutProfile(java.time.Instant announcedBefore);

    boolean dailyCloseDone(LocalDate tradingDate);

    /**
     * The close a daily tier saved outside a close, in the caller's unit of work, carries: the latest trading date whose
     * daily close this service has processed, if any. No close is marked done until that unit of work ends, so the tier
     * either carries this close or is saved before the next one is marked, which then stamps it.
     */
    Optional<LocalDate> dailyCloseToStamp();

    /**
     * Records the close of {@code tradingDate} as processed and, in the caller's unit of work, stamps it on every profile
     * whose daily tier was saved since the close was {@code triggeredAt} without it (or a later close): a profile an
     * onboarding created while the close ran holds values as new as the close's, yet was not in the close's plan.
     */
    void markDailyCloseDone(LocalDate tradingDate, Instant triggeredAt, RefreshOutcome outcome, Instant now);
}
