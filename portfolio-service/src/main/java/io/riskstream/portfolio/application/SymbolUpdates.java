package io.riskstream.portfolio.application;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.FactorsReady;
import io.riskstream.common.event.PricesReady;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * prices-ready and factors-ready: keep the symbol data the analytics need, then refresh exactly the portfolios
 * that hold the symbol, each for the latest announced date on which all of its public symbols are ready.
 */
public class SymbolUpdates {

    private final SymbolDataStore symbols;
    private final PortfolioStore portfolios;
    private final PortfolioAnalytics analytics;
    private final TransactionTemplate tx;

    public SymbolUpdates(SymbolDataStore symbols, PortfolioStore portfolios, PortfolioAnalytics analytics,
                         TransactionTemplate tx) {
        this.symbols = symbols;
        this.portfolios = portfolios;
        this.analytics = analytics;
        this.tx = tx;
    }

    public void pricesReady(EventEnvelope<PricesReady> event) {
        tx.executeWithoutResult(s -> symbols.savePrices(event.payload().symbol(), event.payload().bars()));
    }

    public int factorsReady(EventEnvelope<FactorsReady> event) {
        FactorsReady ready = event.payload();
        List<LocalDate> dates = ready.exposures().stream().map(FactorsReady.DatedExposures::calculationDate).toList();
        Integer refreshed = tx.execute(s -> {
            symbols.saveFactors(ready.symbol(), ready.exposures());
            int n = 0;
            for (UUID portfolioId : portfolios.portfoliosHolding(ready.symbol())) {
                if (analytics.refreshLatestReady(portfolioId, dates, event.eventId(), event.runId()).isPresent()) {
                    n++;
                }
            }
            return n;
        });
        return refreshed == null ? 0 : refreshed;
    }
}
