package io.riskstream.portfolio.application;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.PortfolioAnalyticsReady;
import io.riskstream.common.outbox.OutboxWriter;
import io.riskstream.portfolio.domain.FactorExposureCalculation;
import io.riskstream.portfolio.domain.FactorExposureCalculation.PricedHolding;
import io.riskstream.portfolio.domain.Holding;
import io.riskstream.portfolio.domain.InstrumentClass;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Computes one portfolio's analytics for a date once all its public symbols have betas for that date, stores them
 * and announces {@code portfolio-analytics-ready}. Runs inside the caller's transaction.
 */
public class PortfolioAnalytics {

    private final PortfolioStore portfolios;
    private final SymbolDataStore symbols;
    private final AnalyticsStore analytics;
    private final OutboxWriter outbox;
    private final Clock clock;

    public PortfolioAnalytics(PortfolioStore portfolios, SymbolDataStore symbols, AnalyticsStore analytics,
                              OutboxWriter outbox, Clock clock) {
        this.portfolios = portfolios;
        this.symbols = symbols;
        this.analytics = analytics;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Refreshes the portfolio for the latest of {@code candidates} (or of all dates, when null) it is ready for. */
    public Optional<FactorExposureCalculation.Result> refreshLatestReady(UUID portfolioId, List<LocalDate> candidates,
                                                                         UUID cause, UUID runId) {
        Optional<PortfolioStore.Portfolio> portfolio = portfolios.find(portfolioId);
        if (portfolio.isEmpty()) {
            return Optional.empty();
        }
        List<PortfolioStore.StoredPosition> positions = portfolios.positions(portfolioId);
        Set<String> publicSymbols = new TreeSet<>();
        positions.stream().filter(p -> p.exitDate() == null)
                .filter(p -> InstrumentClass.of(p.symbol()) == InstrumentClass.PUBLIC)
                .forEach(p -> publicSymbols.add(p.symbol()));
        if (publicSymbols.isEmpty()) {
            return Optional.empty();
        }
        Optional<LocalDate> date = candidates == null ? symbols.latestDateCovering(publicSymbols)
                : symbols.latestDateCovering(publicSymbols, candidates);
        return date.map(d -> compute(portfolio.get(), positions, d, cause, runId));
    }

    private FactorExposureCalculation.Result compute(PortfolioStore.Portfolio portfolio,
                                                     List<PortfolioStore.StoredPosition> positions, LocalDate date,
                                                     UUID cause, UUID runId) {
        List<PricedHolding> priced = new ArrayList<>();
        Set<String> held = new TreeSet<>();
        boolean partial = false;
        for (PortfolioStore.StoredPosition position : positions) {
            if (!position.openOn(date)) {
                continue;
            }
            Holding holding = new Holding(position.symbol(), position.quantity(), position.entryPrice());
            if (holding.instrumentClass() == InstrumentClass.PRIVATE) {
                priced.add(new PricedHolding(holding, position.entryPrice().doubleValue(), null));
                continue;
            }
            Optional<SymbolDataStore.Close> close = symbols.closeOnOrBefore(position.symbol(), date);
            if (close.isEmpty()) {
                partial = true; // no price yet (an option, or prices still on their way)
                continue;
            }
            priced.add(new PricedHolding(holding, close.get().price(), close.get().date()));
            held.add(position.symbol());
        }
        Map<String, Map<String, Double>> betas = symbols.betas(held, date);
        double equity = portfolio.equity().doubleValue();
        FactorExposureCalculation.Result result = FactorExposureCalculation.compute(date, equity, priced, betas);
        analytics.save(portfolio.id(), portfolio.equity(), partial, result);
        Map<String, PortfolioAnalyticsReady.Exposure> factors = new LinkedHashMap<>();
        result.factors().forEach((f, v) -> factors.put(f, new PortfolioAnalyticsReady.Exposure(v[0], v[1])));
        outbox.enqueue(EventEnvelope.of(EventIds.derive(cause, "portfolio-analytics-ready", portfolio.id().toString(),
                        date.toString()), runId, clock.instant(),
                new PortfolioAnalyticsReady(portfolio.id(), date, result.priceDate(), equity, result.coverage(), partial,
                        factors)));
        return result;
    }

}
