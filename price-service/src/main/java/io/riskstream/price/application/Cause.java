package io.riskstream.price.application;

import java.util.UUID;

/**
 * The event (or request) that asked for some work, and the run it belongs to: outgoing event ids derive from
 * {@code eventId}, so doing the work again produces the same events (absorbed by the outbox), not new ones.
 */
public record Cause(UUID eventId, UUID runId) {

    /** A run's own work, not caused by an event (an operator's request, the benchmark bootstrap). */
    public static Cause ofRun(UUID runId) {
        return new Cause(runId, runId);
    }
}
