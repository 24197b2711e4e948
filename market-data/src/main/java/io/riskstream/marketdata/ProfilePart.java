package io.riskstream.marketdata;

import java.util.EnumSet;
import java.util.Set;

/**
 * The parts of a company profile a caller asks for, so a refresh of one tier costs only that tier's provider calls
 * (a daily valuation refresh is a batch quote, not five calls per symbol).
 */
public enum ProfilePart {
    /** Name, classification, listing, description; beta and the last annual dividend come with it. */
    IDENTITY,
    /** Price, market cap and 52-week range: what changes every session. */
    VALUATION,
    /** Trailing-twelve-month per-share figures, ratios and margins. */
    TRAILING,
    /** Price targets, rating counts and consensus, annual EPS and revenue estimates. */
    ANALYSTS;

    public static Set<ProfilePart> all() {
        return EnumSet.allOf(ProfilePart.class);
    }
}
