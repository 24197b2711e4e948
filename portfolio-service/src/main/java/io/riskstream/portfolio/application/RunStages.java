package io.riskstream.portfolio.application;

import io.riskstream.common.application.EventPublisher;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.RunStageReport;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** What portfolio-service tells a run about its stages (run-status), all in one place. */
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

    /** A symbol announced in symbol-added: price-service answers it with prices-ready or a skip, and the run waits. */
    public void expectPrices(String symbol, Cause cause) {
        events.publish(EventEnvelope.of(EventIds.derive(cause.eventId(), "run-status", "prices", symbol),
                cause.runId(), clock.instant(), RunStageReport.expected(cause.runId(), null, "prices",
                        List.of(symbol))));
    }

    /** The run's portfolios stage: this portfolio is refreshed for it (its analytics-ready completes it). */
    public void declarePortfolio(UUID portfolioId, String runKind, Cause cause) {
        events.publish(EventEnvelope.of(EventIds.derive(cause.eventId(), "run-status", "portfolios",
                        portfolioId.toString()), cause.runId(), clock.instant(),
                RunStageReport.expected(cause.runId(), runKind, "portfolios", List.of(portfolioId.toString()))));
    }

    /** The run's portfolios stage learns which portfolios a symbol's factors-ready queued (maybe none). */
    public void acknowledgeFactors(String symbol, List<UUID> queued, Cause cause) {
        events.publish(EventEnvelope.of(EventIds.derive(cause.eventId(), "run-status", "portfolios"),
                cause.runId(), clock.instant(), RunStageReport.acknowledged(cause.runId(), "portfolios", symbol,
                        queued.stream().map(UUID::toString).toList())));
    }
}
