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
import io.riskstream.portfolio.domain.PositionValuation;
import io.riskstream.portfolio.domain.SectorExposure;
import io.riskstream.portfolio.domain.risk.PriceHistories;
import io.riskstream.portfolio.domain.risk.RiskAnalysis;
import io.riskstream.portfolio.domain.risk.RiskAnalytics;
import io.riskstream.portfolio.domain.risk.SnapshotBetas;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Each portfolio on its own clock: a (portfolio, date) pair is requested (a position, a factors-ready, a backfill),
 * and drained in date order — computed once all the portfolio's public symbols open on the date have betas for it,
 * or after the grace period with partial coverage flagged. Draining stops at the first date that is neither, so
 * snapshots always roll forward from a complete predecessor. Each computed date gets one snapshot, sector rows,
 * factor exposures, risk analytics (snapshot betas, volatility, correlations, stress tests), position values and a
 * {@code portfolio-analytics-ready}.
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
    private final RiskAnalysis risk;

    public PortfolioAnalytics(PortfolioStore portfolios, SymbolDataStore symbols, AnalyticsStore analytics,
                              SymbolProfiles profiles, RefreshQueue queue, OutboxWriter outbox, TransactionTemplate tx,
                              TradingCalendar calendar, Clock clock, Duration grace, RiskAnalysis risk) {
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
        this.risk = risk;
    }

    /** Requests the trading days among {@code dates} (inside the caller's transaction). */
    public void request(UUID portfolioId, Collection<LocalDate> dates, UUID cause, UUID runId) {
        List<LocalDate> trading = dates.stream().filter(calendar::isTradingDay).distinct().toList();
        if (!trading.isEmpty()) {
            queue.request(portfolioId, trading, cause, runId);
        }
    }

    /** {@link #request} for several portfolios in one go (inside the caller's transaction). */
    public void requestAll(Map<UUID, List<LocalDate>> dates, UUID cause, UUID runId) {
        Map<UUID, List<LocalDate>> trading = new TreeMap<>();
        dates.forEach((id, d) -> {
            List<LocalDate> days = d.stream().filter(calendar::isTradingDay).distinct().toList();
            if (!days.isEmpty()) {
                trading.put(id, days);
            }
        });
        if (!trading.isEmpty()) {
            queue.requestAll(trading, cause, runId);
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
     * The closes of {@code symbol} changed from {@code from} through {@code through} (inside the caller's
     * transaction): the dates already computed whose return windows reach those closes are requested again — the
     * holders' dates, or every portfolio's when the symbol is a factor proxy of the stress tests. A date computed
     * before a close arrived (or was corrected) is thereby redone, so the stored analytics do not depend on the order
     * the events came in.
     */
    public void closesChanged(String symbol, LocalDate from, LocalDate through, Collection<UUID> holders, UUID cause,
                              UUID runId) {
        Collection<UUID> affected = risk.proxySymbols().contains(symbol) ? null : holders;
        if (affected != null && affected.isEmpty()) {
            return;
        }
        Map<UUID, List<LocalDate>> computed = analytics.computedDates(affected, from,
                through.plusDays(risk.lookbackDays()));
        if (!computed.isEmpty()) {
            queue.requestAll(computed, cause, runId);
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
            for (UUID portfolioId : readyToDrain(queue.waiting())) {
                round += drainChunkInTransaction(portfolioId)[0];
            }
            total += round;
            if (round == 0) {
                return total;
            }
        }
    }

    /**
     * The waiting portfolios whose earliest date can be computed now (its symbols' data is there, or it has waited
     * out the grace period), told from a handful of queries for all of them. Without this, every pass of the drainer
     * would open a transaction and read positions and betas for each portfolio still waiting for a factors-ready:
     * a thousand portfolios waiting on a daily close cost thousands of queries per pass, competing with the work
     * they wait for. The drain itself checks again, inside its transaction.
     */
    private List<UUID> readyToDrain(List<RefreshQueue.Head> heads) {
        if (heads.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Map<UUID, List<PortfolioStore.StoredPosition>> positions = portfolios.positions(
                heads.stream().map(RefreshQueue.Head::portfolioId).toList());
        Set<String> held = new TreeSet<>();
        positions.values().forEach(p -> held.addAll(publicSymbols(p)));
        Map<String, LocalDate> firstBetas = symbols.firstBetaDates(held);
        Set<String> withCloses = symbols.symbolsWithCloses(held);
        Map<LocalDate, Set<String>> withBetas = symbols.symbolsWithBetas(held,
                heads.stream().map(RefreshQueue.Head::date).distinct().toList());
        List<UUID> ready = new ArrayList<>();
        for (RefreshQueue.Head head : heads) {
            Set<String> needed = publicSymbolsOpenOn(positions.getOrDefault(head.portfolioId(), List.of()), head.date());
            if (!waitsForData(needed, head.date(), withBetas.getOrDefault(head.date(), Set.of()), withCloses, firstBetas)
                    || waitedEnough(head.requestedAt(), now)) {
                ready.add(head.portfolioId());
            }
        }
        return ready;
    }

    /**
     * Whether a date must wait for its symbols' data: a symbol without betas for it (factor-service computes a
     * symbol's dates forward from its first, so a date before that never gets any and need not wait), or with no
     * close at all (its first prices-ready is still on the way: the factors-ready overtook it).
     */
    private static boolean waitsForData(Set<String> needed, LocalDate date, Set<String> withBetas,
                                        Set<String> withCloses, Map<String, LocalDate> firstBetas) {
        return needed.stream().anyMatch(s -> !withCloses.contains(s) || !withBetas.contains(s)
                && (!firstBetas.containsKey(s) || !date.isBefore(firstBetas.get(s))));
    }

    /** Whether a date requested at {@code requestedAt} has waited out the grace period and goes ahead partial. */
    private boolean waitedEnough(Instant requestedAt, Instant now) {
        return !requestedAt.plus(grace).isAfter(now);
    }

    /**
     * Drains one portfolio's waiting dates in date order, in transactions of a few dates each, up to about
     * {@code maxDates} (the API's own share; the drainer does the rest).
     */
    public int drain(UUID portfolioId, int maxDates) {
        int total = 0;
        while (total < maxDates) {
            int[] progress = drainChunkInTransaction(portfolioId);
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

    /**
     * One chunk in one transaction. The transaction reads a single snapshot (repeatable read: see the configuration),
     * so the versions of the waiting dates and the data they are computed from belong together; a request committed
     * meanwhile makes the removal of its date fail with a serialization error, the chunk is rolled back, and the next
     * round computes it once more, from data that includes the request. Never lost, never announced twice.
     */
    private int[] drainChunkInTransaction(UUID portfolioId) {
        try {
            return tx.execute(s -> drainChunk(portfolioId));
        } catch (ConcurrencyFailureException e) {
            LOG.log(System.Logger.Level.DEBUG, "portfolio " + portfolioId + " changed while it was computed; again next round");
            return new int[]{0, 0};
        }
    }

    /**
     * {computed, continue?}: the portfolio's earliest waiting dates, up to the first that must still wait, computed
     * in memory from data read once for all of them (positions, betas, closes, sectors, the snapshots they roll
     * forward from) and written back in a few statements.
     */
    private int[] drainChunk(UUID portfolioId) {
        List<RefreshQueue.Pending> pending = queue.lockPending(portfolioId, CHUNK);
        if (pending.isEmpty()) {
            return new int[]{0, 0};
        }
        Optional<PortfolioStore.Portfolio> portfolio = portfolios.find(portfolioId);
        if (portfolio.isEmpty()) {
            queue.done(portfolioId, pending);
            return new int[]{0, 0};
        }
        List<PortfolioStore.StoredPosition> positions = portfolios.positions(portfolioId);
        Set<String> held = publicSymbols(positions);
        Map<String, LocalDate> firstBetas = symbols.firstBetaDates(held);
        Set<String> withCloses = symbols.symbolsWithCloses(held);
        SymbolDataStore.BetasAndFits factors = symbols.betasAndFits(held,
                pending.stream().map(RefreshQueue.Pending::date).toList(), SnapshotBetas.MARKET_BETA);
        Map<LocalDate, Map<String, Map<String, Double>>> betasByDate = factors.betas();
        List<RefreshQueue.Pending> ready = new ArrayList<>();
        boolean blocked = false;
        for (RefreshQueue.Pending p : pending) {
            Set<String> needed = publicSymbolsOpenOn(positions, p.date());
            boolean waiting = waitsForData(needed, p.date(), betasByDate.getOrDefault(p.date(), Map.of()).keySet(),
                    withCloses, firstBetas);
            if (waiting && !waitedEnough(p.requestedAt(), clock.instant())) {
                blocked = true;
                break;
            }
            ready.add(p);
        }
        if (ready.isEmpty()) {
            return new int[]{0, 0};
        }
        computeAll(portfolio.get(), positions, ready, factors);
        return new int[]{ready.size(), blocked ? 0 : 1};
    }

    private void computeAll(PortfolioStore.Portfolio portfolio, List<PortfolioStore.StoredPosition> positions,
                            List<RefreshQueue.Pending> ready, SymbolDataStore.BetasAndFits factors) {
        Map<LocalDate, Map<String, Map<String, Double>>> betasByDate = factors.betas();
        LocalDate first = ready.getFirst().date(), last = ready.getLast().date();
        TreeMap<LocalDate, DailySnapshotCalculation.Previous> bases =
                new TreeMap<>(analytics.rollingBases(portfolio.id(), first, last));
        Set<String> priced = new TreeSet<>();
        positions.stream().filter(p -> InstrumentClass.of(p.symbol()) != InstrumentClass.PRIVATE)
                .forEach(p -> priced.add(p.symbol()));
        Map<String, NavigableMap<LocalDate, Double>> closes = symbols.closeHistory(priced,
                bases.isEmpty() ? first : bases.firstKey(), last);
        Map<String, SectorExposure.Profile> sectors = profiles.sectors(priced);
        // the risk analytics' inputs: a year and more of adjusted closes of the public symbols and the factor proxies,
        // read once for the chunk (the market-beta fits came with the betas)
        Set<String> withProxies = new TreeSet<>(publicSymbols(positions));
        withProxies.addAll(risk.proxySymbols());
        PriceHistories histories = symbols.adjustedCloses(withProxies, first.minusDays(risk.lookbackDays()), last);
        RiskContext context = new RiskContext(histories, factors.fits(), sectorNames(sectors));
        List<AnalyticsStore.ComputedDate> computed = new ArrayList<>();
        List<EventEnvelope<?>> events = new ArrayList<>();
        for (RefreshQueue.Pending p : ready) {
            Map.Entry<LocalDate, DailySnapshotCalculation.Previous> base = bases.lowerEntry(p.date());
            Map<String, Map<String, Double>> betas = betasByDate.getOrDefault(p.date(), Map.of());
            AnalyticsStore.ComputedDate date = compute(portfolio, positions, p.date(), betas,
                    !betas.keySet().containsAll(publicSymbolsOpenOn(positions, p.date())),
                    base == null ? null : base.getValue(), closes, sectors, context);
            DailySnapshotCalculation.Snapshot s = date.snapshot();
            // the next date rolls forward from the NAV as stored, exactly as when it is read back in a later drain
            bases.put(p.date(), new DailySnapshotCalculation.Previous(p.date(),
                    AnalyticsStore.storedNav(s.equity()).doubleValue(), s.cumulativePnl(), s.cumulativeRealizedPnl(),
                    s.cumulativeCapitalFlow()));
            computed.add(date);
            events.add(announcement(portfolio.id(), date, p));
        }
        analytics.saveAll(portfolio.id(), computed);
        outbox.enqueueAll(events);
        queue.done(portfolio.id(), ready);
        // later snapshots rolled forward from these dates' old values: they follow them again
        Set<LocalDate> done = new TreeSet<>();
        ready.forEach(p -> done.add(p.date()));
        List<LocalDate> later = analytics.snapshotDatesAfter(portfolio.id(), first).stream()
                .filter(d -> !done.contains(d)).toList();
        if (!later.isEmpty()) {
            queue.requestLater(portfolio.id(), later, ready.getFirst().cause(), ready.getFirst().runId());
        }
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

    private AnalyticsStore.ComputedDate compute(PortfolioStore.Portfolio portfolio,
                                                List<PortfolioStore.StoredPosition> positions, LocalDate date,
                                                Map<String, Map<String, Double>> betas, boolean missingBetas,
                                                DailySnapshotCalculation.Previous previous,
                                                Map<String, NavigableMap<LocalDate, Double>> closes,
                                                Map<String, SectorExposure.Profile> sectorProfiles,
                                                RiskContext context) {
        // positions that matter on the date: open on it, or exited since the previous snapshot (they realize P&L)
        List<PortfolioStore.StoredPosition> relevant = positions.stream()
                .filter(p -> !p.entryDate().isAfter(date))
                .filter(p -> p.exitDate() == null || p.exitDate().isAfter(date)
                        || previous != null && p.exitDate().isAfter(previous.date()))
                .toList();
        List<Mark> marks = new ArrayList<>();
        List<PositionValuation.Position> valued = new ArrayList<>();
        for (PortfolioStore.StoredPosition p : relevant) {
            boolean isPrivate = InstrumentClass.of(p.symbol()) == InstrumentClass.PRIVATE;
            Map.Entry<LocalDate, Double> close = isPrivate ? null : closeOnOrBefore(closes, p.symbol(), date);
            Map.Entry<LocalDate, Double> before = isPrivate || previous == null ? null
                    : closeOnOrBefore(closes, p.symbol(), previous.date());
            marks.add(new Mark(p.symbol(), p.quantity().doubleValue(), p.entryPrice().doubleValue(), p.entryDate(),
                    p.exitDate(), p.exitPrice() == null ? null : p.exitPrice().doubleValue(),
                    close == null ? null : close.getValue(), close == null ? null : close.getKey(),
                    before == null ? null : before.getValue()));
            Mark m = marks.getLast();
            valued.add(new PositionValuation.Position(p.id(), m.symbol(), m.quantity(), m.entryPrice(), m.entryDate(),
                    m.exitDate(), m.exitPrice(), m.price(), m.priceDate()));
        }
        DailySnapshotCalculation.Snapshot snapshot = DailySnapshotCalculation.compute(date,
                portfolio.equity().doubleValue(), previous, marks, 0, calendar);

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
        Concentration concentration = Concentration.of(snapshot.marketValues());
        SectorExposure sectors = SectorExposure.of(snapshot.marketValues(), sectorProfiles, snapshot.equity());
        Map<String, Double> publicValues = new TreeMap<>();
        snapshot.marketValues().forEach((symbol, mv) -> {
            if (InstrumentClass.of(symbol) == InstrumentClass.PUBLIC) {
                publicValues.put(symbol, mv);
            }
        });
        RiskAnalytics riskAnalytics = risk.analyse(new RiskAnalysis.Inputs(date, snapshot.equity(),
                snapshot.netExposure(), publicValues, result.factors(), result.coverage(), betas,
                context.fits().getOrDefault(date, Map.of()), context.histories(), context.sectors()));
        return new AnalyticsStore.ComputedDate(snapshot, concentration, sectors, result, partial, riskAnalytics,
                PositionValuation.values(date, snapshot.equity(), valued));
    }

    /** What the risk analytics of a chunk's dates read once: returns, market-beta fits, sectors. */
    private record RiskContext(PriceHistories histories, Map<LocalDate, Map<String, SnapshotBetas.Fit>> fits,
                               Map<String, String> sectors) {
    }

    private static Map<String, String> sectorNames(Map<String, SectorExposure.Profile> profiles) {
        Map<String, String> names = new TreeMap<>();
        profiles.forEach((symbol, p) -> {
            if (p.sector() != null && !p.sector().isBlank()) {
                names.put(symbol, p.sector().trim());
            }
        });
        return names;
    }

    private static Map.Entry<LocalDate, Double> closeOnOrBefore(Map<String, NavigableMap<LocalDate, Double>> closes,
                                                                 String symbol, LocalDate date) {
        NavigableMap<LocalDate, Double> series = closes.get(symbol);
        return series == null ? null : series.floorEntry(date);
    }

    private EventEnvelope<PortfolioAnalyticsReady> announcement(UUID portfolioId, AnalyticsStore.ComputedDate date,
                                                                 RefreshQueue.Pending p) {
        Map<String, PortfolioAnalyticsReady.Exposure> factors = new LinkedHashMap<>();
        date.exposures().factors().forEach((f, v) -> factors.put(f, new PortfolioAnalyticsReady.Exposure(v[0], v[1])));
        return EventEnvelope.of(EventIds.derive(p.cause(), "portfolio-analytics-ready", portfolioId.toString(),
                        p.date().toString()), p.runId(), clock.instant(),
                new PortfolioAnalyticsReady(portfolioId, p.date(), date.exposures().priceDate(), date.snapshot().equity(),
                        date.exposures().coverage(), date.partial(), factors, summary(date.risk())));
    }

    private static PortfolioAnalyticsReady.Risk summary(RiskAnalytics r) {
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
