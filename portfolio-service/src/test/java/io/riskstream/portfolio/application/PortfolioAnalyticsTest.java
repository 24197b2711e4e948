package io.riskstream.portfolio.application;

import io.riskstream.common.calendar.NyseCalendar;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.FactorsReady;
import io.riskstream.common.event.PortfolioAnalyticsReady;
import io.riskstream.common.event.PriceBar;
import io.riskstream.common.event.ProfileUpdated;
import io.riskstream.common.outbox.OutboxWriter;
import io.riskstream.portfolio.domain.Concentration;
import io.riskstream.portfolio.domain.DailySnapshotCalculation;
import io.riskstream.portfolio.domain.FactorExposureCalculation;
import io.riskstream.portfolio.domain.SectorExposure;
import io.riskstream.portfolio.domain.risk.RiskAnalysis;
import io.riskstream.portfolio.domain.risk.PriceHistories;
import io.riskstream.portfolio.config.StressScenarioFile;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The readiness rules of the refresh queue, on in-memory ports. */
class PortfolioAnalyticsTest {

    private static final NyseCalendar NYSE = new NyseCalendar();
    private static final LocalDate D1 = LocalDate.of(2024, 12, 2), D2 = LocalDate.of(2024, 12, 3),
            D3 = LocalDate.of(2024, 12, 4);
    private static final UUID P = UUID.randomUUID();

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-02T12:00:00Z"));
    private final Ports ports = new Ports(clock);
    private final List<PortfolioAnalyticsReady> events = new ArrayList<>();
    private final PortfolioAnalytics analytics = new PortfolioAnalytics(ports, ports.symbols, ports, ports.profiles,
            ports, new CapturingOutbox(events), new DirectTransactions(), NYSE, clock, Duration.ofMinutes(10),
            new RiskAnalysis(StressScenarioFile.load("classpath:stress-scenarios.json")));

    PortfolioAnalyticsTest() {
        ports.create(new PortfolioStore.Portfolio(P, "p", new BigDecimal("100000"), "USD"));
        ports.savePosition(position("AAA", 100, D1));
        ports.savePosition(position("BBB", -50, D1));
        for (String s : List.of("AAA", "BBB")) {
            ports.symbols.prices.put(s, new TreeMap<>(Map.of(D1, 50.0, D2, s.equals("AAA") ? 52.0 : 49.0,
                    D3, s.equals("AAA") ? 51.0 : 47.0)));
        }
    }

    @Test
    void datesAreComputedInOrderOnceEverySymbolHasBetasAndEachRollsForwardFromTheLast() {
        betas("AAA", D1, D2, D3);
        analytics.request(P, List.of(D3, D1, D2), UUID.randomUUID(), UUID.randomUUID());
        assertThat(analytics.drainAll()).isZero(); // BBB has no betas yet: nothing, and no partial results
        assertThat(events).isEmpty();

        betas("BBB", D1, D2);
        assertThat(analytics.drainAll()).isEqualTo(2); // D3 still waits for BBB
        betas("BBB", D3);
        assertThat(analytics.drainAll()).isEqualTo(1);
        assertThat(events).extracting(PortfolioAnalyticsReady::date).containsExactly(D1, D2, D3);
        assertThat(events).noneMatch(PortfolioAnalyticsReady::partial);
        // D2: AAA +2 × 100; BBB falls 1 with −50 held: +50
        assertThat(ports.snapshots.get(D2).dailyPnl()).isCloseTo(200 + 50, within(1e-9));
        assertThat(ports.snapshots.get(D3).equity()).isCloseTo(100_000 + 250 + (-100 + 100), within(1e-9));
        assertThat(events.getLast().nav()).isCloseTo(ports.snapshots.get(D3).equity(), within(1e-9));
    }

    @Test
    void aPortfolioWhoseEarliestDateWaitsForBetasIsNotOpenedByTheDrainer() {
        betas("AAA", D1);
        analytics.request(P, List.of(D1), UUID.randomUUID(), UUID.randomUUID());
        assertThat(analytics.drainAll()).isZero();
        assertThat(analytics.drainAll()).isZero();
        assertThat(ports.locks).isZero(); // told from the bulk readiness check, no per-portfolio transaction

        betas("BBB", D1);
        assertThat(analytics.drainAll()).isEqualTo(1);
        assertThat(ports.locks).isEqualTo(1);
    }

    @Test
    void aBurstOfRequestsForOneDateIsOneRefresh() {
        betas("AAA", D1);
        betas("BBB", D1);
        for (int i = 0; i < 30; i++) {
            analytics.request(P, List.of(D1), UUID.randomUUID(), UUID.randomUUID());
        }
        assertThat(analytics.drainAll()).isEqualTo(1);
        assertThat(events).hasSize(1);
    }

