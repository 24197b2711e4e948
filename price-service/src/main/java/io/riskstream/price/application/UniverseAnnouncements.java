package io.riskstream.price.application;

import io.riskstream.common.application.EventPublisher;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.SymbolAdded;
import io.riskstream.common.event.SymbolAdded.Tier;

import java.time.Clock;

/**
 * Announces a symbol that entered the universe here (an operator's {@code POST /api/universe}, a backfill, the
 * benchmark bootstrap) with {@code symbol-added}, in the caller's unit of work, so profile- and fundamentals-service
 * fetch its profile and statements like those of a symbol a position brought in. price-service fetches the history
 * itself, so it skips its own announcements ({@link #OWN}).
 */
public class UniverseAnnouncements {

    /** The reason prefix of price-service's own announcements. */
    public static final String OWN = "price-service:";

    private final UniverseStore universe;
    private final EventPublisher events;
    private final Clock clock;

    public UniverseAnnouncements(UniverseStore universe, EventPublisher events, Clock clock) {
        this.universe = universe;
        this.events = events;
        this.clock = clock;
    }

    /** Registers the symbol; announces it when it is new to the universe. */
    public boolean registerAndAnnounce(String symbol, Tier tier, String path, Cause cause) {
        boolean added = universe.register(symbol, tier);
        if (added) {
            events.publish(EventEnvelope.of(EventIds.derive(cause.eventId(), "symbol-added", symbol), cause.runId(),
                    clock.instant(), new SymbolAdded(symbol, tier, OWN + path)));
        }
        return added;
    }

    public static boolean own(String reason) {
        return reason != null && reason.startsWith(OWN);
    }
}
