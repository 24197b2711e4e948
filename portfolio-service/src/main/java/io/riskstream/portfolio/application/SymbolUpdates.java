package io.riskstream.portfolio.application;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.FactorsReady;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.PriceBar;
import io.riskstream.common.event.PricesReady;
import io.riskstream.common.event.ProfileUpdated;
import io.riskstream.common.event.RunStage;
import io.riskstream.common.event.RunStageReport;
import io.riskstream.common.outbox.OutboxWriter;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * prices-ready and factors-ready: keep the symbol data the analytics need, then request a refresh of exactly the
 * portfolios holding the symbol, for every date in the event (prices: every changed date) on or after the
 * portfolio's first entry.
 * The refresh itself runs in the drainer, so thirty symbols of one portfolio arriving together cost one refresh per
 * date, not thirty.
 */
public class SymbolUpdates {

    /** Before any position can start (entry dates are validated from 1990). */
    private static final LocalDate EVER = LocalDate.of(1990, 1, 1);

    private final SymbolDataStore symbols;
    private final PortfolioStore portfolios;
    private final PortfolioAnalytics analytics;
    private final TransactionTemplate tx;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final SymbolProfiles profiles;
    private final PositionTags tags;

    public SymbolUpdates(SymbolDataStore symbols, PortfolioStore portfolios, PortfolioAnalytics analytics,
                         TransactionTemplate tx, OutboxWriter outbox, Clock clock, SymbolProfiles profiles,
                         PositionTags tags) {
        this.tags = tags;
        this.profiles = profiles;
        this.outbox = outbox;
        this.clock = clock;
        this.symbols = symbols;
        this.portfolios = portfolios;
        this.analytics = analytics;
        this.tx = tx;
    }

    /**
     * Stores the closes and, when some were new or changed, requests those dates of the holders: a date valued
     * before its close arrived (factors-ready overtook prices-ready) is valued again. In the usual order the request
     * coalesces with factors-ready's, and waits for the betas like any other. Computed dates whose risk analytics
     * read the changed closes are requested again too (see {@link PortfolioAnalytics#closesChanged}).
     */
    public int pricesReady(EventEnvelope<PricesReady> event) {
        PricesReady ready = event.payload();
        Integer requested = tx.execute(s -> symbols.savePrices(ready.symbol(), ready.bars())
                .map(from -> {
                    Map<UUID, LocalDate> holders = portfolios.holdersWithFirstEntry(ready.symbol(), from);
                    List<String> queued = requestHolders(holders, ready.bars().stream().map(PriceBar::date)
                            .filter(d -> !d.isBefore(from)).toList(), event);
                    // dates already computed from the old closes (their return windows reach back a year and more)
                    analytics.closesChanged(ready.symbol(), from, ready.bars().getLast().date(), holders.keySet(),
                            event.eventId(), event.runId());
                    return queued.size();
                })
                .orElse(0));
        return requested == null ? 0 : requested;
    }

    /** Returns the number of portfolios a refresh was requested for. */
    public int factorsReady(EventEnvelope<FactorsReady> event) {
        FactorsReady ready = event.payload();
        List<LocalDate> dates = ready.exposures().stream().map(FactorsReady.DatedExposures::calculationDate).toList();
        Integer count = tx.execute(s -> {
            symbols.saveFactors(ready.symbol(), ready.exposures());
            List<String> requested = dates.isEmpty() ? List.of() : requestHolders(portfolios.holdersWithFirstEntry(
                    ready.symbol(), dates.stream().min(LocalDate::compareTo).orElseThrow()), dates, event);
            // the run's portfolios stage learns which portfolios this symbol's factors queued (maybe none)
            outbox.enqueue(EventEnvelope.of(EventIds.derive(event.eventId(), "run-status", RunStage.PORTFOLIOS.label()),
                    event.runId(), clock.instant(),
                    RunStageReport.acknowledged(event.runId(), RunStage.PORTFOLIOS, ready.symbol(), requested)));
            return requested.size();
        });
        return count == null ? 0 : count;
    }

    /**
     * profile-updated: stores the fields and, when the symbol's sector or ETF flag is new or changed, re-derives the
     * holders' sector tags and requests their already computed dates again — their sector exposures grouped the symbol without it (a profile that
     * arrives after the prices and betas must not leave the result depending on arrival order).
     */
    public void profileUpdated(EventEnvelope<ProfileUpdated> event) {
        String symbol = event.payload().symbol();
        tx.executeWithoutResult(s -> {
            if (profiles.apply(event)) {
                for (Map.Entry<UUID, LocalDate> holder : portfolios.holdersWithFirstEntry(symbol, EVER).entrySet()) {
                    tags.restoreSectorTags(holder.getKey());
                    analytics.requestComputed(holder.getKey(), holder.getValue(), event.eventId(), event.runId());
                }
            }
        });
    }

    /** Inside the caller's transaction: each holder's dates on or after its first entry; returns the holders. */
    private List<String> requestHolders(Map<UUID, LocalDate> holders, List<LocalDate> dates, EventEnvelope<?> event) {
        if (dates.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<LocalDate>> byHolder = new TreeMap<>();
        for (Map.Entry<UUID, LocalDate> holder : holders.entrySet()) {
            LocalDate first = holder.getValue();
            byHolder.put(holder.getKey(), dates.stream().filter(d -> !d.isBefore(first)).toList());
        }
        analytics.requestAll(byHolder, event.eventId(), event.runId());
        return byHolder.keySet().stream().map(UUID::toString).toList();
    }
}
