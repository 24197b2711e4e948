package io.riskstream.portfolio.application;

import io.riskstream.common.application.UnitOfWork;
import io.riskstream.common.calendar.NyseCalendar;
import io.riskstream.common.event.PortfolioAnalyticsReady;
import io.riskstream.portfolio.config.StressScenarioFile;
import io.riskstream.portfolio.domain.DateValuation;
import io.riskstream.portfolio.domain.Position;
import io.riskstream.portfolio.domain.Readiness;
import io.riskstream.portfolio.domain.risk.RiskAnalysis;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Requesting and draining the refresh queue, on in-memory ports. */
class DrainRefreshQueueTest {

    private static final NyseCalendar NYSE = new NyseCalendar();
    private static final LocalDate D1 = LocalDate.of(2024, 12, 2), D2 = LocalDate.of(2024, 12, 3),
            D3 = LocalDate.of(2024, 12, 4);
    private static final UUID P = UUID.randomUUID();

    private final InMemoryPorts.MutableClock clock = new InMemoryPorts.MutableClock(Instant.parse("2025-01-02T12:00:00Z"));
    private final InMemoryPorts ports = new InMemoryPorts(P, clock);
    private final RiskAnalysis risk = new RiskAnalysis(StressScenarioFile.load("classpath:stress-scenarios.json"));
    private final RequestRefresh refresh = new RequestRefresh(ports, ports, NYSE, risk);
    private final ConcurrentChanges unitOfWork = new ConcurrentChanges();
    private final DrainRefreshQueue drain = drain(unitOfWork);

    DrainRefreshQueueTest() {
        ports.create(new PortfolioStore.Portfolio(P, "p", new BigDecimal("100000"), "USD"));
        ports.savePosition(position("AAA", 100, D1));
        ports.savePosition(position("BBB", -50, D1));
        for (String s : List.of("AAA", "BBB")) {
            ports.symbols.prices.put(s, new TreeMap<>(Map.of(D1, 50.0, D2, s.equals("AAA") ? 52.0 : 49.0,
                    D3, s.equals("AAA") ? 51.0 : 47.0)));
        }
    }

    private DrainRefreshQueue drain(UnitOfWork snapshot) {
        Readiness readiness = new Readiness(Duration.ofMinutes(10));
        ValueDates values = new ValueDates(ports.symbols, ports.profiles, ports, ports, new DateValuation(NYSE, risk),
                new AnalyticsAnnouncements(ports.events, clock));
        return new DrainRefreshQueue(ports, new ReadyPortfolios(ports, ports.symbols, readiness, clock),
                new RefreshChunk(ports, ports, ports.symbols, readiness, clock, values), snapshot);
    }

    private void request(LocalDate... dates) {
        refresh.range(P, dates[0], dates[dates.length - 1], new Cause(UUID.randomUUID(), UUID.randomUUID()));
    }

    private List<PortfolioAnalyticsReady> events() {
        return ports.published.stream().map(e -> (PortfolioAnalyticsReady) e.payload()).toList();
    }

    @Test
    void datesAreComputedInOrderOnceEverySymbolHasBetasAndEachRollsForwardFromTheLast() {
        betas("AAA", D1, D2, D3);
        request(D1, D2, D3);
        assertThat(drain.drainAll()).isZero(); // BBB has no betas yet: nothing, and no partial results
        assertThat(events()).isEmpty();

        betas("BBB", D1, D2);
        assertThat(drain.drainAll()).isEqualTo(2); // D3 still waits for BBB
        betas("BBB", D3);
        assertThat(drain.drainAll()).isEqualTo(1);
        assertThat(events()).extracting(PortfolioAnalyticsReady::date).containsExactly(D1, D2, D3);
        assertThat(events()).noneMatch(PortfolioAnalyticsReady::partial);
        // D2: AAA +2 × 100; BBB falls 1 with −50 held: +50
        assertThat(ports.snapshots.get(D2).dailyPnl()).isCloseTo(200 + 50, within(1e-9));
        assertThat(ports.snapshots.get(D3).equity()).isCloseTo(100_000 + 250 + (-100 + 100), within(1e-9));
        assertThat(events().getLast().nav()).isCloseTo(ports.snapshots.get(D3).equity(), within(1e-9));
    }

    @Test
    void aPortfolioWhoseEarliestDateWaitsForBetasIsNotOpenedByTheDrainer() {
        betas("AAA", D1);
        request(D1);
        assertThat(drain.drainAll()).isZero();
        assertThat(drain.drainAll()).isZero();
        assertThat(ports.locks).isZero(); // told from the bulk readiness check, no per-portfolio unit of work

        betas("BBB", D1);
        assertThat(drain.drainAll()).isEqualTo(1);
        assertThat(ports.locks).isEqualTo(1);
    }

    @Test
    void aBurstOfRequestsForOneDateIsOneRefresh() {
        betas("AAA", D1);
        betas("BBB", D1);
        for (int i = 0; i < 30; i++) {
            request(D1);
        }
        assertThat(drain.drainAll()).isEqualTo(1);
        assertThat(events()).hasSize(1);
    }

    @Test
    void afterTheGracePeriodADateIsPublishedWithPartialCoverageFlagged() {
        betas("AAA", D1, D2);
        betas("BBB", D1);
        request(D1, D2);
        assertThat(drain.drainAll()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(11));
        assertThat(drain.drainAll()).isEqualTo(1);
        PortfolioAnalyticsReady d2 = events().getLast();
        assertThat(d2.date()).isEqualTo(D2);
        assertThat(d2.partial()).isTrue();
        assertThat(d2.coverage()).isCloseTo(5_200 / (5_200 + 2_450.0), within(1e-12));
    }

