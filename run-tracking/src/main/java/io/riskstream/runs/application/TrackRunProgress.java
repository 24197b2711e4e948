package io.riskstream.runs.application;

import io.riskstream.common.application.UnitOfWork;
import io.riskstream.common.event.RunStageReport;
import io.riskstream.runs.application.FreshnessStore.LatestDate;
import io.riskstream.runs.domain.StageObservation;
import io.riskstream.runs.domain.StageObservation.Status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records what a batch of observed records says about runs and freshness, in one unit of work. The batch's records
 * are merged per (run, subject, stage) and per (dataset, subject) first: a portfolio's many analytics-ready of one
 * run cost one row update, not one each.
 */
public class TrackRunProgress {

    /** triggered_by of a run another service declared. */
    static final String DECLARED = "declared";
    /** The longest subject a run-status report may name; a longer record key (a dead letter's) is no subject. */
    static final int MAX_SUBJECT = 64;

    /** A ready event or a dead letter; {@code reason} is the dead letter's reason header (null otherwise). */
    public record Observed(String topic, String deadLetterGroup, String subject, UUID runId, String reason,
                           Instant at) {
    }

    /** A run-status report and when it was published. */
    public record Reported(RunStageReport report, Instant at) {
    }

    /** What one poll of the observed topics said, each list in record order. */
    public record Batch(List<Observed> observed, List<Reported> reported, List<LatestDate> latestDates) {
    }

    private final RunStore runs;
    private final FreshnessStore freshness;
    private final UnitOfWork unitOfWork;

    public TrackRunProgress(RunStore runs, FreshnessStore freshness, UnitOfWork unitOfWork) {
        this.runs = runs;
        this.freshness = freshness;
        this.unitOfWork = unitOfWork;
    }

    public void record(Batch batch) {
        Map<List<Object>, RunStore.Observation> rows = new LinkedHashMap<>();
        for (Reported r : batch.reported()) {
            RunStageReport report = r.report();
            Status status = switch (report.kind()) {
                case EXPECTED -> null;
                case SKIPPED -> Status.SKIPPED;
                case FAILED -> Status.FAILED;
            };
            if (status != null) {
                report.subjects().forEach(s -> merge(rows, new RunStore.Observation(report.runId(), s,
                        report.runStage(), status, status == Status.FAILED ? report.reason() : null, 1, r.at(),
                        r.at())));
            }
        }
        for (Observed o : batch.observed()) {
            if (o.subject() != null && o.subject().length() > MAX_SUBJECT) {
                continue;
            }
            StageObservation.of(o.topic(), o.deadLetterGroup()).ifPresent(s -> merge(rows, new RunStore.Observation(
                    o.runId(), o.subject() == null ? "-" : o.subject(), s.stage(), s.status(),
                    s.status() == Status.FAILED ? o.reason() : null, 1, o.at(), o.at())));
        }
        // a stable order of row locks, so two replicas' batches cannot deadlock on each other's rows
        List<RunStore.Observation> observations = new ArrayList<>(rows.values());
        observations.sort(Comparator.comparing((RunStore.Observation o) -> o.runId())
                .thenComparing(o -> o.stage()).thenComparing(RunStore.Observation::subject));
        Map<List<String>, LocalDate> latest = new LinkedHashMap<>();
        batch.latestDates().forEach(d -> latest.merge(List.of(d.dataset(), d.subject()), d.date(),
                (a, b) -> a.isAfter(b) ? a : b));
        List<LatestDate> dates = latest.entrySet().stream()
                .map(e -> new LatestDate(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                .sorted(Comparator.comparing(LatestDate::dataset).thenComparing(LatestDate::subject)).toList();
        unitOfWork.run(() -> {
            batch.reported().forEach(r -> declare(r.report(), r.at()));
            runs.observeAll(observations);
            freshness.recordAll(dates);
        });
    }

    /** A declaring report starts a run not known yet (its stage is the run's first) and adds expected subjects. */
    private void declare(RunStageReport report, Instant at) {
        if (report.runKind() != null) {
            runs.startDeclared(report.runId(), report.runKind(), report.runStage(), DECLARED, at);
        }
        if (report.kind() == RunStageReport.Kind.EXPECTED) {
            runs.declare(report.runId(), report.stage(), report.upstream() == null ? "" : report.upstream(),
                    report.subjects(), at);
        }
    }

    /** Folds one more record into its row: the strongest status, the latest reason, the first and last time. */
    private static void merge(Map<List<Object>, RunStore.Observation> rows, RunStore.Observation next) {
        rows.merge(List.of(next.runId(), next.subject(), next.stage()), next, (a, b) -> new RunStore.Observation(
                a.runId(), a.subject(), a.stage(), a.status().strongest(b.status()),
                b.reason() != null ? b.reason() : a.reason(), a.events() + b.events(), a.firstAt(),
                b.lastAt().isAfter(a.lastAt()) ? b.lastAt() : a.lastAt()));
    }
}
