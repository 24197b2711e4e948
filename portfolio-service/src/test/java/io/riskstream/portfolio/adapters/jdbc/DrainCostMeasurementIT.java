package io.riskstream.portfolio.adapters.jdbc;

import io.riskstream.common.calendar.MarketClock;
import io.riskstream.common.event.FactorsReady;
import io.riskstream.common.event.PriceBar;
import io.riskstream.common.marketdata.DailyBar;
import io.riskstream.marketdata.SimulatedMarket;
import io.riskstream.common.application.EventPublisher;
import io.riskstream.portfolio.PortfolioServiceApplication;
import io.riskstream.portfolio.application.AnalyticsStore;
import io.riskstream.portfolio.application.AnalyticsAnnouncements;
import io.riskstream.portfolio.application.Cause;
import io.riskstream.portfolio.application.DrainRefreshQueue;
import io.riskstream.portfolio.application.PortfolioStore;
import io.riskstream.portfolio.application.ReadyPortfolios;
import io.riskstream.portfolio.application.RefreshChunk;
import io.riskstream.portfolio.application.RequestRefresh;
import io.riskstream.portfolio.application.SymbolDataStore;
import io.riskstream.portfolio.application.SymbolProfiles;
import io.riskstream.portfolio.application.ValueDates;
import io.riskstream.portfolio.domain.DateValuation;
import io.riskstream.portfolio.domain.Position;
import io.riskstream.portfolio.domain.Readiness;
import io.riskstream.portfolio.domain.ValuedDate;
import io.riskstream.portfolio.domain.risk.PriceHistories;
import io.riskstream.portfolio.domain.risk.RiskAnalysis;
import io.riskstream.testsupport.TestInfra;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A micro-measurement, not a test of speed (it asserts only that the work was done): what the risk analytics add to
 * the drain per (portfolio, date). 50 portfolios of 30 positions over a universe of 60 simulated symbols, backfilled
 * from 2024-12-02 (a chunk of 21 dates each), then one date each (the shape of a daily close, with every symbol's
 * closes changed). Each shape is drained in rounds, alternately by the service's drain and by the same drain without
 * what the risk analytics add (no adjusted closes read, no risk rows written); the difference of the medians is their
 * cost. Run on demand: {@code -Dmeasure.drain=true -Dit.test=DrainCostMeasurementIT}.
 */
@EnabledIfSystemProperty(named = "measure.drain", matches = "true")
@SpringBootTest(classes = PortfolioServiceApplication.class, properties = { "riskstream.market-data.as-of-date=2024-12-31",
        "riskstream.portfolio.drain-interval=1h"})
@DirtiesContext
@org.springframework.context.annotation.Import(DrainCostMeasurementIT.CountStatements.class)
class DrainCostMeasurementIT {

