package io.riskstream.common.event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Every record on every topic: an idempotency key ({@code eventId}), the event type and its schema version, when it
 * happened, the run it belongs to (a daily close, an onboarding, a backfill), and the payload.
 */
public record EventEnvelope<P extends EventPayload>(UUID eventId, String type, int schemaVersion, Instant occurredAt,
                                                    UUID runId, P payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(payload, "payload");
    }

    /** A new envelope for {@code payload} on its topic, with the current schema version. */
    public static <P extends EventPayload> EventEnvelope<P> of(UUID eventId, UUID runId, Instant occurredAt, P payload) {
        EventCatalog.Entry entry = EventCatalog.forPayload(payload.getClass());
        return new EventEnvelope<>(eventId, entry.type(), entry.schemaVersion(), occurredAt, runId, payload);
    }

    public String topic() {
        return EventCatalog.forPayload(payload.getClass()).topic();
    }

    public String key() {
        return payload.key();
    }
}