    @Test
    void recomputingAnEarlierDateRequeuesTheLaterSnapshotsSoNavStillReconciles() {
        betas("AAA", D1, D2, D3);
        betas("BBB", D1, D2, D3);
        request(D1, D2, D3);
        drain.drainAll();
        // the D2 close of AAA is corrected; only D2 is requested, D3 follows by itself
        ports.symbols.prices.get("AAA").put(D2, 60.0);
        request(D2);
        assertThat(drain.drainAll()).isEqualTo(2);
        double pnl = ports.snapshots.get(D2).dailyPnl() + ports.snapshots.get(D3).dailyPnl();
        assertThat(ports.snapshots.get(D3).equity() - 100_000).isCloseTo(pnl, within(1e-9));
        assertThat(ports.snapshots.get(D3).equity() - 100_000).isCloseTo(100 * (51 - 50) - 50 * (47 - 50), within(1e-9));
    }

    @Test
    void changedClosesRequeueTheComputedDatesTheirReturnWindowsReach() {
        betas("AAA", D1, D2, D3);
        betas("BBB", D1, D2, D3);
        request(D1, D2, D3);
        assertThat(drain.drainAll()).isEqualTo(3);

        // a symbol the portfolio does not hold: nothing
        refresh.closesChanged("ZZZ", D1, D1, List.of(), new Cause(UUID.randomUUID(), UUID.randomUUID()));
        assertThat(ports.pending).isEmpty();
        // a factor proxy of the stress tests: every portfolio's computed dates from the change on
        refresh.closesChanged("SPY", D2, D2, List.of(), new Cause(UUID.randomUUID(), UUID.randomUUID()));
        assertThat(ports.pending.keySet()).containsExactly(D2, D3);
        assertThat(drain.drainAll()).isEqualTo(2);
        // a held symbol's older close: the holder's computed dates
        refresh.closesChanged("AAA", D1.minusDays(200), D1.minusDays(200), List.of(P),
                new Cause(UUID.randomUUID(), UUID.randomUUID()));
        assertThat(ports.pending.keySet()).containsExactly(D1, D2, D3);
    }

    @Test
    void aSymbolWithBetasButNoCloseYetHoldsItsDatesBackUntilItsPricesArrive() {
        betas("AAA", D1);
        betas("BBB", D1);
        var bbb = ports.symbols.prices.remove("BBB"); // factors-ready overtook BBB's first prices-ready
        request(D1);
        assertThat(drain.drainAll()).isZero();
        ports.symbols.prices.put("BBB", bbb);
        assertThat(drain.drainAll()).isEqualTo(1);
        assertThat(events().getLast().partial()).isFalse();
        assertThat(ports.snapshots.get(D1).unpriced()).isEmpty();
    }

    @Test
    void aRequestArrivingWhileItsDateIsBeingComputedIsNotLost() {
        betas("AAA", D1);
        betas("BBB", D1);
        betas("CCC", D1);
        ports.symbols.prices.put("CCC", new TreeMap<>(Map.of(D1, 10.0)));
        request(D1);
        // a position is added (and D1 requested) after the drain read the positions, before it finished D1
        ports.afterSnapshot = () -> {
            ports.savePosition(position("CCC", 10, D1));
            request(D1);
        };
        assertThat(drain.drainAll()).isEqualTo(2); // D1 once from the old positions, once more with CCC
        assertThat(ports.pending).isEmpty();
        assertThat(ports.snapshots.get(D1).positions()).isEqualTo(3);
    }

    @Test
    void aChunkRolledBackByAConcurrentChangeStaysQueuedForTheNextPass() {
        betas("AAA", D1);
        betas("BBB", D1);
        request(D1);
        unitOfWork.failNext = true;
        assertThat(drain.drainAll()).isZero();
        assertThat(ports.pending.keySet()).containsExactly(D1);
        assertThat(drain.drainAll()).isEqualTo(1);
        assertThat(events()).hasSize(1);
    }

    @Test
    void aCommandDrainsItsPortfolioUpToItsShareAndLeavesTheRestToTheDrainer() {
        betas("AAA", D1, D2, D3);
        betas("BBB", D1, D2, D3);
        request(D1, D2, D3);
        assertThat(drain.drain(P, 1)).isEqualTo(3); // one chunk: the share is reached after it, not inside it
        assertThat(ports.pending).isEmpty();
    }

    private void betas(String symbol, LocalDate... dates) {
        for (LocalDate d : dates) {
            ports.symbols.betas.computeIfAbsent(symbol, s -> new TreeMap<>()).put(d, Map.of("market_beta", 1.0));
        }
    }

    private static Position position(String symbol, double qty, LocalDate entry) {
        return new Position(UUID.randomUUID(), P, symbol, BigDecimal.valueOf(qty), BigDecimal.valueOf(50), entry,
                null, null, qty > 0 ? "LONG" : "SHORT");
    }

    /** Runs the work as it is, or reports a concurrent change instead once when told to. */
    private static final class ConcurrentChanges implements UnitOfWork {
        boolean failNext;

        @Override
        public <T> T call(Supplier<T> work) {
            if (failNext) {
                failNext = false;
                throw new ConcurrentChangeException("changed meanwhile", null);
            }
            return work.get();
        }
    }
}
