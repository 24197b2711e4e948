package io.riskstream.runs.application;

import io.riskstream.common.event.RunStage;
import io.riskstream.runs.domain.StageObservation.Status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Runs started by the host service or declared by another, and per (run, subject, stage) what the events said. */
public interface RunStore {

    /** {@code rootStage}: the label of the stage the run starts with (the stage of the service that started it). */
    record Run(UUID runId, String kind, String rootStage, LocalDate tradingDate, String triggeredBy, Instant startedAt) {
    }

    record Progress(String subject, String stage, String status, int events, Instant firstAt, Instant lastAt,
                    String reason) {
    }

    /** A stage's status of one subject, for counting. */
    record SubjectStatus(String stage, String subject, String status) {
    }

    /** A run-status declaration: upstream is "" for a stage's own list. */
    record Declaration(String stage, String upstream, Instant declaredAt) {
    }

    record Expected(String stage, String subject) {
    }

    /**
     * What {@code events} records said about one (run, subject, stage): the strongest status, the latest failure
     * reason (null: keep the stored one), when the first of them happened and the latest.
     */
    record Observation(UUID runId, String subject, RunStage stage, Status status, String reason, int events,
                       Instant firstAt, Instant lastAt) {
    }

    void start(UUID runId, String kind, RunStage rootStage, LocalDate tradingDate, String triggeredBy);

    /** A run another service started and declared: recorded once, with the time of its first declaration. */
    void startDeclared(UUID runId, String kind, RunStage rootStage, String triggeredBy, Instant at);

    /**
     * Upserts on (run, subject, stage); the strongest status wins — done over failed over skipped — so a later
     * success overrides a failure and a repeat changes nothing but the event count. A failure keeps its reason.
     */
    void observeAll(List<Observation> observations);

    /** Adds a declaration and its subjects; a repeat adds nothing. */
    void declare(UUID runId, String stage, String upstream, List<String> subjects, Instant at);

    Optional<Run> find(UUID runId);

    List<Progress> progress(UUID runId);

    /** The most recently changed (subject, stage) rows of the run. */
    List<Progress> recentActivity(UUID runId, int limit);

    List<Progress> failures(UUID runId, int limit);

    List<SubjectStatus> statuses(UUID runId);

    List<Declaration> declarations(UUID runId);

    List<Expected> expected(UUID runId);

    List<Run> recent(int limit);

    List<Run> startedSince(Instant since, int limit);
}
