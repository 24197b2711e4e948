package io.riskstream.portfolio.application;

import io.riskstream.common.application.EventPublisher;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.FactorsReady;
import io.riskstream.common.event.PriceBar;
import io.riskstream.common.event.ProfileUpdated;
import io.riskstream.portfolio.domain.BetasByDate;
import io.riskstream.portfolio.domain.CloseHistory;
import io.riskstream.portfolio.domain.DailySnapshotCalculation;
import io.riskstream.portfolio.domain.Position;
import io.riskstream.portfolio.domain.SectorExposure;
import io.riskstream.portfolio.domain.ValuedDate;
import io.riskstream.portfolio.domain.risk.PriceHistories;
import io.riskstream.portfolio.domain.risk.SnapshotBetas;

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
import java.util.stream.Collectors;

/** The use cases' ports in memory, for one portfolio: its store, analytics, refresh queue, symbol data and events. */
final class InMemoryPorts implements PortfolioStore, AnalyticsStore, RefreshQueue {

    final UUID portfolioId;
    final Symbols symbols = new Symbols();
    final SymbolProfiles profiles = new SymbolProfiles() {
        @Override
        public boolean save(String symbol, ProfileUpdated.ProfileFields fields) {
            return false;
        }

        @Override
        public Map<String, SectorExposure.Profile> sectors(Collection<String> s) {
            return Map.of();
        }
    };
    final List<EventEnvelope<?>> published = new ArrayList<>();
    final EventPublisher events = published::add;
    final TreeMap<LocalDate, DailySnapshotCalculation.Snapshot> snapshots = new TreeMap<>();
    final TreeMap<LocalDate, Pending> pending = new TreeMap<>();
    final List<Position> positions = new ArrayList<>();
    int locks;
    Runnable afterSnapshot; // a concurrent writer, run once inside the next computation
    private long versions;
    private final Clock clock;
    private Portfolio portfolio;

