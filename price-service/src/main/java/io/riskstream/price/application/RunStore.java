package io.riskstream.price.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Runs started by price-service and the per (run, subject, stage) status gathered from the events. */
public interface RunStore {

    record Run(UUID runId, String kind, LocalDate tradingDate, String triggeredBy, Instant startedAt) {
    }

    record Progress(String subject, String stage, String status, int events, Instant firstAt, Instant lastAt) {
    }

    record StageCount(String stage, String status, int subjects) {
    }

    void start(UUID runId, String kind, LocalDate tradingDate, String triggeredBy);

    /** Upsert on (run, subject, stage): a failure is kept once seen; a later success of the same stage overrides it. */
    void observe(UUID runId, String subject, String stage, String status, Instant at);

    Optional<Run> find(UUID runId);

    List<Progress> progress(UUID runId);

    List<StageCount> counts(UUID runId);

    List<Run> recent(int limit);
}
