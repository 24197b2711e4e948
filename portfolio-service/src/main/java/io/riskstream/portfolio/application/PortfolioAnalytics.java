package io.riskstream.portfolio.application;

import io.riskstream.common.calendar.TradingCalendar;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.PortfolioAnalyticsReady;
import io.riskstream.common.outbox.OutboxWriter;
import io.riskstream.portfolio.domain.Concentration;
import io.riskstream.portfolio.domain.DailySnapshotCalculation;
import io.riskstream.portfolio.domain.DailySnapshotCalculation.Mark;
import io.riskstream.portfolio.domain.FactorExposureCalculation;
import io.riskstream.portfolio.domain.FactorExposureCalculation.PricedHolding;
import io.riskstream.portfolio.domain.Holding;
import io.riskstream.portfolio.domain.InstrumentClass;
import io.riskstream.portfolio.domain.SectorExposure;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Each portfolio on its own clock: a (portfolio, date) pair is requested (a position, a factors-ready, a backfill),
 * and drained in date order — computed once all the portfolio's public symbols open on the date have betas for it,
 * or after the grace period with partial coverage flagged. Draining stops at the first date that is neither, so
 * snapshots always roll forward from a complete predecessor. Each computed date gets one snapshot, sector rows,
 * factor exposures and a {@code portfolio-analytics-ready}.
 */
public class PortfolioAnalytics {

    /** Dates per transaction while draining: short transactions, few round trips. */
    private static final int CHUNK = 40;
    private static final System.Logger LOG = System.getLogger(PortfolioAnalytics.class.getName());

    private final PortfolioStore portfolios;
    private final SymbolDataStore symbols;
    private final AnalyticsStore analytics;
    private final SymbolProfiles profiles;
    private final RefreshQueue queue;
    private final OutboxWriter outbox;
    private final TransactionTemplate tx;
    private final TradingCalendar calendar;
    private final Clock clock;
    private final Duration grace;

    public PortfolioAnalytics(PortfolioStore portfolios, SymbolDataStore symbols, AnalyticsStore analytics,
                              SymbolProfiles profiles, RefreshQueue queue, OutboxWriter outbox, TransactionTemplate tx,
                              TradingCalendar calendar, Clock clock, Duration grace) {
        this.portfolios = portfolios;
        this.symbols = symbols;
        this.analytics = analytics;
        this.profiles = profiles;
        this.queue = queue;
        this.outbox = outbox;
        this.tx = tx;
        this.calendar = calendar;
        this.clock = clock;
        this.grace = grace;
    }

    /** Requests the trading days among {@code dates} (inside the caller's transaction). */
    public void request(UUID portfolioId, Collection<LocalDate> dates, UUID cause, UUID runId) {
        List<LocalDate> trading = dates.stream().filter(calendar::isTradingDay).distinct().toList();
        if (!trading.isEmpty()) {
            queue.request(portfolioId, trading, cause, runId);
        }
    }

    /** Requests every trading day in [from, through] (a backfill, or a position change dated in the past). */
    public void requestRange(UUID portfolioId, LocalDate from, LocalDate through, UUID cause, UUID runId) {
        request(portfolioId, calendar.tradingDays(from, through), cause, runId);
    }

    /** Requests again the dates on or after {@code from} that already have a snapshot (inside the caller's transaction). */
    public void requestComputed(UUID portfolioId, LocalDate from, UUID cause, UUID runId) {
        List<LocalDate> computed = analytics.snapshotDatesAfter(portfolioId, from.minusDays(1));
        if (!computed.isEmpty()) {
            queue.request(portfolioId, computed, cause, runId);
        }
    }

    /**
     * Drains every portfolio that has dates waiting, one chunk of dates per portfolio per round, so a long backfill
     * of one portfolio never holds the others back; returns the number of (portfolio, date) pairs computed.
     */
    public int drainAll() {
        int total = 0;
        while (true) {
            int round = 0;
            for (UUID portfolioId : queue.portfoliosWaiting()) {
                round += tx.execute(s -> drainChunk(portfolioId))[0];
            }
            total += round;
            if (round == 0) {
                return total;
            }
        }
    }

