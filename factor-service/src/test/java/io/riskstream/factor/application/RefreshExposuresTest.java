package io.riskstream.factor.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riskstream.common.application.EventPublisher;
import io.riskstream.common.application.UnitOfWork;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.FactorsReady;
import io.riskstream.common.event.FactorsReady.DatedExposures;
import io.riskstream.common.event.PriceBar;
import io.riskstream.common.event.PricesReady;
import io.riskstream.common.event.RunStageReport;
import io.riskstream.common.factors.FactorCatalogue;
import io.riskstream.common.marketdata.PriceColumn;
import io.riskstream.factor.domain.exposure.PriceSeries;
import io.riskstream.factor.domain.exposure.SymbolExposureModel;
import io.riskstream.factor.domain.factor.FactorSettings;
import io.riskstream.factor.domain.metrics.SymbolMetrics;
import io.riskstream.factor.domain.metrics.SymbolMetricsCalculation;
import io.riskstream.factor.domain.metrics.Valuation;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The use case on in-memory ports: what it reads, what it announces and that it announces inside its unit of work. */
class RefreshExposuresTest {

    private static final LocalDate LAST = LocalDate.of(2024, 6, 28);

    private final Prices prices = new Prices();
    private final RecordingUnitOfWork unitOfWork = new RecordingUnitOfWork(prices);
    private final List<EventEnvelope<?>> published = new ArrayList<>();
    private final EventPublisher events = event -> {
        assertThat(unitOfWork.open).as("published inside the unit of work").isTrue();
        published.add(event);
    };
    private final SymbolExposureModel model = new SymbolExposureModel(FactorSettings.defaults());
    private final RefreshExposures refresh = new RefreshExposures(prices, new Exposures(), model, events, unitOfWork,
            Clock.fixed(Instant.parse("2024-07-01T00:00:00Z"), ZoneOffset.UTC), PriceColumn.ADJ_CLOSE, 365, 40,
            new RecordSymbolMetrics(prices, new Metrics(), new NoProfiles(), new SymbolMetricsCalculation(),
                    PriceColumn.ADJ_CLOSE));

    @Test
    void newBarsAreComputedOverTheCataloguesLongestLookbackAndAnnouncedInOneUnitOfWork() {
        List<LocalDate> days = weekdays(LAST.minusDays(400), LAST);
        FactorCatalogue.benchmarkSymbols().forEach(etf -> prices.upsert(etf, bars(etf, days)));
        List<PriceBar> acme = bars("ACME", days);
        prices.upsert("ACME", acme.subList(0, acme.size() - 3));
        List<PriceBar> fresh = acme.subList(acme.size() - 3, acme.size());
        UUID cause = UUID.randomUUID();
        UUID run = UUID.randomUUID();

        int computed = refresh.handle(new RefreshExposures.Command(new PricesReady("ACME", LAST, false, fresh), cause,
                run));

        assertThat(computed).isEqualTo(3);
        assertThat(model.lookbackDays()).isEqualTo(FactorCatalogue.WINDOWS.longestLookbackDays()).isEqualTo(210);
        assertThat(prices.loadedFrom.get("ACME")).isEqualTo(fresh.getFirst().date().minusDays(model.lookbackDays()));
        assertThat(prices.loadedFrom.keySet()).containsAll(FactorCatalogue.benchmarkSymbols());
        assertThat(unitOfWork.units).isEqualTo(1);
        FactorsReady ready = (FactorsReady) published.getFirst().payload();
        assertThat(ready.exposures()).extracting(DatedExposures::calculationDate)
                .containsExactlyElementsOf(fresh.stream().map(PriceBar::date).toList());
        assertThat(published.getFirst().runId()).isEqualTo(run);
        assertThat(published.getLast().payload()).isInstanceOfSatisfying(RunStageReport.class,
                ack -> assertThat(ack.subjects()).containsExactly("ACME"));
    }

