package io.riskstream.factor.application;

import io.riskstream.common.application.EventPublisher;
import io.riskstream.common.application.UnitOfWork;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.FactorsReady.DatedExposures;
import io.riskstream.common.event.FactorsReady.FactorValue;
import io.riskstream.common.event.FactorsReady;
import io.riskstream.common.event.PriceBar;
import io.riskstream.common.event.PricesReady;
import io.riskstream.common.event.RunStage;
import io.riskstream.common.event.RunStageReport;
import io.riskstream.common.factors.FactorCatalogue;
import io.riskstream.common.factors.FactorId;
import io.riskstream.common.marketdata.PriceColumn;
import io.riskstream.factor.domain.exposure.FactorFit;
import io.riskstream.factor.domain.exposure.PriceSeries;
import io.riskstream.factor.domain.exposure.SymbolExposureModel;
import io.riskstream.factor.domain.exposure.SymbolExposures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * "Bars for S stored through D" → S's exposures for every calculation date the new bars touch (all dates of the
 * horizon when the history was replaced), stored and announced in one transaction. When S is a benchmark, the
 * calculations that were waiting for it run too. Dates whose benchmarks are not there yet wait in
 * {@code pending_calculation}. The symbol's metrics are computed for the same dates in the same transaction.
 */
public class RefreshExposures {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshExposures.class);

    /** The regressors: every calculation date waits until all of them have its prices. */
    private static final List<String> BENCHMARKS = FactorCatalogue.benchmarkSymbols();

    /** A symbol's bars stored through a date (prices-ready), the event that announced them and its run. */
    public record Command(PricesReady prices, UUID causeEventId, UUID runId) {
    }

    /** The command at {@code index} of a {@link #handleAll} list failed; the commands before it are stored. */
    public static final class FailedCommand extends RuntimeException {

        private final int index;

        FailedCommand(int index, RuntimeException cause) {
            super("prices-ready #" + index + " of the batch failed: " + cause.getMessage(), cause);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }

    private final PriceWindowStore prices;
    private final ExposureStore exposures;
    private final SymbolExposureModel model;
    private final EventPublisher events;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final PriceColumn column;
    private final int horizonDays;
    private final int datesPerEvent;
    private final RecordSymbolMetrics metrics;
    private final int barsPerUnitOfWork;

    public RefreshExposures(PriceWindowStore prices, ExposureStore exposures, SymbolExposureModel model,
                            EventPublisher events, UnitOfWork unitOfWork, Clock clock, PriceColumn column,
                            int horizonDays, int datesPerEvent, RecordSymbolMetrics metrics) {
        this(prices, exposures, model, events, unitOfWork, clock, column, horizonDays, datesPerEvent, metrics, 5_000);
    }

    /**
     * {@code barsPerUnitOfWork}: {@link #handleAll} closes a unit of work once its commands carry that many bars, so a
     * poll of full histories is not one long transaction holding its symbols' locks.
     */
    public RefreshExposures(PriceWindowStore prices, ExposureStore exposures, SymbolExposureModel model,
                            EventPublisher events, UnitOfWork unitOfWork, Clock clock, PriceColumn column,
                            int horizonDays, int datesPerEvent, RecordSymbolMetrics metrics, int barsPerUnitOfWork) {
        this.prices = prices;
        this.exposures = exposures;
        this.model = model;
        this.events = events;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.column = column;
        this.horizonDays = horizonDays;
        this.datesPerEvent = datesPerEvent;
        this.metrics = metrics;
        this.barsPerUnitOfWork = barsPerUnitOfWork;
    }

    /** Returns the number of (symbol, date) exposure sets computed. */
    public int handle(Command command) {
        PricesReady ready = command.prices();
        boolean benchmark = BENCHMARKS.contains(ready.symbol());
        return unitOfWork.call(() -> {
            // Lock order, always: pending calculations, then symbols. A benchmark's bars may release pending work,
            // and a symbol's dates may have to wait; both touch the pending table.
            LocalDate horizonStart = ready.through().minusDays(horizonDays);
            boolean mayWait = benchmark || ready.bars().getLast().date().isAfter(benchmarkCoverage().orElse(LocalDate.MIN));
            if (mayWait) {
                exposures.lockPending();
            }
            exposures.lockSymbol(ready.symbol());
            if (ready.historyReplaced()) {
                prices.replace(ready.symbol(), ready.bars());
            } else if (prices.upsert(ready.symbol(), ready.bars()) == 0) {
                // Every bar is stored as it is: this prices-ready (or one with the same bars) was handled and its
                // dates computed or queued in the same transaction. Computing them again would give the same
                // numbers, so a re-delivery, a replay or a consumer rebalanced mid-batch costs one statement.
                acknowledge(command, List.of());
                return 0;
            }
            List<LocalDate> dates = ready.historyReplaced()
                    ? prices.dates(ready.symbol(), horizonStart, ready.through())
                    : ready.bars().stream().map(PriceBar::date).filter(d -> !d.isBefore(horizonStart)).toList();
            int n = refresh(ready.symbol(), dates, mayWait, command.causeEventId(), command.runId());
            List<String> announced = new ArrayList<>();
            if (n > 0) {
                announced.add(ready.symbol());
            }
            if (benchmark) {
                Optional<LocalDate> coverage = benchmarkCoverage();
                if (coverage.isPresent()) {
                    for (var pending : exposures.takePending(coverage.get()).entrySet()) {
                        exposures.lockSymbol(pending.getKey());
                        int released = refresh(pending.getKey(), pending.getValue(), true, command.causeEventId(),
                                command.runId());
                        if (released > 0 && !announced.contains(pending.getKey())) {
                            announced.add(pending.getKey());
                        }
                        n += released;
                    }
                }
            }
            acknowledge(command, announced);
            return n;
        });
    }

    /**
     * The commands of one poll, in order, with the same outcome as {@link #handle} of each in turn. Consecutive
     * commands of distinct non-benchmark symbols share a unit of work (up to {@code barsPerUnitOfWork} bars): the
     * benchmark coverage and windows and the provider betas are read once for them, their symbols locked in one
     * statement and their events written together. A benchmark's command runs alone, as it may release pending
     * calculations of any symbol. When a shared unit fails, its commands are handled one by one, so that the ones
     * before a failing command are kept and the failing one is named by a {@link FailedCommand}.
     */
    public int handleAll(List<Command> commands) {
        return handleAll(commands.iterator());
    }

    /**
     * {@link #handleAll(List)} of commands taken one at a time: a command is asked for only when the unit of work being
     * assembled may take it, so a caller that decodes records on demand holds one unit's commands at a time, not a
     * whole poll's (two hundred one-year histories are about 8 MB of bars, which otherwise outlive every unit).
     */
    public int handleAll(Iterator<Command> commands) {
        int n = 0;
        int index = 0;
        Command next = commands.hasNext() ? commands.next() : null;
        while (next != null) {
            List<Command> unit = new ArrayList<>();
            unit.add(next);
            next = commands.hasNext() ? commands.next() : null;
            if (!isBenchmark(unit.getFirst())) {
                Set<String> symbols = new HashSet<>(Set.of(unit.getFirst().prices().symbol()));
                int bars = unit.getFirst().prices().bars().size();
                while (next != null && !isBenchmark(next) && bars < barsPerUnitOfWork
                        && symbols.add(next.prices().symbol())) {
                    unit.add(next);
                    bars += next.prices().bars().size();
                    next = commands.hasNext() ? commands.next() : null;
                }
            }
            n += unit.size() == 1 ? handleOne(unit.getFirst(), index) : handleTogether(unit, index);
            index += unit.size();
        }
        return n;
    }

    private static boolean isBenchmark(Command command) {
        return BENCHMARKS.contains(command.prices().symbol());
    }

    private int handleOne(Command command, int index) {
        try {
            return handle(command);
        } catch (RuntimeException e) {
            throw new FailedCommand(index, e);
        }
    }

    /** {@code unit}'s commands in one unit of work; {@code first} is the index of its first command in the batch. */
    private int handleTogether(List<Command> unit, int first) {
        try {
            return unitOfWork.call(() -> refreshTogether(unit));
        } catch (RuntimeException e) {
            LOG.info("{} prices-ready records failed together ({}); handling them one by one", unit.size(), e.toString());
            int n = 0;
            for (int i = 0; i < unit.size(); i++) {
                n += handleOne(unit.get(i), first + i);
            }
            return n;
        }
    }

    /** {@link #handle} of each command in one unit of work; the commands' symbols are distinct, none a benchmark. */
    private int refreshTogether(List<Command> commands) {
        Optional<LocalDate> coverage = benchmarkCoverage();
        LocalDate covered = coverage.orElse(LocalDate.MIN);
        boolean mayWait = commands.stream().anyMatch(c -> c.prices().bars().getLast().date().isAfter(covered));
        if (mayWait) {
            exposures.lockPending();
            coverage = benchmarkCoverage();
        }
        exposures.lockSymbols(commands.stream().map(c -> c.prices().symbol()).sorted().toList());
        List<TreeSet<LocalDate>> planned = new ArrayList<>(commands.size());
        for (Command command : commands) {
            PricesReady ready = command.prices();
            LocalDate horizonStart = ready.through().minusDays(horizonDays);
            if (ready.historyReplaced()) {
                prices.replace(ready.symbol(), ready.bars());
            } else if (prices.upsert(ready.symbol(), ready.bars()) == 0) {
                planned.add(null); // stored as it is: handled before (see handle)
                continue;
            }
            List<LocalDate> dates = ready.historyReplaced()
                    ? prices.dates(ready.symbol(), horizonStart, ready.through())
                    : ready.bars().stream().map(PriceBar::date).filter(d -> !d.isBefore(horizonStart)).toList();
            planned.add(dates.isEmpty() ? new TreeSet<>() : plan(ready.symbol(), dates, mayWait, coverage));
        }
        List<TreeSet<LocalDate>> toCompute = planned.stream().filter(d -> d != null && !d.isEmpty()).toList();
        Map<String, PriceSeries> regressors = Map.of();
        Map<String, Double> providerBetas = Map.of();
        if (!toCompute.isEmpty()) {
            LocalDate from = toCompute.stream().map(d -> d.first().minusDays(model.lookbackDays()))
                    .min(LocalDate::compareTo).orElseThrow();
            LocalDate to = toCompute.stream().map(TreeSet::last).max(LocalDate::compareTo).orElseThrow();
            regressors = prices.loadAll(BENCHMARKS, from, to, column);
            providerBetas = exposures.providerBetas(commands.stream().map(c -> c.prices().symbol()).toList());
        }
        List<EventEnvelope<?>> out = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < commands.size(); i++) {
            Command command = commands.get(i);
            TreeSet<LocalDate> dates = planned.get(i);
            int computed = 0;
            if (dates != null && !dates.isEmpty()) {
                String symbol = command.prices().symbol();
                computed = compute(symbol, dates, window(regressors, dates.first().minusDays(model.lookbackDays()),
                                dates.last()), Optional.ofNullable(providerBetas.get(symbol)), command.causeEventId(),
                        command.runId(), out);
            }
            out.add(acknowledgement(command, computed > 0 ? List.of(command.prices().symbol()) : List.of()));
            n += computed;
        }
        events.publishAll(out);
        return n;
    }

    /** The part of each series in [from, to]: what {@link PriceWindowStore#loadAll} gives for that window. */
    private static Map<String, PriceSeries> window(Map<String, PriceSeries> series, LocalDate from, LocalDate to) {
        Map<String, PriceSeries> window = new LinkedHashMap<>();
        series.forEach((symbol, s) -> {
            LocalDate[] dates = s.dates();
            double[] values = s.prices();
            int first = 0;
            while (first < dates.length && dates[first].isBefore(from)) {
                first++;
            }
            int last = first;
            while (last < dates.length && !dates[last].isAfter(to)) {
                last++;
            }
            window.put(symbol, new PriceSeries(symbol, java.util.Arrays.copyOfRange(dates, first, last),
                    java.util.Arrays.copyOfRange(values, first, last)));
        });
        return window;
    }

    /**
     * Tells the run which symbols this prices-ready gave factors-ready for (none when its dates wait for benchmarks
     * or no factor fits), so the run's factors stage knows its work before it is done.
     */
    private void acknowledge(Command command, List<String> announced) {
        events.publish(acknowledgement(command, announced));
    }

    private EventEnvelope<RunStageReport> acknowledgement(Command command, List<String> announced) {
        RunStageReport ack = RunStageReport.acknowledged(command.runId(), RunStage.FACTORS, command.prices().symbol(),
                announced);
        return EventEnvelope.of(EventIds.derive(command.causeEventId(), "run-status", RunStage.FACTORS.label()),
                command.runId(), clock.instant(), ack);
    }

    private int refresh(String symbol, List<LocalDate> requested, boolean holdsPendingLock, UUID cause, UUID runId) {
        if (requested.isEmpty()) {
            return 0;
        }
        TreeSet<LocalDate> dates = plan(symbol, requested, holdsPendingLock, benchmarkCoverage());
        if (dates.isEmpty()) {
            return 0;
        }
        LocalDate from = dates.first().minusDays(model.lookbackDays());
        List<EventEnvelope<?>> out = new ArrayList<>();
        int n = compute(symbol, dates, prices.loadAll(BENCHMARKS, from, dates.last(), column),
                exposures.providerBeta(symbol), cause, runId, out);
        events.publishAll(out);
        return n;
    }

    /** The requested dates that can be computed now; the others are queued until the benchmarks cover them. */
    private TreeSet<LocalDate> plan(String symbol, List<LocalDate> requested, boolean holdsPendingLock,
                                    Optional<LocalDate> coverage) {
        TreeSet<LocalDate> dates = new TreeSet<>(requested);
        List<LocalDate> waiting = waitingFor(dates, coverage);
        if (!waiting.isEmpty() && !holdsPendingLock) {
            // cannot happen while coverage only grows; guarded because taking the lock now could deadlock
            throw new IllegalStateException("benchmark coverage shrank while refreshing " + symbol);
        }
        if (!waiting.isEmpty()) {
            exposures.addPending(symbol, waiting);
            waiting.forEach(dates::remove);
        }
        return dates;
    }

    /**
     * Computes, stores and (into {@code out}) announces the symbol's exposures on {@code dates}, which must not be
     * empty; {@code regressors} are the benchmarks' series over at least the dates' window.
     */
    private int compute(String symbol, TreeSet<LocalDate> dates, Map<String, PriceSeries> regressors,
                        Optional<Double> storedProviderBeta, UUID cause, UUID runId, List<EventEnvelope<?>> out) {
        LocalDate from = dates.first().minusDays(model.lookbackDays());
        LocalDate to = dates.last();
        PriceSeries series = prices.load(symbol, from, to, column);
        List<SymbolExposures> results = model.compute(series, regressors, List.copyOf(dates));
        Optional<Double> providerBeta = storedProviderBeta.filter(b -> b != 0.0);
        List<DatedExposures> dated = new ArrayList<>(results.size());
        Set<LocalDate> withFactors = new HashSet<>();
        for (SymbolExposures result : results) {
            Map<String, FactorValue> factors = new LinkedHashMap<>();
            result.factors().forEach((id, outcome) -> {
                if (outcome instanceof FactorFit fit) {
                    factors.put(id.wireName(), new FactorValue(fit.beta(), fit.alpha(), fit.rSquared(), fit.stdError(),
                            fit.tStat(), fit.pValue(), fit.observations()));
                }
            });
            providerBeta.ifPresent(b -> factors.put(FactorId.PROVIDER_BETA.wireName(), ApplyProfileUpdate.providerBeta(b)));
            if (!factors.isEmpty()) {
                dated.add(new DatedExposures(result.calculationDate(), factors));
            }
            if (result.factors().values().stream().anyMatch(FactorFit.class::isInstance)) {
                withFactors.add(result.calculationDate());
            }
        }
        metrics.record(symbol, dates, withFactors);
        if (dated.isEmpty()) {
            return 0;
        }
        exposures.upsert(symbol, dated);
        for (int i = 0; i < dated.size(); i += datesPerEvent) {
            List<DatedExposures> chunk = dated.subList(i, Math.min(dated.size(), i + datesPerEvent));
            UUID eventId = EventIds.derive(cause, "factors-ready", symbol, chunk.getFirst().calculationDate().toString(),
                    chunk.getLast().calculationDate().toString());
            out.add(EventEnvelope.of(eventId, runId, clock.instant(), new FactorsReady(symbol, chunk)));
        }
        return dated.size();
    }

    private static List<LocalDate> waitingFor(TreeSet<LocalDate> dates, Optional<LocalDate> coverage) {
        return coverage.map(c -> List.copyOf(dates.tailSet(c, false))).orElse(List.copyOf(dates));
    }

    /** The last date for which every benchmark has a price (empty while one has none). */
    private Optional<LocalDate> benchmarkCoverage() {
        return prices.coverage(BENCHMARKS);
    }
}
