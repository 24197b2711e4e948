package io.riskstream.profile.application;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.ProfileUpdated;
import io.riskstream.common.event.SymbolAdded;
import io.riskstream.common.marketdata.CompanyProfile;
import io.riskstream.common.marketdata.MarketDataProvider;
import io.riskstream.common.outbox.OutboxWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * symbol-added: a symbol without a profile gets one at once (all tiers), so it never waits for a nightly run.
 * A symbol that already has one costs no provider call.
 */
public class CreateMissingProfile {

    private static final Logger log = LoggerFactory.getLogger(CreateMissingProfile.class);
    static final List<String> ALL_FIELDS = List.of("name", "sector", "industry", "etf", "fund", "beta", "marketCap",
            "peRatio", "forwardPe", "dividendYield", "week52High", "week52Low");

    private final ProfileStore profiles;
    private final MarketDataProvider provider;
    private final OutboxWriter outbox;
    private final TransactionTemplate tx;
    private final Clock clock;

    public CreateMissingProfile(ProfileStore profiles, MarketDataProvider provider, OutboxWriter outbox,
                                TransactionTemplate tx, Clock clock) {
        this.profiles = profiles;
        this.provider = provider;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    public boolean handle(EventEnvelope<SymbolAdded> event) {
        String symbol = event.payload().symbol();
        if (event.payload().released() || symbol.contains("_") || profiles.find(symbol).isPresent()) {
            return false;
        }
        Optional<CompanyProfile> fetched = Optional.ofNullable(provider.profiles(List.of(symbol)).get(symbol));
        if (fetched.isEmpty()) {
            log.info("{}: no profile at provider {}", symbol, provider.name());
            return false;
        }
        CompanyProfile profile = fetched.get();
        tx.executeWithoutResult(s -> {
            profiles.saveAll(profile, provider.name(), clock.instant());
            outbox.enqueue(EventEnvelope.of(EventIds.derive(event.eventId(), "profile-updated", symbol), event.runId(),
                    clock.instant(), new ProfileUpdated(symbol, ProfileUpdated.Tier.ALL, ALL_FIELDS, fields(profile))));
        });
        return true;
    }

    static ProfileUpdated.ProfileFields fields(CompanyProfile p) {
        return new ProfileUpdated.ProfileFields(p.name(), p.sector(), p.industry(), p.etf(), p.fund(), p.beta(),
                p.marketCap(), p.peRatio(), p.forwardPe(), p.dividendYield(), p.week52High(), p.week52Low());
    }
}
