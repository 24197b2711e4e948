package io.riskstream.portfolio.application;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.FactorsReady;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.PricesReady;
import io.riskstream.common.event.RunStageReport;
import io.riskstream.common.outbox.OutboxWriter;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * prices-ready and factors-ready: keep the symbol data the analytics need; factors-ready then requests a refresh of
 * exactly the portfolios holding the symbol, for every date in the event on or after the portfolio's first entry.
 * The refresh itself runs in the drainer, so thirty symbols of one portfolio arriving together cost one refresh per
 * date, not thirty.
 */
public class SymbolUpdates {

    private final SymbolDataStore symbols;
    private final PortfolioStore portfolios;
    private final PortfolioAnalytics analytics;
    private final TransactionTemplate tx;
    private final OutboxWriter outbox;
    private final Clock clock;

    public SymbolUpdates(SymbolDataStore symbols, PortfolioStore portfolios, PortfolioAnalytics analytics,
                         TransactionTemplate tx, OutboxWriter outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
        this.symbols = symbols;
        this.portfolios = portfolios;
        this.analytics = analytics;
        this.tx = tx;
    }

    public void pricesReady(EventEnvelope<PricesReady> event) {
        tx.executeWithoutResult(s -> symbols.savePrices(event.payload().symbol(), event.payload().bars()));
    }

    /** Returns the number of portfolios a refresh was requested for. */
    public int factorsReady(EventEnvelope<FactorsReady> event) {
        FactorsReady ready = event.payload();
        List<LocalDate> dates = ready.exposures().stream().map(FactorsReady.DatedExposures::calculationDate).toList();
        Integer count = tx.execute(s -> {
            symbols.saveFactors(ready.symbol(), ready.exposures());
            List<String> requested = new ArrayList<>();
            LocalDate earliest = dates.stream().min(LocalDate::compareTo).orElseThrow();
            for (UUID portfolioId : portfolios.portfoliosHolding(ready.symbol(), earliest)) {
                LocalDate first = portfolios.positions(portfolioId).stream()
                        .map(PortfolioStore.StoredPosition::entryDate).min(LocalDate::compareTo).orElse(null);
                if (first == null) {
                    continue;
                }
                analytics.request(portfolioId, dates.stream().filter(d -> !d.isBefore(first)).toList(),
                        event.eventId(), event.runId());
                requested.add(portfolioId.toString());
            }
            // the run's portfolios stage learns which portfolios this symbol's factors queued (maybe none)
            outbox.enqueue(EventEnvelope.of(EventIds.derive(event.eventId(), "run-status", "portfolios"),
                    event.runId(), clock.instant(),
                    RunStageReport.acknowledged(event.runId(), "portfolios", ready.symbol(), requested)));
            return requested.size();
        });
        return count == null ? 0 : count;
    }
}
