package io.riskstream.price.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Runs started by price-service or declared by another, and per (run, subject, stage) what the events said. */
public interface RunStore {

    record Run(UUID runId, String kind, LocalDate tradingDate, String triggeredBy, Instant startedAt) {
    }

    record Progress(String subject, String stage, String status, int events, Instant firstAt, Instant lastAt,
                    String reason) {
    }

    record StageCount(String stage, String status, int subjects) {
    }

    /** A stage's status of one subject, for counting. */
    record SubjectStatus(String stage, String subject, String status) {
    }

    /** A run-status declaration: upstream is "" for a stage's own list. */
    record Declaration(String stage, String upstream, Instant declaredAt) {
    }

    record Expected(String stage, String subject) {
    }

    void start(UUID runId, String kind, LocalDate tradingDate, String triggeredBy);

    /** A run another service started and declared: recorded once, with the time of its first declaration. */
    void startDeclared(UUID runId, String kind, String triggeredBy, Instant at);

    /**
     * Upsert on (run, subject, stage); the strongest status wins — done over failed over skipped — so a later
     * success overrides a failure and a repeat changes nothing but the event count. A failure keeps its reason.
     */
    void observe(UUID runId, String subject, String stage, String status, String reason, Instant at);

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

    List<StageCount> counts(UUID runId);

    List<Run> recent(int limit);

    List<Run> startedSince(Instant since, int limit);
}
