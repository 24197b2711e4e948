package io.riskstream.price.application;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.RunStageReport;
import io.riskstream.common.outbox.OutboxWriter;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Publishes price-service's run-status reports for the prices stage through the outbox (inside the caller's
 * transaction), with ids derived from the cause, so reprocessing an event repeats the same reports.
 */
public class RunReports {

    public static final String STAGE = "prices";

    private final OutboxWriter outbox;
    private final Clock clock;

    public RunReports(OutboxWriter outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public void expected(UUID cause, UUID runId, String runKind, List<String> symbols) {
        send(cause, RunStageReport.expected(runId, runKind, STAGE, symbols));
    }

    public void skipped(UUID cause, UUID runId, String symbol) {
        send(cause, RunStageReport.skipped(runId, STAGE, List.of(symbol)));
    }

    public void failed(UUID cause, UUID runId, String symbol, String reason) {
        send(cause, RunStageReport.failed(runId, STAGE, symbol, reason));
    }

    private void send(UUID cause, RunStageReport report) {
        UUID id = EventIds.derive(cause, "run-status", report.stage(), report.kind().name(),
                String.join(",", report.subjects()));
        outbox.enqueue(EventEnvelope.of(id, report.runId(), clock.instant(), report));
    }
}
