package io.riskstream.profile.application;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.SymbolAdded;
import io.riskstream.profile.domain.RefreshTiers.Tier;

import java.util.EnumSet;
import java.util.Map;

/**
 * symbol-added: a symbol without a profile gets one at once (all tiers), so it never waits for a nightly run.
 * A symbol that already has one costs no provider call.
 */
public class CreateMissingProfile {

    private final ProfileStore profiles;
    private final RefreshProfiles refresh;

    public CreateMissingProfile(ProfileStore profiles, RefreshProfiles refresh) {
        this.profiles = profiles;
        this.refresh = refresh;
    }

    public boolean handle(EventEnvelope<SymbolAdded> event) {
        String symbol = event.payload().symbol();
        // option symbols (with '_') have no company profile; a release (no open positions left) needs none
        if (event.payload().released() || symbol.contains("_") || profiles.state(symbol).isPresent()) {
            return false;
        }
        RefreshOutcome outcome = refresh.refresh(Map.of(symbol, EnumSet.allOf(Tier.class)), null, event.eventId(),
                event.runId());
        if (outcome.errors() > 0) {
            throw new IllegalStateException(symbol + ": provider failed while creating the profile");
        }
        return outcome.refreshed() == 1;
    }
}
