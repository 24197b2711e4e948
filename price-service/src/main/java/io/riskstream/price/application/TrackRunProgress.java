package io.riskstream.price.application;

import io.riskstream.common.event.RunStageReport;
import io.riskstream.price.domain.RunStage;

import java.time.Instant;
import java.util.UUID;

/** Records what a record on an observed topic says about its run. */
public class TrackRunProgress {

    /** triggered_by of a run another service declared. */
    static final String DECLARED = "declared";

    private final RunStore runs;

    public TrackRunProgress(RunStore runs) {
        this.runs = runs;
    }

    /**
     * A ready event or a dead letter; {@code reason} is the dead letter's reason header (null otherwise). False when
     * the record reports no stage.
     */
    public boolean observe(String topic, String deadLetterGroup, String key, UUID runId, String reason, Instant at) {
        return RunStage.of(topic, deadLetterGroup).map(o -> {
            runs.observe(runId, key == null ? "-" : key, o.stage().label(), o.status().name().toLowerCase(),
                    o.status() == RunStage.Status.FAILED ? reason : null, at);
            return true;
        }).orElse(false);
    }

    /** A run-status report: declarations add expected subjects; skips and failures mark them. */
    public void report(RunStageReport report, Instant at) {
        UUID runId = report.runId();
        if (report.runKind() != null) {
            runs.startDeclared(runId, report.runKind(), DECLARED, at);
        }
        switch (report.kind()) {
            case EXPECTED -> runs.declare(runId, report.stage(), report.upstream() == null ? "" : report.upstream(),
                    report.subjects(), at);
            case SKIPPED -> report.subjects().forEach(s -> runs.observe(runId, s, report.stage(), "skipped", null, at));
            case FAILED -> report.subjects().forEach(s -> runs.observe(runId, s, report.stage(), "failed",
                    report.reason(), at));
        }
    }
}