    InMemoryPorts(UUID portfolioId, Clock clock) {
        this.portfolioId = portfolioId;
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
    public void savePosition(Position position) {
        positions.add(position);
    }

    @Override
    public List<Position> positions(UUID id) {
        return List.copyOf(positions);
    }

    @Override
    public Map<UUID, LocalDate> holdersWithFirstEntry(String symbol, LocalDate since) {
        return Map.of(portfolioId, positions.stream().map(Position::entryDate).min(LocalDate::compareTo).orElseThrow());
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
    public void saveAll(UUID id, List<ValuedDate> dates) {
        dates.forEach(d -> snapshots.put(d.date(), d.snapshot()));
        Runnable hook = afterSnapshot;
        afterSnapshot = null;
        if (hook != null) {
            hook.run();
        }
    }

    @Override
    public Map<LocalDate, DailySnapshotCalculation.Previous> rollingBases(UUID id, LocalDate first, LocalDate last) {
        Map<LocalDate, DailySnapshotCalculation.Previous> out = new TreeMap<>();
        LocalDate from = snapshots.lowerKey(first) == null ? first : snapshots.lowerKey(first);
        snapshots.subMap(from, true, last, false).forEach((d, s) -> out.put(d, new DailySnapshotCalculation.Previous(d,
                s.equity(), s.cumulativePnl(), s.cumulativeRealizedPnl(), s.cumulativeCapitalFlow())));
        return out;
    }

    @Override
    public Map<UUID, List<LocalDate>> computedDates(Collection<UUID> portfolioIds, LocalDate from, LocalDate to) {
        List<LocalDate> dates = List.copyOf(snapshots.subMap(from, true, to, true).keySet());
        return dates.isEmpty() || portfolioIds != null && !portfolioIds.contains(portfolioId) ? Map.of()
                : Map.of(portfolioId, dates);
    }

    @Override
    public List<LocalDate> snapshotDatesAfter(UUID id, LocalDate date) {
        return List.copyOf(snapshots.tailMap(date, false).keySet());
    }

    @Override
    public List<StoredSnapshot> snapshots(UUID id, LocalDate from, LocalDate to) {
        return List.of();
    }

    @Override
    public Map<String, SectorExposure.Bucket> sectors(UUID id, LocalDate date) {
        return Map.of();
    }

    @Override
    public Optional<LocalDate> latestSnapshotDate(UUID id) {
        return Optional.ofNullable(snapshots.isEmpty() ? null : snapshots.lastKey());
    }

    @Override
    public Optional<StoredAnalytics> find(UUID id, LocalDate date) {
        return Optional.empty();
    }

    @Override
    public Optional<StoredAnalytics> latest(UUID id) {
        return Optional.empty();
    }

    @Override
    public List<StoredAnalytics> series(UUID id, LocalDate from, LocalDate to) {
        return List.of();
    }

    @Override
    public List<PortfolioSummary> summaries(long offset, int limit) {
        return List.of();
    }

    @Override
    public long portfolioCount() {
        return 0;
    }

    @Override
    public void request(UUID id, Collection<LocalDate> dates, Cause cause) {
        dates.forEach(d -> pending.compute(d, (k, was) -> new Pending(d, cause,
                was == null ? clock.instant() : was.requestedAt(), ++versions)));
    }

    @Override
    public void requestLater(UUID id, Collection<LocalDate> dates, Cause cause) {
        dates.forEach(d -> pending.putIfAbsent(d, new Pending(d, cause, clock.instant(), ++versions)));
    }

    @Override
    public List<Pending> lockPending(UUID id, int limit) {
        locks++;
        return pending.values().stream().limit(limit).toList();
    }

    @Override
    public void done(UUID id, List<Pending> computed) {
        computed.forEach(p -> pending.remove(p.date(), p));
    }

    @Override
    public List<Head> waiting() {
        return pending.values().stream().findFirst().map(p -> List.of(new Head(portfolioId, p.date(), p.requestedAt())))
                .orElse(List.of());
    }

    /** Closes (also the adjusted closes) and betas per symbol. */
    static final class Symbols implements SymbolDataStore {
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
        public CloseHistory closeHistory(Collection<String> symbols, LocalDate from, LocalDate to) {
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
            return new CloseHistory(out);
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
        public BetasByDate betasAndFits(Collection<String> symbols, Collection<LocalDate> dates, String fitFactor) {
            Map<LocalDate, Map<String, Map<String, Double>>> out = new HashMap<>();
            Map<LocalDate, Map<String, SnapshotBetas.Fit>> fits = new HashMap<>();
            for (LocalDate date : dates) {
                symbols.forEach(s -> {
                    var b = betas.getOrDefault(s, new TreeMap<>()).get(date);
                    if (b != null) {
                        out.computeIfAbsent(date, k -> new HashMap<>()).put(s, b);
                        if (b.containsKey(fitFactor)) {
                            fits.computeIfAbsent(date, k -> new HashMap<>()).put(s,
                                    new SnapshotBetas.Fit(b.get(fitFactor), null, null));
                        }
                    }
                });
            }
            return new BetasByDate(out, fits);
        }

        @Override
        public Map<LocalDate, Set<String>> symbolsWithBetas(Collection<String> symbols, Collection<LocalDate> dates) {
            Map<LocalDate, Set<String>> with = new HashMap<>();
            betasAndFits(symbols, dates, SnapshotBetas.MARKET_BETA).betas()
                    .forEach((date, bySymbol) -> with.put(date, Set.copyOf(bySymbol.keySet())));
            return with;
        }

        @Override
        public Set<String> symbolsWithCloses(Collection<String> symbols) {
            return symbols.stream().filter(s -> prices.containsKey(s) && !prices.get(s).isEmpty())
                    .collect(Collectors.toSet());
        }

        @Override
        public Map<String, LocalDate> firstBetaDates(Collection<String> symbols) {
            Map<String, LocalDate> out = new HashMap<>();
            symbols.stream().filter(s -> betas.containsKey(s) && !betas.get(s).isEmpty())
                    .forEach(s -> out.put(s, betas.get(s).firstKey()));
            return out;
        }
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
}