    static final LocalDate FIRST = LocalDate.of(2024, 12, 2), LAST = LocalDate.of(2024, 12, 31);
    static final int PORTFOLIOS = 50, POSITIONS = 30, UNIVERSE = 60;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "portfolio-service", DrainCostMeasurementIT.class);
    }

    @Autowired PortfolioStore portfolios;
    @Autowired SymbolDataStore symbols;
    @Autowired AnalyticsStore analytics;
    @Autowired SymbolProfiles profiles;
    @Autowired EventPublisher events;
    @Autowired RequestRefresh refresh;
    @Autowired PlatformTransactionManager txManager;
    @Autowired MarketClock market;
    @Autowired RiskAnalysis risk;
    @Autowired NamedParameterJdbcTemplate jdbc;

    private final Map<UUID, List<ValuedDate>> saved = new HashMap<>();

    /** Statements prepared on the service's connections (each one a round trip), counted to show them per chunk. */
    static final java.util.concurrent.atomic.AtomicLong STATEMENTS = new java.util.concurrent.atomic.AtomicLong();
    /** Per statement (its first words): nanoseconds executing, executions. */
    static final Map<String, java.util.concurrent.atomic.AtomicLongArray> BY_SQL =
            new java.util.concurrent.ConcurrentHashMap<>();

    @org.springframework.boot.test.context.TestConfiguration
    static class CountStatements {
        @org.springframework.context.annotation.Bean
        static org.springframework.beans.factory.config.BeanPostProcessor countingDataSource() {
            return new org.springframework.beans.factory.config.BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof javax.sql.DataSource ds ? counting(ds) : bean;
                }
            };
        }

        private static javax.sql.DataSource counting(javax.sql.DataSource ds) {
            return (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(
                    javax.sql.DataSource.class.getClassLoader(), new Class<?>[]{javax.sql.DataSource.class},
                    (proxy, method, args) -> {
                        Object result = invoke(ds, method, args);
                        return result instanceof java.sql.Connection c ? counting(c) : result;
                    });
        }

        private static java.sql.Connection counting(java.sql.Connection c) {
            return (java.sql.Connection) java.lang.reflect.Proxy.newProxyInstance(
                    java.sql.Connection.class.getClassLoader(), new Class<?>[]{java.sql.Connection.class},
                    (proxy, method, args) -> {
                        Object result = invoke(c, method, args);
                        if (method.getName().equals("prepareStatement") || method.getName().equals("createStatement")
                                || method.getName().equals("prepareCall")) {
                            STATEMENTS.incrementAndGet();
                            String sql = args != null && args.length > 0 && args[0] instanceof String q ? q : "?";
                            return timing((java.sql.Statement) result, sql);
                        }
                        return result;
                    });
        }

        /** The statement, its executions timed under the first words of its SQL (the time in the database). */
        private static java.sql.Statement timing(java.sql.Statement statement, String sql) {
            String key = sql.strip().replaceAll("\\s+", " ");
            String name = key.substring(0, Math.min(90, key.length()));
            Class<?> type = statement instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class
                    : java.sql.Statement.class;
            return (java.sql.Statement) java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(),
                    new Class<?>[]{type}, (proxy, method, args) -> {
                        if (!method.getName().startsWith("execute")) {
                            return invoke(statement, method, args);
                        }
                        long t0 = System.nanoTime();
                        try {
                            return invoke(statement, method, args);
                        } finally {
                            BY_SQL.computeIfAbsent(name, k -> new java.util.concurrent.atomic.AtomicLongArray(2))
                                    .addAndGet(0, System.nanoTime() - t0);
                            BY_SQL.get(name).incrementAndGet(1);
                        }
                    });
        }
    }

    @Test
    void measuresWhatTheRiskAnalyticsAddPerPortfolioAndDate() {
        SimulatedMarket sim = new SimulatedMarket(Clock.fixed(Instant.parse("2025-01-02T00:00:00Z"), ZoneOffset.UTC));
        List<String> universe = new ArrayList<>();
        for (int i = 0; i < UNIVERSE; i++) {
            universe.add("DRN" + (char) ('A' + i / 26) + (char) ('A' + i % 26));
        }
        List<LocalDate> days = market.calendar().tradingDays(FIRST, LAST);
        List<String> all = new ArrayList<>(universe);
        all.addAll(risk.proxySymbols());
        for (String s : all) {
            List<PriceBar> bars = sim.dailyBars(s, LocalDate.of(2023, 6, 1), LAST).stream()
                    .map(DrainCostMeasurementIT::bar).toList();
            symbols.savePrices(s, bars);
            List<FactorsReady.DatedExposures> exposures = new ArrayList<>();
            for (LocalDate d : days) {
                Map<String, FactorsReady.FactorValue> f = new HashMap<>();
                for (String factor : List.of("market_beta", "ir_beta", "value", "growth", "momentum", "quality", "size",
                        "low_volatility", "provider_beta")) {
                    f.put(factor, new FactorsReady.FactorValue(0.5 + s.hashCode() % 10 / 10.0, null, 0.3, null, null, null, 80));
                }
                exposures.add(new FactorsReady.DatedExposures(d, f));
            }
            symbols.saveFactors(s, exposures);
        }
        Random random = new Random(17);
        List<UUID> ids = new ArrayList<>();
        for (int p = 0; p < PORTFOLIOS; p++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            portfolios.create(new PortfolioStore.Portfolio(id, "m" + p, new BigDecimal("10000000"), "USD"));
            List<String> picks = new ArrayList<>(universe);
            java.util.Collections.shuffle(picks, random);
            for (String s : picks.subList(0, POSITIONS)) {
                portfolios.savePosition(new Position(UUID.randomUUID(), id, s,
                        BigDecimal.valueOf(100 + random.nextInt(900)), BigDecimal.valueOf(50), FIRST, null, null, "LONG"));
            }
        }
        TransactionTemplate tx = new TransactionTemplate(txManager);
        DrainRefreshQueue full = drainer(recording(analytics), symbols);
        // the same drain without what the risk analytics add: no adjusted closes read (so no volatility or
        // correlations computed), no risk rows written
        DrainRefreshQueue base = drainer(new JdbcAnalyticsStore(jdbc, null), withoutHistories(symbols));
        Map<String, List<Double>> perPair = new java.util.LinkedHashMap<>();
        Map<String, Double> statements = new HashMap<>();
        Map<String, long[]> setupSql = snapshotSql();
        for (int round = 0; round < 3; round++) {
            for (var variant : List.of(Map.entry("base", base), Map.entry("full", full))) {
                tx.executeWithoutResult(s -> ids.forEach(id -> refresh.range(id, FIRST, LAST, cause())));
                long t0 = System.nanoTime(), s0 = STATEMENTS.get();
                int n = variant.getValue().drainAll();
                assertThat(n).isEqualTo(PORTFOLIOS * days.size());
                perPair.computeIfAbsent("backfill " + variant.getKey(), k -> new ArrayList<>())
                        .add((System.nanoTime() - t0) / 1e6 / n);
                statements.put("backfill " + variant.getKey(), (STATEMENTS.get() - s0) / (double) PORTFOLIOS);
            }
        }
        Map<String, long[]> backfillSql = snapshotSql();
        for (int round = 0; round < 7; round++) {
            for (var variant : List.of(Map.entry("base", base), Map.entry("full", full))) {
                // a daily close brings every symbol a new bar: the cached histories are all out of date
                jdbc.update("update symbol_price_version set version = gen_random_uuid()", Map.of());
                tx.executeWithoutResult(s -> ids.forEach(id -> refresh.range(id, LAST, LAST, cause())));
                long t0 = System.nanoTime(), s0 = STATEMENTS.get();
                int n = variant.getValue().drainAll();
                assertThat(n).isEqualTo(PORTFOLIOS);
                perPair.computeIfAbsent("daily close " + variant.getKey(), k -> new ArrayList<>())
                        .add((System.nanoTime() - t0) / 1e6 / n);
                statements.put("daily close " + variant.getKey(), (STATEMENTS.get() - s0) / (double) PORTFOLIOS);
            }
        }

        Map<String, long[]> dailySql = snapshotSql();
        // the computation alone, per (portfolio, date), from the inputs one drain read
        List<Double> compute = new ArrayList<>();
        for (UUID id : ids) {
            Set<String> held = new TreeSet<>();
            portfolios.positions(id).forEach(p -> held.add(p.symbol()));
            Set<String> withProxies = new TreeSet<>(held);
            withProxies.addAll(risk.proxySymbols());
            PriceHistories histories = tx.execute(s -> symbols.adjustedCloses(withProxies,
                    LAST.minusDays(risk.lookbackDays()), LAST));
            var factors = tx.execute(s -> symbols.betasAndFits(held, List.of(LAST), "market_beta"));
            ValuedDate date = saved.get(id).getLast();
            RiskAnalysis.Inputs inputs = new RiskAnalysis.Inputs(LAST, date.snapshot().equity(),
                    date.snapshot().netExposure(), new HashMap<>(date.snapshot().marketValues()),
                    date.exposures().factors(), date.exposures().coverage(), factors.on(LAST),
                    factors.fitsOn(LAST), histories, Map.of());
            long t0 = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                risk.analyse(inputs);
            }
            compute.add((System.nanoTime() - t0) / 1e6 / 20);
        }
        StringBuilder report = new StringBuilder(String.format("drain cost per (portfolio, date), median of rounds; "
                + "%d portfolios x %d positions, universe %d (+ 8 proxies), backfill chunks of %d dates:%n",
                PORTFOLIOS, POSITIONS, UNIVERSE, days.size()));
        perPair.forEach((k, v) -> report.append(String.format("  %-20s %7.2f ms  (rounds: %s)  %.1f statements per chunk%n",
                k, median(v), v.stream().map(x -> String.format("%.1f", x)).toList(), statements.get(k))));
        report.append(String.format("  risk computation alone: %.3f ms%n", median(compute)));
        report.append(String.format("statements of the backfill rounds (both variants; ms and executions per chunk):%n"));
        appendSql(report, minus(backfillSql, setupSql), 6 * PORTFOLIOS);
        report.append(String.format("statements of the daily-close rounds (both variants; ms and executions per chunk):%n"));
        appendSql(report, minus(dailySql, backfillSql), 14 * PORTFOLIOS);
        System.out.print(report);
    }

    private static Map<String, long[]> snapshotSql() {
        Map<String, long[]> copy = new HashMap<>();
        BY_SQL.forEach((k, v) -> copy.put(k, new long[]{v.get(0), v.get(1)}));
        return copy;
    }

    private static Map<String, long[]> minus(Map<String, long[]> later, Map<String, long[]> earlier) {
        Map<String, long[]> diff = new HashMap<>();
        later.forEach((k, v) -> {
            long[] e = earlier.getOrDefault(k, new long[2]);
            diff.put(k, new long[]{v[0] - e[0], v[1] - e[1]});
        });
        return diff;
    }

    private static void appendSql(StringBuilder report, Map<String, long[]> sql, int chunks) {
        sql.entrySet().stream().filter(e -> e.getValue()[1] > 0)
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(25)
                .forEach(e -> report.append(String.format("  %7.3f ms %5.2f x  %s%n", e.getValue()[0] / 1e6 / chunks,
                        e.getValue()[1] / (double) chunks, e.getKey())));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static PriceBar bar(DailyBar b) {
        return new PriceBar(b.date(), null, null, null, b.close(), b.adjClose(), null);
    }

    /** A store that keeps what the drain wrote (the computed dates), and writes it. */
    private AnalyticsStore recording(AnalyticsStore store) {
        return (AnalyticsStore) java.lang.reflect.Proxy.newProxyInstance(AnalyticsStore.class.getClassLoader(),
                new Class<?>[]{AnalyticsStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("saveAll")) {
                        @SuppressWarnings("unchecked")
                        List<ValuedDate> dates = (List<ValuedDate>) args[1];
                        saved.put((UUID) args[0], dates);
                    }
                    return invoke(store, method, args);
                });
    }

    /** The symbol store without return histories (they are not read). */
    private static SymbolDataStore withoutHistories(SymbolDataStore store) {
        return (SymbolDataStore) java.lang.reflect.Proxy.newProxyInstance(SymbolDataStore.class.getClassLoader(),
                new Class<?>[]{SymbolDataStore.class}, (proxy, method, args) -> method.getName().equals("adjustedCloses")
                        ? PriceHistories.empty() : invoke(store, method, args));
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The service's drain, wired as its configuration does, on the given stores. */
    private DrainRefreshQueue drainer(AnalyticsStore store, SymbolDataStore symbolStore) {
        JdbcRefreshQueue queue = new JdbcRefreshQueue(jdbc);
        Readiness readiness = new Readiness(Duration.ofMinutes(10));
        ValueDates values = new ValueDates(symbolStore, profiles, store, queue, new DateValuation(market.calendar(), risk),
                new AnalyticsAnnouncements(events, Clock.systemUTC()));
        return new DrainRefreshQueue(queue, new ReadyPortfolios(portfolios, symbolStore, readiness, Clock.systemUTC()),
                new RefreshChunk(queue, portfolios, symbolStore, readiness, Clock.systemUTC(), values),
                new SnapshotUnitOfWork(txManager));
    }

    private static Cause cause() {
        return new Cause(UUID.randomUUID(), UUID.randomUUID());
    }
}