    @Test
    void barsStoredAlreadyAreOnlyAcknowledged() {
        List<LocalDate> days = weekdays(LAST.minusDays(400), LAST);
        FactorCatalogue.benchmarkSymbols().forEach(etf -> prices.upsert(etf, bars(etf, days)));
        List<PriceBar> acme = bars("ACME", days);
        prices.upsert("ACME", acme);

        int computed = refresh.handle(new RefreshExposures.Command(new PricesReady("ACME", LAST, false,
                acme.subList(acme.size() - 3, acme.size())), UUID.randomUUID(), UUID.randomUUID()));

        assertThat(computed).isZero();
        assertThat(published).singleElement().extracting(EventEnvelope::payload)
                .isInstanceOfSatisfying(RunStageReport.class, ack -> assertThat(ack.subjects()).isEmpty());
    }

    @Test
    void aPollsRecordsShareOneUnitOfWorkAndAnnounceWhatEachRecordAloneWould() {
        List<LocalDate> days = weekdays(LAST.minusDays(400), LAST);
        List<RefreshExposures.Command> commands = new ArrayList<>();
        RefreshExposuresTest alone = new RefreshExposuresTest();
        for (RefreshExposuresTest fixture : List.of(this, alone)) {
            FactorCatalogue.benchmarkSymbols().forEach(etf -> fixture.prices.upsert(etf, bars(etf, days)));
        }
        for (String symbol : List.of("ACME", "BETA", "GAMA")) {
            List<PriceBar> bars = bars(symbol, days);
            prices.upsert(symbol, bars.subList(0, bars.size() - 3));
            alone.prices.upsert(symbol, bars.subList(0, bars.size() - 3));
            commands.add(new RefreshExposures.Command(new PricesReady(symbol, LAST, false,
                    bars.subList(bars.size() - 3, bars.size())), UUID.randomUUID(), UUID.randomUUID()));
        }
        commands.add(commands.getFirst()); // a re-delivery: ACME again, so a unit of its own

        int computed = refresh.handleAll(commands);

        commands.forEach(alone.refresh::handle);
        assertThat(computed).isEqualTo(9);
        assertThat(unitOfWork.units).isEqualTo(2);
        assertThat(published).hasSize(7).isEqualTo(alone.published);
    }

    @Test
    void commandsAreTakenOneUnitOfWorkAtATimeNotAWholePollAhead() {
        List<LocalDate> days = weekdays(LAST.minusDays(400), LAST);
        FactorCatalogue.benchmarkSymbols().forEach(etf -> prices.upsert(etf, bars(etf, days)));
        RefreshExposures sixBarsPerUnit = new RefreshExposures(prices, new Exposures(), model, events, unitOfWork,
                Clock.fixed(Instant.parse("2024-07-01T00:00:00Z"), ZoneOffset.UTC), PriceColumn.ADJ_CLOSE, 365, 40,
                new RecordSymbolMetrics(prices, new Metrics(), new NoProfiles(), new SymbolMetricsCalculation(),
                        PriceColumn.ADJ_CLOSE), 6);
        List<RefreshExposures.Command> commands = new ArrayList<>();
        for (String symbol : List.of("ACME", "BETA", "GAMA", "DELT", "EPSI")) {
            List<PriceBar> bars = bars(symbol, days);
            prices.upsert(symbol, bars.subList(0, bars.size() - 3));
            commands.add(new RefreshExposures.Command(new PricesReady(symbol, LAST, false,
                    bars.subList(bars.size() - 3, bars.size())), UUID.randomUUID(), UUID.randomUUID()));
        }
        Iterator<RefreshExposures.Command> all = commands.iterator();
        int[] taken = {0};
        List<Integer> takenWhenAUnitStarts = new ArrayList<>();
        unitOfWork.onStart = () -> takenWhenAUnitStarts.add(taken[0]);

        int computed = sixBarsPerUnit.handleAll(new Iterator<>() {
            @Override
            public boolean hasNext() {
                return all.hasNext();
            }

            @Override
            public RefreshExposures.Command next() {
                taken[0]++;
                return all.next();
            }
        });

        assertThat(computed).isEqualTo(15);
        // units of two commands (six bars) and a last one; each unit asks for one command more, to know it is full
        assertThat(takenWhenAUnitStarts).containsExactly(3, 5, 5);
    }

