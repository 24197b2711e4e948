package io.riskstream.portfolio.application;

import io.riskstream.portfolio.domain.FactorContributions;
import io.riskstream.portfolio.domain.Position;
import io.riskstream.portfolio.domain.PositionValuation;
import io.riskstream.portfolio.domain.risk.SnapshotBetas;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Each position's contribution to a portfolio's factor exposures on a stored date, from what the valuation of that
 * date stored (position weights) and read (the symbols' betas for the date), summed in the book's order.
 */
public class ReadContributions {

    /** The contributions beside the stored analytics they add up to. */
    public record Contributions(AnalyticsStore.StoredAnalytics stored, FactorContributions.Result result) {
    }

    private final PortfolioStore portfolios;
    private final AnalyticsStore analytics;
    private final RiskStore risk;
    private final SymbolDataStore symbols;

    public ReadContributions(PortfolioStore portfolios, AnalyticsStore analytics, RiskStore risk,
                             SymbolDataStore symbols) {
        this.portfolios = portfolios;
        this.analytics = analytics;
        this.risk = risk;
        this.symbols = symbols;
    }

    /** Empty when the portfolio has no analytics on {@code date} (or none yet, when {@code date} is null). */
    public Optional<Contributions> on(UUID portfolioId, LocalDate date) {
        Optional<AnalyticsStore.StoredAnalytics> stored = date == null ? analytics.latest(portfolioId)
                : analytics.find(portfolioId, date);
        return stored.map(a -> {
            List<PositionValuation.Value> values = risk.positions(portfolioId, a.date());
            List<Position> book = portfolios.positions(portfolioId);
            Map<UUID, Integer> order = new HashMap<>();
            for (int i = 0; i < book.size(); i++) {
                order.put(book.get(i).id(), i);
            }
            List<String> held = values.stream().map(PositionValuation.Value::symbol).distinct().toList();
            Map<String, Map<String, Double>> betas = symbols.betasAndFits(held, List.of(a.date()),
                    SnapshotBetas.MARKET_BETA).on(a.date());
            return new Contributions(a, FactorContributions.of(values, order, betas));
        });
    }
}
