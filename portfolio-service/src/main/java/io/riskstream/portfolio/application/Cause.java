package io.riskstream.portfolio.application;

import java.util.Objects;
import java.util.UUID;

/**
 * What a command answers: the event (or API call) that caused it and the run it belongs to. The ids of the events it
 * leads to derive from {@code eventId}, so handling it again produces the same ones.
 */
public record Cause(UUID eventId, UUID runId) {

    public Cause {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(runId, "runId");
    }

    /** An API call: it starts a run of its own, whose id is its cause too. */
    public static Cause newRun(UUID runId) {
        return new Cause(runId, runId);
    }
}