    @Test
    void afterTheGracePeriodADateIsPublishedWithPartialCoverageFlagged() {
        betas("AAA", D1, D2);
        betas("BBB", D1);
        analytics.request(P, List.of(D1, D2), UUID.randomUUID(), UUID.randomUUID());
        assertThat(analytics.drainAll()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(11));
        assertThat(analytics.drainAll()).isEqualTo(1);
        PortfolioAnalyticsReady d2 = events.getLast();
        assertThat(d2.date()).isEqualTo(D2);
        assertThat(d2.partial()).isTrue();
        assertThat(d2.coverage()).isCloseTo(5_200 / (5_200 + 2_450.0), within(1e-12));
    }

    @Test
    void recomputingAnEarlierDateRequeuesTheLaterSnapshotsSoNavStillReconciles() {
        betas("AAA", D1, D2, D3);
        betas("BBB", D1, D2, D3);
        analytics.request(P, List.of(D1, D2, D3), UUID.randomUUID(), UUID.randomUUID());
        analytics.drainAll();
        // the D2 close of AAA is corrected; only D2 is requested, D3 follows by itself
        ports.symbols.prices.get("AAA").put(D2, 60.0);
        analytics.request(P, List.of(D2), UUID.randomUUID(), UUID.randomUUID());
        assertThat(analytics.drainAll()).isEqualTo(2);
        double pnl = ports.snapshots.get(D2).dailyPnl() + ports.snapshots.get(D3).dailyPnl();
        assertThat(ports.snapshots.get(D3).equity() - 100_000).isCloseTo(pnl, within(1e-9));
        assertThat(ports.snapshots.get(D3).equity() - 100_000).isCloseTo(100 * (51 - 50) - 50 * (47 - 50), within(1e-9));
    }

    @Test
    void changedClosesRequeueTheComputedDatesTheirReturnWindowsReach() {
        betas("AAA", D1, D2, D3);
        betas("BBB", D1, D2, D3);
        analytics.request(P, List.of(D1, D2, D3), UUID.randomUUID(), UUID.randomUUID());
        assertThat(analytics.drainAll()).isEqualTo(3);

        // a symbol the portfolio does not hold: nothing
        analytics.closesChanged("ZZZ", D1, D1, List.of(), UUID.randomUUID(), UUID.randomUUID());
        assertThat(ports.pending).isEmpty();
        // a factor proxy of the stress tests: every portfolio's computed dates from the change on
        analytics.closesChanged("SPY", D2, D2, List.of(), UUID.randomUUID(), UUID.randomUUID());
        assertThat(ports.pending.keySet()).containsExactly(D2, D3);
        assertThat(analytics.drainAll()).isEqualTo(2);
        // a held symbol's older close: the holder's computed dates
        analytics.closesChanged("AAA", D1.minusDays(200), D1.minusDays(200), List.of(P), UUID.randomUUID(),
                UUID.randomUUID());
        assertThat(ports.pending.keySet()).containsExactly(D1, D2, D3);
    }

    private void betas(String symbol, LocalDate... dates) {
        for (LocalDate d : dates) {
            ports.symbols.betas.computeIfAbsent(symbol, s -> new TreeMap<>()).put(d, Map.of("market_beta", 1.0));
        }
    }

