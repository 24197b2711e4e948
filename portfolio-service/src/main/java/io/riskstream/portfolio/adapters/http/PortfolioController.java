package io.riskstream.portfolio.adapters.http;

import io.riskstream.common.calendar.MarketClock;
import io.riskstream.common.event.PositionEvent;
import io.riskstream.portfolio.application.AnalyticsStore;
import io.riskstream.portfolio.application.PortfolioCommands;
import io.riskstream.portfolio.application.PortfolioStore;
import io.riskstream.portfolio.application.PositionTags;
import io.riskstream.portfolio.application.RiskStore;
import io.riskstream.portfolio.application.TagStore;
import io.riskstream.portfolio.domain.InstrumentClass;
import io.riskstream.portfolio.domain.Position;
import io.riskstream.portfolio.domain.PositionValuation;
import io.riskstream.portfolio.domain.SectorExposure;
import io.riskstream.common.web.CsvTable;
import io.riskstream.common.web.CsvTableConverter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

@RestController
@RequestMapping("/api/portfolios")
class PortfolioController {

    record PositionRequest(String symbol, BigDecimal quantity, BigDecimal entryPrice, LocalDate entryDate) {
    }

    record CreatePortfolioRequest(String name, BigDecimal equity, List<PositionRequest> positions) {
    }

    record Created(UUID id, UUID runId) {
    }

    /**
     * A position with its value as last computed (price with its date, quantity × price × multiplier, unrealised
     * P&L); a closed position is valued at its exit.
     */
    record PositionView(UUID id, String symbol, BigDecimal quantity, BigDecimal entryPrice, LocalDate entryDate,
                        LocalDate exitDate, BigDecimal exitPrice, BigDecimal realizedPnl, Double price,
                        LocalDate priceDate, Double marketValue, Double unrealizedPnl, LocalDate valuedOn,
                        String sectorTag) {
    }

    record ClosePositionRequest(LocalDate exitDate, BigDecimal exitPrice) {
    }

    record SectorsView(UUID portfolioId, LocalDate date, Map<String, SectorExposure.Bucket> sectors) {
    }

