package io.riskstream.price.application;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.SymbolAdded;
import io.riskstream.common.event.SymbolAdded.Tier;
import io.riskstream.common.outbox.OutboxWriter;

import java.time.Clock;
import java.util.UUID;

/**
 * Announces a symbol that entered the universe here (an operator's {@code POST /api/universe}, a backfill, the
 * benchmark bootstrap) with {@code symbol-added}, in the caller's transaction, so profile- and fundamentals-service
 * fetch its profile and statements like those of a symbol a position brought in. price-service has already fetched
 * the history in the same transaction, so it skips its own announcements ({@link #OWN}).
 */
public class UniverseAnnouncements {

    /** The reason prefix of price-service's own announcements. */
    public static final String OWN = "price-service:";

    private final OutboxWriter outbox;
    private final Clock clock;

    public UniverseAnnouncements(OutboxWriter outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Registers the symbol; announces it when it is new to the universe. */
    public boolean registerAndAnnounce(UniverseStore universe, String symbol, Tier tier, String path, UUID cause,
                                       UUID runId) {
        boolean added = universe.register(symbol, tier);
        if (added) {
            outbox.enqueue(EventEnvelope.of(EventIds.derive(cause, "symbol-added", symbol), runId, clock.instant(),
                    new SymbolAdded(symbol, tier, OWN + path)));
        }
        return added;
    }

    public static boolean own(SymbolAdded added) {
        return added.reason() != null && added.reason().startsWith(OWN);
    }
}
