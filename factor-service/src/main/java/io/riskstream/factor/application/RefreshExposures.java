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

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
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

    /** The regressors: every calculation date waits until all of them have its prices. */
    private static final List<String> BENCHMARKS = FactorCatalogue.benchmarkSymbols();

    /** A symbol's bars stored through a date (prices-ready), the event that announced them and its run. */
    public record Command(PricesReady prices, UUID causeEventId, UUID runId) {
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

    public RefreshExposures(PriceWindowStore prices, ExposureStore exposures, SymbolExposureModel model,
                            EventPublisher events, UnitOfWork unitOfWork, Clock clock, PriceColumn column,
                            int horizonDays, int datesPerEvent, RecordSymbolMetrics metrics) {
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
     * Tells the run which symbols this prices-ready gave factors-ready for (none when its dates wait for benchmarks
     * or no factor fits), so the run's factors stage knows its work before it is done.
     */
    private void acknowledge(Command command, List<String> announced) {
        RunStageReport ack = RunStageReport.acknowledged(command.runId(), RunStage.FACTORS, command.prices().symbol(),
                announced);
        events.publish(EventEnvelope.of(EventIds.derive(command.causeEventId(), "run-status", RunStage.FACTORS.label()),
                command.runId(), clock.instant(), ack));
    }

    private int refresh(String symbol, List<LocalDate> requested, boolean holdsPendingLock, UUID cause, UUID runId) {
        if (requested.isEmpty()) {
            return 0;
        }
        TreeSet<LocalDate> dates = new TreeSet<>(requested);
        List<LocalDate> waiting = waitingFor(dates, benchmarkCoverage());
        if (!waiting.isEmpty() && !holdsPendingLock) {
            // cannot happen while coverage only grows; guarded because taking the lock now could deadlock
            throw new IllegalStateException("benchmark coverage shrank while refreshing " + symbol);
        }
        if (!waiting.isEmpty()) {
            exposures.addPending(symbol, waiting);
            waiting.forEach(dates::remove);
        }
        if (dates.isEmpty()) {
            return 0;
        }
        LocalDate from = dates.first().minusDays(model.lookbackDays());
        LocalDate to = dates.last();
        PriceSeries series = prices.load(symbol, from, to, column);
        Map<String, PriceSeries> regressors = prices.loadAll(BENCHMARKS, from, to, column);
        List<SymbolExposures> results = model.compute(series, regressors, List.copyOf(dates));
        Optional<Double> providerBeta = exposures.providerBeta(symbol).filter(b -> b != 0.0);
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
            events.publish(EventEnvelope.of(eventId, runId, clock.instant(), new FactorsReady(symbol, chunk)));
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
