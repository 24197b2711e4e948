package io.riskstream.price.application;

import io.riskstream.price.domain.RunStage;

import java.time.Instant;
import java.util.UUID;

/** Records what a record on an observed topic says about its run. */
public class TrackRunProgress {

    private final RunStore runs;

    public TrackRunProgress(RunStore runs) {
        this.runs = runs;
    }

    /** False when the record reports no stage. */
    public boolean observe(String topic, String deadLetterGroup, String key, UUID runId, Instant at) {
        return RunStage.of(topic, deadLetterGroup).map(o -> {
            runs.observe(runId, key == null ? "-" : key, o.stage().label(), o.status().name().toLowerCase(), at);
            return true;
        }).orElse(false);
    }
}