    @Test
    void aFailingRecordIsNamedAfterTheRecordsBeforeItAreStoredAndAnnounced() {
        List<LocalDate> days = weekdays(LAST.minusDays(400), LAST);
        FactorCatalogue.benchmarkSymbols().forEach(etf -> prices.upsert(etf, bars(etf, days)));
        List<RefreshExposures.Command> commands = new ArrayList<>();
        for (String symbol : List.of("ACME", "BAD", "GAMA")) {
            List<PriceBar> bars = bars(symbol, days);
            prices.upsert(symbol, bars.subList(0, bars.size() - 3));
            commands.add(new RefreshExposures.Command(new PricesReady(symbol, LAST, false,
                    bars.subList(bars.size() - 3, bars.size())), UUID.randomUUID(), UUID.randomUUID()));
        }
        prices.failing = "BAD";

        assertThatThrownBy(() -> refresh.handleAll(commands)).isInstanceOfSatisfying(RefreshExposures.FailedCommand.class,
                failed -> {
                    assertThat(failed.index()).isEqualTo(1);
                    assertThat(failed.getCause()).hasMessage("BAD cannot be stored");
                });
        assertThat(published).hasSize(2);
        assertThat(published.getFirst().payload()).isInstanceOfSatisfying(FactorsReady.class,
                ready -> assertThat(ready.symbol()).isEqualTo("ACME"));
        assertThat(published.getLast().payload()).isInstanceOfSatisfying(RunStageReport.class,
                ack -> assertThat(ack.subjects()).containsExactly("ACME"));
        assertThat(prices.bars.get("GAMA").lastKey()).as("GAMA's new bars not stored").isBefore(LAST);
    }

    private static List<LocalDate> weekdays(LocalDate from, LocalDate to) {
        return from.datesUntil(to.plusDays(1)).filter(d -> d.getDayOfWeek().getValue() < DayOfWeek.SATURDAY.getValue())
                .toList();
    }

    /** A random walk per symbol, the same on every run. */
    private static List<PriceBar> bars(String symbol, List<LocalDate> days) {
        Random random = new Random(symbol.hashCode());
        double price = 100;
        List<PriceBar> bars = new ArrayList<>();
        for (LocalDate day : days) {
            price *= 1 + 0.01 * random.nextGaussian();
            bars.add(new PriceBar(day, price, price, price, price, price, 1_000L));
        }
        return bars;
    }

    /** Counts its units; one that fails leaves the prices as they were, as a rolled-back transaction would. */
    private static final class RecordingUnitOfWork implements UnitOfWork {
        final Prices prices;
        boolean open;
        int units;
        Runnable onStart = () -> { };

        RecordingUnitOfWork(Prices prices) {
            this.prices = prices;
        }

        @Override
        public <T> T call(Supplier<T> work) {
            units++;
            onStart.run();
            open = true;
            Map<String, TreeMap<LocalDate, PriceBar>> before = new HashMap<>();
            prices.bars.forEach((symbol, bars) -> before.put(symbol, new TreeMap<>(bars)));
            try {
                return work.get();
            } catch (RuntimeException e) {
                prices.bars.clear();
                prices.bars.putAll(before);
                throw e;
            } finally {
                open = false;
            }
        }
    }

    private static final class Prices implements PriceWindowStore {
        final Map<String, TreeMap<LocalDate, PriceBar>> bars = new HashMap<>();
        final Map<String, LocalDate> loadedFrom = new HashMap<>();
        String failing;