    /**
     * Drains one portfolio's waiting dates in date order, in transactions of a few dates each, up to about
     * {@code maxDates} (the API's own share; the drainer does the rest).
     */
    public int drain(UUID portfolioId, int maxDates) {
        int total = 0;
        while (total < maxDates) {
            int[] progress = tx.execute(s -> drainChunk(portfolioId));
            total += progress[0];
            if (progress[1] == 0) {
                break;
            }
        }
        return total;
    }

    /**
     * {@link #drain} after a command has committed: the command's effect stands whatever happens here, and dates
     * left undone (an error, a database hiccup) stay queued for the drainer.
     */
    public void drainAfterCommit(UUID portfolioId, int maxDates) {
        try {
            drain(portfolioId, maxDates);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "refresh of portfolio " + portfolioId
                    + " left to the drainer: " + e, e);
        }
    }

    /** {computed, continue?} */
    private int[] drainChunk(UUID portfolioId) {
        List<RefreshQueue.Pending> pending = queue.lockPending(portfolioId, CHUNK);
        Optional<PortfolioStore.Portfolio> portfolio = portfolios.find(portfolioId);
        if (pending.isEmpty()) {
            return new int[]{0, 0};
        }
        if (portfolio.isEmpty()) {
            pending.forEach(p -> queue.done(portfolioId, p));
            return new int[]{0, 0};
        }
        List<PortfolioStore.StoredPosition> positions = portfolios.positions(portfolioId);
        Set<String> held = publicSymbols(positions);
        Map<String, LocalDate> firstBetas = symbols.firstBetaDates(held);
        Set<String> withCloses = symbols.symbolsWithCloses(held);
        int computed = 0;
        for (RefreshQueue.Pending p : pending) {
            Set<String> needed = publicSymbolsOpenOn(positions, p.date());
            Map<String, Map<String, Double>> betas = symbols.betas(needed, p.date());
            // factor-service computes a symbol's dates forward from its first: a date before it never gets betas;
            // a symbol with no close at all has its first prices-ready still on the way (factors-ready overtook it)
            boolean waiting = needed.stream().anyMatch(s -> !withCloses.contains(s) || !betas.containsKey(s)
                    && (!firstBetas.containsKey(s) || !p.date().isBefore(firstBetas.get(s))));
            boolean waitedEnough = !p.requestedAt().plus(grace).isAfter(clock.instant());
            if (waiting && !waitedEnough) {
                return new int[]{computed, 0};
            }
            compute(portfolio.get(), positions, p.date(), betas, !betas.keySet().containsAll(needed), p.cause(),
                    p.runId());
            queue.done(portfolioId, p);
            computed++;
        }
        return new int[]{computed, 1};
    }

    private static Set<String> publicSymbols(List<PortfolioStore.StoredPosition> positions) {
        Set<String> all = new TreeSet<>();
        positions.stream().map(PortfolioStore.StoredPosition::symbol)
                .filter(s -> InstrumentClass.of(s) == InstrumentClass.PUBLIC).forEach(all::add);
        return all;
    }

    private static Set<String> publicSymbolsOpenOn(List<PortfolioStore.StoredPosition> positions, LocalDate date) {
        Set<String> needed = new TreeSet<>();
        positions.stream().filter(p -> p.openOn(date))
                .filter(p -> InstrumentClass.of(p.symbol()) == InstrumentClass.PUBLIC)
                .forEach(p -> needed.add(p.symbol()));
        return needed;
    }

    private void compute(PortfolioStore.Portfolio portfolio, List<PortfolioStore.StoredPosition> positions,
                         LocalDate date, Map<String, Map<String, Double>> betas, boolean missingBetas, UUID cause,
                         UUID runId) {
        Optional<DailySnapshotCalculation.Previous> previous = analytics.previousSnapshot(portfolio.id(), date);
        // positions that matter on the date: open on it, or exited since the previous snapshot (they realize P&L)
        List<PortfolioStore.StoredPosition> relevant = positions.stream()
                .filter(p -> !p.entryDate().isAfter(date))
                .filter(p -> p.exitDate() == null || p.exitDate().isAfter(date)
                        || previous.isPresent() && p.exitDate().isAfter(previous.get().date()))
                .toList();
        Set<String> priced = new TreeSet<>();
        relevant.stream().filter(p -> InstrumentClass.of(p.symbol()) != InstrumentClass.PRIVATE)
                .forEach(p -> priced.add(p.symbol()));
        Map<String, SymbolDataStore.Close> closes = symbols.closesOnOrBefore(priced, date);
        Map<String, SymbolDataStore.Close> previousCloses = previous.isEmpty() ? Map.of()
                : symbols.closesOnOrBefore(priced, previous.get().date());
        List<Mark> marks = new ArrayList<>();
        for (PortfolioStore.StoredPosition p : relevant) {
            SymbolDataStore.Close close = closes.get(p.symbol());
            SymbolDataStore.Close before = previousCloses.get(p.symbol());
            marks.add(new Mark(p.symbol(), p.quantity().doubleValue(), p.entryPrice().doubleValue(), p.entryDate(),
                    p.exitDate(), p.exitPrice() == null ? null : p.exitPrice().doubleValue(),
                    close == null ? null : close.price(), close == null ? null : close.date(),
                    before == null ? null : before.price()));
        }
        DailySnapshotCalculation.Snapshot snapshot = DailySnapshotCalculation.compute(date,
                portfolio.equity().doubleValue(), previous.orElse(null), marks, 0, calendar);

        List<PricedHolding> holdings = new ArrayList<>();
        for (Mark m : marks) {
            if (m.entryDate().isAfter(date) || m.exitDate() != null && !m.exitDate().isAfter(date)) {
                continue;
            }
            Holding holding = new Holding(m.symbol(), BigDecimal.valueOf(m.quantity()), BigDecimal.valueOf(m.entryPrice()));
            if (m.price() != null) {
                holdings.add(new PricedHolding(holding, m.price(), m.priceDate()));
            } else if (holding.instrumentClass() == InstrumentClass.PRIVATE) {
                holdings.add(new PricedHolding(holding, m.entryPrice(), null));
            }
        }
        boolean partial = missingBetas || !snapshot.unpriced().isEmpty();
        // a wiped-out book has no equity to weight by: store the snapshot, flag it, and give no factor exposures
        boolean solvent = snapshot.equity() > 0;
        partial |= !solvent;
        FactorExposureCalculation.Result result = solvent
                ? FactorExposureCalculation.compute(date, snapshot.equity(), holdings, betas)
                : new FactorExposureCalculation.Result(date, snapshot.priceDate(), snapshot.grossExposure(),
                snapshot.netExposure(), 0, Map.of());
        BigDecimal nav = BigDecimal.valueOf(snapshot.equity());
        Concentration concentration = Concentration.of(snapshot.marketValues());
        SectorExposure sectors = SectorExposure.of(snapshot.marketValues(),
                profiles.sectors(snapshot.marketValues().keySet()), snapshot.equity());
        analytics.save(portfolio.id(), nav, partial, result);
        analytics.saveSnapshot(portfolio.id(), snapshot, concentration, sectors, result.coverage(), partial);
        // later snapshots rolled forward from this date's old values: they follow it again
        List<LocalDate> later = analytics.snapshotDatesAfter(portfolio.id(), date);
        if (!later.isEmpty()) {
            queue.requestLater(portfolio.id(), later, cause, runId);
        }
        Map<String, PortfolioAnalyticsReady.Exposure> factors = new LinkedHashMap<>();
        result.factors().forEach((f, v) -> factors.put(f, new PortfolioAnalyticsReady.Exposure(v[0], v[1])));
        outbox.enqueue(EventEnvelope.of(EventIds.derive(cause, "portfolio-analytics-ready", portfolio.id().toString(),
                        date.toString()), runId, clock.instant(),
                new PortfolioAnalyticsReady(portfolio.id(), date, result.priceDate(), snapshot.equity(),
                        result.coverage(), partial, factors)));
    }
}
