package io.riskstream.profile.application;

import io.riskstream.common.application.RetryLaterException;
import io.riskstream.marketdata.EmptyAnswers;
import io.riskstream.common.application.IncompleteAnswerException;
import io.riskstream.marketdata.MarketDataProvider;
import io.riskstream.marketdata.ProviderException;
import io.riskstream.profile.domain.RefreshTiers.Tier;

import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;

/**
 * symbol-added: a symbol without a profile gets one at once (all tiers), so it never waits for a nightly run.
 * A symbol that already has one costs no provider call. A provider that fails, or answers no profile for a symbol it
 * quotes, has the record retried; a symbol it does not quote, or a provider without profiles (CSV prices), has no
 * profile to get.
 */
public class CreateMissingProfile {

    /** A symbol announced to this service (symbol-added): released when no open position holds it any more. */
    public record Command(String symbol, boolean released, UUID causeEventId, UUID runId) {
    }

    private final ProfileStore profiles;
    private final RefreshProfiles refresh;
    private final MarketDataProvider provider;

    public CreateMissingProfile(ProfileStore profiles, RefreshProfiles refresh, MarketDataProvider provider) {
        this.profiles = profiles;
        this.refresh = refresh;
        this.provider = provider;
    }

    public boolean handle(Command command) {
        String symbol = command.symbol();
        // option symbols (with '_') have no company profile; a release (no open positions left) needs none
        if (command.released() || symbol.contains("_")) {
            return false;
        }
        // remembered, so a daily close creates the profile should this attempt not manage it
        profiles.recordSymbol(symbol);
        if (profiles.state(symbol).isPresent()) {
            return false;
        }
        RefreshOutcome outcome = refresh.refresh(Map.of(symbol, EnumSet.allOf(Tier.class)), null,
                command.causeEventId(), command.runId());
        if (outcome.errors() > 0) {
            throw new RetryLaterException(symbol + ": provider " + provider.name()
                    + " failed while creating the profile; retried later");
        }
        if (outcome.refreshed() == 0 && provider.suppliesProfiles() && quoted(symbol)) {
            throw new IncompleteAnswerException(symbol + ": provider " + provider.name()
                    + " quotes the symbol but answered no profile; retried later");
        }
        if (outcome.refreshed() == 0) {
            profiles.forgetSymbol(symbol); // unknown at the provider, or a provider without profiles
        }
        return outcome.refreshed() == 1;
    }

    private boolean quoted(String symbol) {
        try {
            return EmptyAnswers.quoted(provider, symbol);
        } catch (ProviderException e) {
            throw new RetryLaterException(symbol + ": " + e.getMessage());
        }
    }
}
