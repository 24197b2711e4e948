package io.riskstream.price.application;

import io.riskstream.common.application.EventPublisher;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.RunStage;
import io.riskstream.common.event.RunStageReport;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * price-service's part in run tracking: the runs it starts (their first stage is its own) and its run-status reports
 * for the prices stage, published in the caller's unit of work with ids derived from the cause, so reprocessing an
 * event repeats the same reports.
 */
public class RunReports {

    public static final RunStage STAGE = RunStage.PRICES;

    private final StartedRuns runs;
    private final EventPublisher events;
    private final Clock clock;

    public RunReports(StartedRuns runs, EventPublisher events, Clock clock) {
        this.runs = runs;
        this.events = events;
        this.clock = clock;
    }

    /** A run price-service starts here (a daily close, a backfill, a universe addition). */
    public void start(UUID runId, String kind, LocalDate tradingDate, String triggeredBy) {
        runs.add(runId, kind, STAGE, tradingDate, triggeredBy);
    }

    public void expected(Cause cause, String runKind, List<String> symbols) {
        send(cause, RunStageReport.expected(cause.runId(), runKind, STAGE, symbols));
    }

    public void skipped(Cause cause, String symbol) {
        send(cause, RunStageReport.skipped(cause.runId(), STAGE, List.of(symbol)));
    }

    public void failed(Cause cause, String symbol, String reason) {
        send(cause, RunStageReport.failed(cause.runId(), STAGE, symbol, reason));
    }

    public void failed(Cause cause, String symbol, RuntimeException e) {
        failed(cause, symbol, e.getClass().getName() + ": " + e.getMessage());
    }

    private void send(Cause cause, RunStageReport report) {
        UUID id = EventIds.derive(cause.eventId(), "run-status", report.stage(), report.kind().name(),
                String.join(",", report.subjects()));
        events.publish(EventEnvelope.of(id, report.runId(), clock.instant(), report));
    }
}
