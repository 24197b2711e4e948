package io.riskstream.common.event;

import java.util.List;
import java.util.UUID;

import static io.riskstream.common.event.Contract.*;

/**
 * What a service learned about its own stage of a run ({@link RunStage}), for the run's progress (the run tracker
 * gathers them). Key: the run id, so one run's reports stay in order.
 * <ul>
 *   <li>{@code EXPECTED}: {@code subjects} will be processed in {@code stage} for this run. With {@code upstream}
 *       it answers one done subject of the previous stage ("factors-ready for AAPL: these portfolios are queued"),
 *       possibly with no subjects; without it, it is the run's own list (a daily close's due symbols).</li>
 *   <li>{@code SKIPPED}: expected subjects that turned out to need nothing (already up to date).</li>
 *   <li>{@code FAILED}: subjects the service gave up on without a dead letter, with the {@code reason}.</li>
 * </ul>
 * Reports only add: a subject reported twice counts once. {@code runKind} names the kind of run when the reporter
 * started it (onboarding, daily-close, ...), null otherwise.
 */
public record RunStageReport(UUID runId, String runKind, String stage, Kind kind, List<String> subjects,
                             String upstream, String reason) implements EventPayload {

    public enum Kind { EXPECTED, SKIPPED, FAILED }

    public static final int MAX_SUBJECTS = 20_000;

    public RunStageReport {
        required(runId, "runId");
        required(stage, "stage");
        if (RunStage.ofLabel(stage).isEmpty()) {
            throw new IllegalArgumentException("stage '" + stage + "' is not one of " + RunStage.labels());
        }
        required(kind, "kind");
        subjects = List.copyOf(required(subjects, "subjects"));
        if (subjects.size() > MAX_SUBJECTS) {
            throw new IllegalArgumentException("subjects has " + subjects.size() + " entries (max " + MAX_SUBJECTS + ")");
        }
        for (String subject : subjects) {
            if (subject == null || subject.isBlank() || subject.length() > 64) {
                throw new IllegalArgumentException("subjects[] '" + subject + "' must be 1-64 characters");
            }
        }
        if (runKind != null && (runKind.isBlank() || runKind.length() > 32)) {
            throw new IllegalArgumentException("runKind must be 1-32 characters");
        }
        if (upstream != null && (upstream.isBlank() || upstream.length() > 64)) {
            throw new IllegalArgumentException("upstream must be 1-64 characters");
        }
        if (reason != null && reason.length() > 2000) {
            reason = reason.substring(0, 2000);
        }
    }

    public static RunStageReport expected(UUID runId, String runKind, RunStage stage, List<String> subjects) {
        return new RunStageReport(runId, runKind, stage.label(), Kind.EXPECTED, subjects, null, null);
    }

    /** The answer to one done subject of the previous stage: the subjects it queued in this one (maybe none). */
    public static RunStageReport acknowledged(UUID runId, RunStage stage, String upstream, List<String> subjects) {
        return new RunStageReport(runId, null, stage.label(), Kind.EXPECTED, subjects, upstream, null);
    }

    public static RunStageReport skipped(UUID runId, RunStage stage, List<String> subjects) {
        return new RunStageReport(runId, null, stage.label(), Kind.SKIPPED, subjects, null, null);
    }

    public static RunStageReport failed(UUID runId, RunStage stage, String subject, String reason) {
        return new RunStageReport(runId, null, stage.label(), Kind.FAILED, List.of(subject), null, reason);
    }

    /** The stage this report is about (its label checked when the report was made). */
    public RunStage runStage() {
        return RunStage.ofLabel(stage).orElseThrow();
    }

    @Override
    public String key() {
        return runId.toString();
    }
}