        @Override
        public int upsert(String symbol, List<PriceBar> newBars) {
            if (symbol.equals(failing)) {
                throw new IllegalStateException(symbol + " cannot be stored");
            }
            TreeMap<LocalDate, PriceBar> stored = bars.computeIfAbsent(symbol, s -> new TreeMap<>());
            int changed = 0;
            for (PriceBar bar : newBars) {
                if (!bar.equals(stored.put(bar.date(), bar))) {
                    changed++;
                }
            }
            return changed;
        }

        @Override
        public void replace(String symbol, List<PriceBar> newBars) {
            bars.remove(symbol);
            upsert(symbol, newBars);
        }

        @Override
        public PriceSeries load(String symbol, LocalDate from, LocalDate to, PriceColumn column) {
            loadedFrom.putIfAbsent(symbol, from); // the first load: the regression's (the metrics' come after)
            var window = bars.getOrDefault(symbol, new TreeMap<>()).subMap(from, true, to, true);
            return new PriceSeries(symbol, window.keySet().toArray(LocalDate[]::new),
                    window.values().stream().mapToDouble(PriceBar::adjClose).toArray());
        }

        @Override
        public Optional<LocalDate> latest(String symbol) {
            return Optional.ofNullable(bars.get(symbol)).map(TreeMap::lastKey);
        }

        @Override
        public List<LocalDate> dates(String symbol, LocalDate from, LocalDate to) {
            return List.copyOf(bars.getOrDefault(symbol, new TreeMap<>()).subMap(from, true, to, true).keySet());
        }
    }

    private static final class Exposures implements ExposureStore {
        final Map<String, List<DatedExposures>> stored = new HashMap<>();

        @Override
        public void upsert(String symbol, List<DatedExposures> exposures) {
            stored.computeIfAbsent(symbol, s -> new ArrayList<>()).addAll(exposures);
        }

        @Override
        public Optional<DatedExposures> find(String symbol, LocalDate date) {
            return stored.getOrDefault(symbol, List.of()).stream().filter(e -> e.calculationDate().equals(date))
                    .findFirst();
        }

        @Override
        public Optional<DatedExposures> latest(String symbol) {
            return stored.getOrDefault(symbol, List.of()).stream().reduce((a, b) -> b);
        }

        @Override
        public void setProviderBeta(String symbol, Double beta) {
        }

        @Override
        public List<LocalDate> calculationDates(String symbol) {
            return stored.getOrDefault(symbol, List.of()).stream().map(DatedExposures::calculationDate).toList();
        }

        @Override
        public void deleteFactor(String symbol, String factor) {
        }

        @Override
        public Optional<Double> providerBeta(String symbol) {
            return Optional.empty();
        }

        @Override
        public void lockSymbol(String symbol) {
        }

        @Override
        public void lockPending() {
        }

        @Override
        public void addPending(String symbol, Collection<LocalDate> dates) {
            throw new AssertionError("no date waits: every benchmark covers " + dates);
        }

        @Override
        public Map<String, List<LocalDate>> takePending(LocalDate coverage) {
            return Map.of();
        }
    }

    private static final class NoProfiles implements SymbolProfileStore {
        @Override
        public void save(String symbol, Valuation valuation) {
        }

        @Override
        public Optional<Valuation> find(String symbol) {
            return Optional.empty();
        }
    }

    private static final class Metrics implements SymbolMetricsStore {

        @Override
        public List<SymbolMetrics> onDate(LocalDate date, SortField sort, boolean descending, int limit) {
            throw new UnsupportedOperationException("not read here");
        }

        @Override
        public Optional<LocalDate> latestDate() {
            throw new UnsupportedOperationException("not read here");
        }

        @Override
        public void upsert(List<SymbolMetrics> metrics) {
        }

        @Override
        public Optional<SymbolMetrics> find(String symbol, LocalDate date) {
            return Optional.empty();
        }

        @Override
        public Optional<SymbolMetrics> latest(String symbol) {
            return Optional.empty();
        }

        @Override
        public List<SymbolMetrics> all(String symbol) {
            return List.of();
        }
    }
}