    private static PortfolioStore.StoredPosition position(String symbol, double qty, LocalDate entry) {
        return new PortfolioStore.StoredPosition(UUID.randomUUID(), P, symbol, BigDecimal.valueOf(qty),
                BigDecimal.valueOf(50), entry, null, null, qty > 0 ? "LONG" : "SHORT");
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static final class DirectTransactions extends TransactionTemplate {
        @Override
        public <T> T execute(TransactionCallback<T> action) {
            TransactionStatus status = new SimpleTransactionStatus();
            return action.doInTransaction(status);
        }
    }

    static final class CapturingOutbox extends OutboxWriter {
        private final List<PortfolioAnalyticsReady> events;

        CapturingOutbox(List<PortfolioAnalyticsReady> events) {
            super(null, null, () -> {
            });
            this.events = events;
        }

        @Override
        public void enqueueAll(java.util.Collection<? extends EventEnvelope<?>> batch) {
            batch.forEach(event -> events.add((PortfolioAnalyticsReady) event.payload()));
        }
    }

    static final class FakeSymbols implements SymbolDataStore {
        final Map<String, TreeMap<LocalDate, Double>> prices = new HashMap<>();
        final Map<String, TreeMap<LocalDate, Map<String, Double>>> betas = new HashMap<>();

        @Override
        public Optional<LocalDate> savePrices(String symbol, List<PriceBar> bars) {
            return Optional.empty();
        }

        @Override
        public void saveFactors(String symbol, List<FactorsReady.DatedExposures> exposures) {
        }

        @Override
        public Map<String, NavigableMap<LocalDate, Double>> closeHistory(Collection<String> symbols, LocalDate from,
                                                                         LocalDate to) {
            Map<String, NavigableMap<LocalDate, Double>> out = new HashMap<>();
            symbols.forEach(s -> {
                var series = prices.get(s);
                if (series != null) {
                    TreeMap<LocalDate, Double> part = new TreeMap<>(series.subMap(from, false, to, true));
                    var before = series.floorEntry(from);
                    if (before != null) {
                        part.put(before.getKey(), before.getValue());
                    }
                    if (!part.isEmpty()) {
                        out.put(s, part);
                    }
                }
            });
            return out;
        }

        @Override
        public PriceHistories adjustedCloses(Collection<String> symbols, LocalDate from, LocalDate to) {
            Map<String, NavigableMap<LocalDate, Double>> out = new HashMap<>();
            symbols.forEach(s -> {
                var series = prices.get(s);
                if (series != null) {
                    out.put(s, new TreeMap<>(series.tailMap(from, true)));
                }
            });
            return PriceHistories.of(out);
        }

        @Override
        public Map<LocalDate, Map<String, Map<String, Double>>> betas(Collection<String> symbols,
                                                                      Collection<LocalDate> dates) {
            Map<LocalDate, Map<String, Map<String, Double>>> out = new HashMap<>();
            for (LocalDate date : dates) {
                symbols.forEach(s -> {
                    var b = betas.getOrDefault(s, new TreeMap<>()).get(date);
                    if (b != null) {
                        out.computeIfAbsent(date, k -> new HashMap<>()).put(s, b);
                    }
                });
            }
            return out;
        }

        @Override
        public Set<String> symbolsWithCloses(Collection<String> symbols) {
            return symbols.stream().filter(s -> prices.containsKey(s) && !prices.get(s).isEmpty())
                    .collect(java.util.stream.Collectors.toSet());
        }

        @Override
        public Map<String, LocalDate> firstBetaDates(Collection<String> symbols) {
            Map<String, LocalDate> out = new HashMap<>();
            symbols.stream().filter(s -> betas.containsKey(s) && !betas.get(s).isEmpty())
                    .forEach(s -> out.put(s, betas.get(s).firstKey()));
            return out;
        }
    }

    @Test
    void aSymbolWithBetasButNoCloseYetHoldsItsDatesBackUntilItsPricesArrive() {
        betas("AAA", D1);
        betas("BBB", D1);
        var bbb = ports.symbols.prices.remove("BBB"); // factors-ready overtook BBB's first prices-ready
        analytics.request(P, List.of(D1), UUID.randomUUID(), UUID.randomUUID());
        assertThat(analytics.drainAll()).isZero();
        ports.symbols.prices.put("BBB", bbb);
        assertThat(analytics.drainAll()).isEqualTo(1);
        assertThat(events.getLast().partial()).isFalse();
        assertThat(ports.snapshots.get(D1).unpriced()).isEmpty();
    }

    @Test
    void aRequestArrivingWhileItsDateIsBeingComputedIsNotLost() {
        betas("AAA", D1);
        betas("BBB", D1);
        betas("CCC", D1);
        ports.symbols.prices.put("CCC", new TreeMap<>(Map.of(D1, 10.0)));
        analytics.request(P, List.of(D1), UUID.randomUUID(), UUID.randomUUID());
        // a position is added (and D1 requested) after the drain read the positions, before it finished D1
        ports.afterSnapshot = () -> {
            ports.savePosition(position("CCC", 10, D1));
            analytics.request(P, List.of(D1), UUID.randomUUID(), UUID.randomUUID());
        };
        assertThat(analytics.drainAll()).isEqualTo(2); // D1 once from the old positions, once more with CCC
        assertThat(ports.pending).isEmpty();
        assertThat(ports.snapshots.get(D1).positions()).isEqualTo(3);
    }

    /** Portfolio store, analytics store and refresh queue in memory (one portfolio). */
    static final class Ports implements PortfolioStore, AnalyticsStore, RefreshQueue {
        final FakeSymbols symbols = new FakeSymbols();
        final SymbolProfiles profiles = new SymbolProfiles(new SymbolProfiles.Store() {
            @Override
            public boolean save(String symbol, ProfileUpdated.ProfileFields fields) {
                return false;
            }

            @Override
            public Map<String, SectorExposure.Profile> sectors(Collection<String> s) {
                return Map.of();
            }
        });
        final TreeMap<LocalDate, DailySnapshotCalculation.Snapshot> snapshots = new TreeMap<>();
        final TreeMap<LocalDate, Pending> pending = new TreeMap<>();
        int locks;
        long versions;
        Runnable afterSnapshot; // a concurrent writer, run once inside the next computation
        final List<StoredPosition> positions = new ArrayList<>();
        private final Clock clock;
        private Portfolio portfolio;

        Ports(Clock clock) {
            this.clock = clock;
        }

        @Override
        public boolean create(Portfolio p) {
            portfolio = p;
            return true;
        }

        @Override
        public Optional<Portfolio> find(UUID id) {
            return Optional.ofNullable(portfolio);
        }

        @Override
        public void savePosition(StoredPosition position) {
            positions.add(position);
        }

        @Override
        public List<StoredPosition> positions(UUID portfolioId) {
            return List.copyOf(positions);
        }

        @Override
        public Map<UUID, LocalDate> holdersWithFirstEntry(String symbol, LocalDate since) {
            return Map.of(P, D1);
        }

        @Override
        public long openPositionCount(String symbol) {
            return 1;
        }

        @Override
        public boolean markKnown(String symbol) {
            return false;
        }

        @Override
        public void saveAll(UUID portfolioId, List<ComputedDate> dates) {
            dates.forEach(d -> snapshots.put(d.date(), d.snapshot()));
            Runnable hook = afterSnapshot;
            afterSnapshot = null;
            if (hook != null) {
                hook.run();
            }
        }

        @Override
        public Map<LocalDate, DailySnapshotCalculation.Previous> rollingBases(UUID portfolioId, LocalDate first,
                                                                            LocalDate last) {
            Map<LocalDate, DailySnapshotCalculation.Previous> out = new TreeMap<>();
            LocalDate from = snapshots.lowerKey(first) == null ? first : snapshots.lowerKey(first);
            snapshots.subMap(from, true, last, false).forEach((d, s) -> out.put(d, new DailySnapshotCalculation.Previous(d,
                    s.equity(), s.cumulativePnl(), s.cumulativeRealizedPnl(), s.cumulativeCapitalFlow())));
            return out;
        }

        @Override
        public Map<UUID, List<LocalDate>> computedDates(Collection<UUID> portfolioIds, LocalDate from, LocalDate to) {
            List<LocalDate> dates = List.copyOf(snapshots.subMap(from, true, to, true).keySet());
            return dates.isEmpty() || portfolioIds != null && !portfolioIds.contains(P) ? Map.of() : Map.of(P, dates);
        }

        @Override
        public List<LocalDate> snapshotDatesAfter(UUID portfolioId, LocalDate date) {
            return List.copyOf(snapshots.tailMap(date, false).keySet());
        }

        @Override
        public List<StoredSnapshot> snapshots(UUID portfolioId, LocalDate from, LocalDate to) {
            return List.of();
        }

        @Override
        public Map<String, SectorExposure.Bucket> sectors(UUID portfolioId, LocalDate date) {
            return Map.of();
        }

        @Override
        public Optional<LocalDate> latestSnapshotDate(UUID portfolioId) {
            return Optional.ofNullable(snapshots.isEmpty() ? null : snapshots.lastKey());
        }

        @Override
        public Optional<StoredAnalytics> find(UUID portfolioId, LocalDate date) {
            return Optional.empty();
        }

        @Override
        public Optional<StoredAnalytics> latest(UUID portfolioId) {
            return Optional.empty();
        }

        @Override
        public void request(UUID portfolioId, Collection<LocalDate> dates, UUID cause, UUID runId) {
            dates.forEach(d -> pending.compute(d, (k, was) -> new Pending(d, cause, runId,
                    was == null ? clock.instant() : was.requestedAt(), ++versions)));
        }

        @Override
        public void requestLater(UUID portfolioId, Collection<LocalDate> dates, UUID cause, UUID runId) {
            dates.forEach(d -> pending.putIfAbsent(d, new Pending(d, cause, runId, clock.instant(), ++versions)));
        }

        @Override
        public List<Pending> lockPending(UUID portfolioId, int limit) {
            locks++;
            return pending.values().stream().limit(limit).toList();
        }

        @Override
        public void done(UUID portfolioId, List<Pending> computed) {
            computed.forEach(p -> pending.remove(p.date(), p));
        }

        @Override
        public List<Head> waiting() {
            return pending.values().stream().findFirst().map(p -> List.of(new Head(P, p.date(), p.requestedAt())))
                    .orElse(List.of());
        }
    }
}
