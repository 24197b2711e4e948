package io.riskstream.profile.application;

/**
 * What a refresh did: symbols refreshed, symbols skipped because nothing was due, symbols the provider did not
 * answer (or failed on), provider calls made, and how many of the failures were provider errors.
 */
public record RefreshOutcome(int refreshed, int skippedFresh, int failed, int providerCalls, int errors) {

    public static RefreshOutcome none() {
        return new RefreshOutcome(0, 0, 0, 0, 0);
    }

    public RefreshOutcome plus(RefreshOutcome o) {
        return new RefreshOutcome(refreshed + o.refreshed, skippedFresh + o.skippedFresh, failed + o.failed,
                providerCalls + o.providerCalls, errors + o.errors);
    }
}
