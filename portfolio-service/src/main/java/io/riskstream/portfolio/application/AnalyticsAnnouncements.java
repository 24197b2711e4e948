package io.riskstream.portfolio.application;

import io.riskstream.common.application.EventPublisher;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.PortfolioAnalyticsReady;
import io.riskstream.portfolio.domain.ValuedDate;
import io.riskstream.portfolio.domain.risk.RiskAnalytics;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** portfolio-analytics-ready for each valued date, its id derived from the request that queued the date. */
public class AnalyticsAnnouncements {

    private final EventPublisher events;
    private final Clock clock;

    public AnalyticsAnnouncements(EventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** @param valued the dates of {@code ready}, in the same order */
    public void announce(UUID portfolioId, List<ValueDates.ReadyDate> ready, List<ValuedDate> valued) {
        List<EventEnvelope<?>> announcements = new ArrayList<>();
        for (int i = 0; i < ready.size(); i++) {
            announcements.add(announcement(portfolioId, valued.get(i), ready.get(i).pending()));
        }
        events.publishAll(announcements);
    }

    private EventEnvelope<PortfolioAnalyticsReady> announcement(UUID portfolioId, ValuedDate date,
                                                                 RefreshQueue.Pending p) {
        Map<String, PortfolioAnalyticsReady.Exposure> factors = new LinkedHashMap<>();
        date.exposures().factors().forEach((f, v) -> factors.put(f, new PortfolioAnalyticsReady.Exposure(v[0], v[1])));
        return EventEnvelope.of(EventIds.derive(p.cause().eventId(), "portfolio-analytics-ready",
                        portfolioId.toString(), p.date().toString()), p.cause().runId(), clock.instant(),
                new PortfolioAnalyticsReady(portfolioId, p.date(), date.exposures().priceDate(), date.snapshot().equity(),
                        date.exposures().coverage(), date.partial(), factors, summary(date.risk())));
    }

    /** Null when the risk analytics are switched off. */
    private static PortfolioAnalyticsReady.Risk summary(RiskAnalytics r) {
        if (r == null) {
            return null;
        }
        Map<String, PortfolioAnalyticsReady.StressPnl> stress = new TreeMap<>();
        r.stress().forEach(s -> stress.put(s.scenarioId(), new PortfolioAnalyticsReady.StressPnl(s.directPnl(),
                s.correlatedPnl())));
        return new PortfolioAnalyticsReady.Risk(r.betas().marketBeta90d(), r.betas().providerBeta1y(),
                r.volatility().realized21d(), r.volatility().realized63d(), r.volatility().expected21d(),
                r.volatility().trend() == null ? null : r.volatility().trend().label(), r.volatility().percentile(),
                r.correlations().effectivePositions(), r.correlations().clusters().size(), r.scenarioVersion(), stress,
                r.incomplete());
    }
}
