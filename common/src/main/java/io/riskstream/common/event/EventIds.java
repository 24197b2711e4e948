package io.riskstream.common.event;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic event ids: an outgoing event's id is derived from what caused it, so reprocessing the same input
 * produces the same id and the outbox (unique on event id) and downstream upserts absorb the repeat.
 */
public final class EventIds {

    private EventIds() {
    }

    /** A name-based (type 3) UUID of the cause and the parts that distinguish this outgoing event. */
    public static UUID derive(UUID cause, String... parts) {
        StringBuilder name = new StringBuilder(cause.toString());
        for (String part : parts) {
            name.append('|').append(part);
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A name-based UUID for an event that has no incoming cause (a trigger, a startup step). */
    public static UUID named(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("|", parts).getBytes(StandardCharsets.UTF_8));
    }
}
