package io.riskstream.portfolio.application;

import io.riskstream.common.application.EventPublisher;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.RunStage;
import io.riskstream.common.event.RunStageReport;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * What portfolio-service tells a run about its own stage, portfolios (run-status), all in one place; price-service
 * declares the prices stage of the symbols it is told about.
 */
public class RunStages {

    /** The kinds of run portfolio-service starts: a new portfolio, an API position change, a position-events record. */
    public static final String ONBOARDING = "onboarding", POSITION_CHANGE = "position-change",
            POSITION_EVENTS = "position-events";

    private final EventPublisher events;
    private final Clock clock;

    public RunStages(EventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** The run's portfolios stage: this portfolio is refreshed for it (its analytics-ready completes it). */
    public void declarePortfolio(UUID portfolioId, String runKind, Cause cause) {
        events.publish(EventEnvelope.of(EventIds.derive(cause.eventId(), "run-status", RunStage.PORTFOLIOS.label(),
                        portfolioId.toString()), cause.runId(), clock.instant(),
                RunStageReport.expected(cause.runId(), runKind, RunStage.PORTFOLIOS, List.of(portfolioId.toString()))));
    }

    /** The run's portfolios stage learns which portfolios a symbol's factors-ready queued (maybe none). */
    public void acknowledgeFactors(String symbol, List<UUID> queued, Cause cause) {
        events.publish(EventEnvelope.of(EventIds.derive(cause.eventId(), "run-status", RunStage.PORTFOLIOS.label()),
                cause.runId(), clock.instant(), RunStageReport.acknowledged(cause.runId(), RunStage.PORTFOLIOS, symbol,
                        queued.stream().map(UUID::toString).toList())));
    }
}
