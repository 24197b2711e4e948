package io.riskstream.profile.application;

import io.riskstream.common.marketdata.CompanyProfile;

import java.time.Instant;
import java.util.Optional;

/** Stored company profiles with a last-refresh time per tier. */
public interface ProfileStore {

    Optional<CompanyProfile> find(String symbol);

    /** Writes every field of the profile and marks all tiers refreshed at {@code now}. */
    void saveAll(CompanyProfile profile, String provider, Instant now);
}