    /**
     * The snapshots in date order and, aligned with them, each factor's portfolio exposure per snapshot date (null
     * where that date has none, e.g. a partial date).
     */
    record SnapshotsView(UUID portfolioId, LocalDate from, LocalDate to, List<AnalyticsStore.StoredSnapshot> snapshots,
                         Map<String, List<Double>> factorExposures) implements CsvTable {
        @Override
        public List<String> csvHeader() {
            List<String> header = new ArrayList<>(List.of("date", "nav", "dailyPnl", "cumulativePnl", "dailyReturn",
                    "longValue", "shortValue", "grossExposure", "netExposure", "cash", "positions", "priceDate",
                    "oldestPriceDate", "priceStalenessDays", "factorDate", "factorCoverage", "partial", "hhi"));
            header.addAll(factorExposures.keySet());
            return header;
        }

        @Override
        public List<List<?>> csvRows() {
            List<List<?>> rows = new ArrayList<>();
            for (int i = 0; i < snapshots.size(); i++) {
                AnalyticsStore.StoredSnapshot s = snapshots.get(i);
                List<Object> row = PortfolioSeriesController.cells(s.date(), s.nav(), s.dailyPnl(), s.cumulativePnl(),
                        s.dailyReturn(), s.longValue(), s.shortValue(), s.grossExposure(), s.netExposure(), s.cash(),
                        s.positions(), s.priceDate(), s.oldestPriceDate(), s.priceStalenessDays(), s.factorDate(),
                        s.factorCoverage(), s.partial(), s.concentration().hhi());
                for (List<Double> column : factorExposures.values()) {
                    row.add(column.get(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    record PortfolioView(UUID id, String name, BigDecimal equity, String currency, List<PositionView> positions) {
    }

    record FactorExposure(double exposure, double dollar) {
    }

    /** Freshness: the close date used (newest and oldest) and how many trading days the oldest lags the date. */
    record ExposuresView(UUID portfolioId, LocalDate date, LocalDate priceDate, LocalDate oldestPriceDate,
                         Integer priceStalenessDays, LocalDate factorDate, BigDecimal nav, double coverage,
                         boolean partial, Map<String, FactorExposure> factors) {
    }

    private final PortfolioCommands commands;
    private final PortfolioStore portfolios;
    private final AnalyticsStore analytics;
    private final RiskStore risk;
    private final PositionTags tags;
    private final MarketClock market;

    PortfolioController(PortfolioCommands commands, PortfolioStore portfolios, AnalyticsStore analytics,
                        RiskStore risk, PositionTags tags, MarketClock market) {
        this.commands = commands;
        this.portfolios = portfolios;
        this.analytics = analytics;
        this.risk = risk;
        this.tags = tags;
        this.market = market;
    }

    @PostMapping
    ResponseEntity<Created> create(@RequestBody CreatePortfolioRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("request body is required");
        }
        if (request.positions() == null) {
            throw new IllegalArgumentException("positions is required (it may be an empty list)");
        }
        PositionEvent.PortfolioInfo info = new PositionEvent.PortfolioInfo(request.name(), request.equity(), "USD");
        List<PositionEvent.Position> positions = new ArrayList<>();
        for (int i = 0; i < request.positions().size(); i++) {
            PositionRequest p = request.positions().get(i);
            if (p == null) {
                throw new IllegalArgumentException("positions[" + i + "] is null");
            }
            try {
                positions.add(toPosition(p));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("positions[" + i + "]: " + e.getMessage(), e);
            }
        }
        UUID id = UUID.randomUUID();
        UUID runId = UUID.randomUUID();
        commands.create(new PortfolioCommands.CreatePortfolio(id, info, positions, runId));
        return ResponseEntity.created(URI.create("/api/portfolios/" + id)).body(new Created(id, runId));
    }

    @GetMapping("/{id}")
    PortfolioView get(@PathVariable UUID id) {
        PortfolioStore.Portfolio p = portfolios.find(id).orElseThrow(() -> notFound(id));
        Optional<LocalDate> latest = risk.latestDate(id);
        Map<UUID, PositionValuation.Value> values = new HashMap<>();
        latest.ifPresent(d -> risk.positions(id, d).forEach(v -> values.put(v.positionId(), v)));
        Map<UUID, String> sectors = new HashMap<>();
        tags.list(id).stream().filter(t -> t.kind() == TagStore.Kind.SECTOR)
                .forEach(t -> t.positionIds().forEach(position -> sectors.put(position, t.name())));
        List<PositionView> views = portfolios.positions(id).stream().map(pos -> {
            PositionValuation.Value v = values.get(pos.id());
            if (v == null && pos.exitDate() != null && pos.exitPrice() != null) {
                // closed before the latest computed date: valued at its exit
                double exitValue = pos.quantity().doubleValue() * pos.exitPrice().doubleValue()
                        * InstrumentClass.of(pos.symbol()).multiplier();
                return view(pos, pos.exitPrice().doubleValue(), pos.exitDate(), exitValue, null, pos.exitDate(),
                        sectors.get(pos.id()));
            }
            return v == null ? view(pos, null, null, null, null, null, sectors.get(pos.id()))
                    : view(pos, v.price(), v.priceDate(), v.marketValue(), v.unrealizedPnl(), latest.get(),
                    sectors.get(pos.id()));
        }).toList();
        return new PortfolioView(p.id(), p.name(), p.equity(), p.currency(), views);
    }

    private static PositionView view(Position pos, Double price, LocalDate priceDate,
                                     Double marketValue, Double unrealized, LocalDate valuedOn, String sector) {
        return new PositionView(pos.id(), pos.symbol(), pos.quantity(), pos.entryPrice(), pos.entryDate(),
                pos.exitDate(), pos.exitPrice(), realizedPnl(pos), price, priceDate, marketValue, unrealized, valuedOn,
                sector);
    }

    /** One date; with {@code from} or {@code to} the series ({@link PortfolioSeriesController}) answers. */
    @GetMapping(value = "/{id}/exposures", params = {"!from", "!to"})
    ExposuresView exposures(@PathVariable UUID id,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        portfolios.find(id).orElseThrow(() -> notFound(id));
        AnalyticsStore.StoredAnalytics a = (date == null ? analytics.latest(id) : analytics.find(id, date))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, date == null
                        ? "portfolio " + id + " has no exposures yet (its symbols may still be onboarding)"
                        : "portfolio " + id + " has no exposures for " + date));
        Map<String, FactorExposure> factors = new LinkedHashMap<>();
        a.factors().forEach((f, v) -> factors.put(f, new FactorExposure(v[0], v[1])));
        var snapshot = analytics.snapshots(id, a.date(), a.date()).stream().findFirst();
        return new ExposuresView(id, a.date(), a.priceDate(),
                snapshot.map(AnalyticsStore.StoredSnapshot::oldestPriceDate).orElse(null),
                snapshot.map(AnalyticsStore.StoredSnapshot::priceStalenessDays).orElse(null),
                snapshot.map(AnalyticsStore.StoredSnapshot::factorDate).orElse(null), a.nav(), a.coverage(),
                a.partial(), factors);
    }

    @PostMapping("/{id}/positions")
    ResponseEntity<PositionView> addPosition(@PathVariable UUID id, @RequestBody PositionRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("request body is required");
        }
        PositionEvent.Position position = toPosition(request);
        commands.addPosition(new PortfolioCommands.AddPosition(id, position, UUID.randomUUID()));
        PositionView view = get(id).positions().stream().filter(p -> p.id().equals(position.positionId()))
                .findFirst().orElseThrow();
        return ResponseEntity.created(URI.create("/api/portfolios/" + id + "/positions/" + position.positionId()))
                .body(view);
    }

    @PostMapping("/{id}/positions/{positionId}/close")
    PositionView closePosition(@PathVariable UUID id, @PathVariable UUID positionId,
                               @RequestBody ClosePositionRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("request body is required");
        }
        if (request.exitDate() == null) {
            throw new IllegalArgumentException("exitDate is required");
        }
        if (request.exitPrice() == null) {
            throw new IllegalArgumentException("exitPrice is required");
        }
        commands.closePosition(new PortfolioCommands.ClosePosition(id, positionId, request.exitDate(),
                request.exitPrice(), UUID.randomUUID()));
        return get(id).positions().stream().filter(p -> p.id().equals(positionId)).findFirst().orElseThrow();
    }

    @GetMapping(value = "/{id}/snapshots",
            produces = {MediaType.APPLICATION_JSON_VALUE, CsvTableConverter.TEXT_CSV_VALUE})
    SnapshotsView snapshots(@PathVariable UUID id,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        portfolios.find(id).orElseThrow(() -> notFound(id));
        LocalDate last = to != null ? to : analytics.latestSnapshotDate(id)
                .orElseGet(market::latestCompletedSession);
        LocalDate first = from != null ? from : last.minusYears(1);
        if (first.isAfter(last)) {
            throw new IllegalArgumentException("from " + first + " is after to " + last);
        }
        List<AnalyticsStore.StoredSnapshot> snapshots = analytics.snapshots(id, first, last);
        Map<LocalDate, Map<String, double[]>> byDate = new HashMap<>();
        analytics.series(id, first, last).forEach(a -> byDate.put(a.date(), a.factors()));
        Map<String, List<Double>> factors = new TreeMap<>();
        byDate.values().forEach(f -> f.keySet().forEach(name -> factors.putIfAbsent(name, new ArrayList<>())));
        for (AnalyticsStore.StoredSnapshot s : snapshots) {
            Map<String, double[]> onDate = byDate.getOrDefault(s.date(), Map.of());
            factors.forEach((name, column) -> column.add(onDate.containsKey(name) ? onDate.get(name)[0] : null));
        }
        return new SnapshotsView(id, first, last, snapshots, factors);
    }

    @GetMapping("/{id}/sectors")
    SectorsView sectors(@PathVariable UUID id,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        portfolios.find(id).orElseThrow(() -> notFound(id));
        LocalDate day = date != null ? date : analytics.latestSnapshotDate(id).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "portfolio " + id + " has no snapshots yet"));
        if (analytics.snapshots(id, day, day).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "portfolio " + id + " has no snapshot for " + day);
        }
        return new SectorsView(id, day, analytics.sectors(id, day));
    }

    @ExceptionHandler(PortfolioCommands.NotFound.class)
    ProblemDetail notFound(PortfolioCommands.NotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    private static PositionEvent.Position toPosition(PositionRequest p) {
        String symbol = p.symbol() == null ? null : p.symbol().trim().toUpperCase(Locale.ROOT);
        return new PositionEvent.Position(UUID.randomUUID(), symbol, p.quantity(), p.entryPrice(), p.entryDate(),
                null, null, null);
    }

    /** (exit − entry) × quantity × multiplier once the position is closed at a known price. */
    private static BigDecimal realizedPnl(Position p) {
        if (p.exitDate() == null || p.exitPrice() == null) {
            return null;
        }
        return p.exitPrice().subtract(p.entryPrice()).multiply(p.quantity())
                .multiply(BigDecimal.valueOf(InstrumentClass.of(p.symbol()).multiplier()));
    }

    private static ResponseStatusException notFound(UUID id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "portfolio " + id + " not found");
    }
}
