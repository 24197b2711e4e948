package io.riskstream.portfolio.adapters.http;

import io.riskstream.common.calendar.MarketClock;
import io.riskstream.portfolio.application.PortfolioStore;
import io.riskstream.portfolio.application.RiskStore;
import io.riskstream.portfolio.application.TagStore;
import io.riskstream.portfolio.application.PositionTags;
import io.riskstream.portfolio.domain.PositionValuation;
import io.riskstream.portfolio.domain.risk.CorrelationAnalysis;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The stored risk analytics of a portfolio: snapshot betas, volatility, correlations, stress tests (each for one
 * {@code date}, the latest by default, or a {@code from}/{@code to} range) and the position values of one date.
 */
@RestController
@RequestMapping("/api/portfolios/{id}")
class RiskController {

    record BetasView(UUID portfolioId, LocalDate from, LocalDate to, List<RiskStore.BetasRow> betas) {
    }

    record VolatilityView(UUID portfolioId, LocalDate from, LocalDate to, List<RiskStore.VolatilityRow> volatility) {
    }

    /** Pairs are listed for a single date; a range gives each date's summary and clusters. */
    record CorrelationsView(UUID portfolioId, LocalDate from, LocalDate to, int windowDays, double clusterThreshold,
                            List<RiskStore.CorrelationRow> correlations) {
    }

    record StressView(UUID portfolioId, LocalDate from, LocalDate to, List<RiskStore.StressRow> results) {
    }

    record PositionValueView(UUID positionId, String symbol, double quantity, PositionValuation.Status status,
                             Double price, LocalDate priceDate, Double marketValue, Double weight, double costBasis,
                             Double unrealizedPnl, Double realizedPnl, String note, String sectorTag,
                             List<String> tags) {
    }

    record PositionsView(UUID portfolioId, LocalDate date, List<PositionValueView> positions) {
    }

    private record Range(LocalDate from, LocalDate to) {
        boolean single() {
            return from.equals(to);
        }
    }

    private final PortfolioStore portfolios;
    private final RiskStore risk;
    private final PositionTags tags;
    private final MarketClock market;

    RiskController(PortfolioStore portfolios, RiskStore risk, PositionTags tags, MarketClock market) {
        this.portfolios = portfolios;
        this.risk = risk;
        this.tags = tags;
        this.market = market;
    }

    @GetMapping("/betas")
    BetasView betas(@PathVariable UUID id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Range r = range(id, date, from, to);
        return new BetasView(id, r.from(), r.to(), found(id, r, "betas", risk.betas(id, r.from(), r.to())));
    }

    @GetMapping("/volatility")
    VolatilityView volatility(@PathVariable UUID id,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Range r = range(id, date, from, to);
        return new VolatilityView(id, r.from(), r.to(), found(id, r, "volatility", risk.volatility(id, r.from(), r.to())));
    }

    @GetMapping("/correlations")
    CorrelationsView correlations(@PathVariable UUID id,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Range r = range(id, date, from, to);
        return new CorrelationsView(id, r.from(), r.to(), CorrelationAnalysis.WINDOW_DAYS,
                CorrelationAnalysis.CLUSTER_THRESHOLD, found(id, r, "correlations",
                risk.correlations(id, r.from(), r.to(), r.single())));
    }

    @GetMapping("/stress-tests")
    StressView stressTests(@PathVariable UUID id,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Range r = range(id, date, from, to);
        return new StressView(id, r.from(), r.to(), found(id, r, "stress tests", risk.stress(id, r.from(), r.to())));
    }

    @GetMapping("/positions")
    PositionsView positions(@PathVariable UUID id,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        Range r = range(id, date, null, null);
        List<PositionValuation.Value> values = found(id, r, "position values", risk.positions(id, r.from()));
        Map<UUID, String> sector = new HashMap<>();
        Map<UUID, List<String>> user = new HashMap<>();
        for (TagStore.Tag tag : tags.list(id)) {
            for (UUID position : tag.positionIds()) {
                if (tag.kind() == TagStore.Kind.SECTOR) {
                    sector.put(position, tag.name());
                } else {
                    user.computeIfAbsent(position, p -> new ArrayList<>()).add(tag.name());
                }
            }
        }
        return new PositionsView(id, r.from(), values.stream().map(v -> new PositionValueView(v.positionId(),
                v.symbol(), v.quantity(), v.status(), v.price(), v.priceDate(), v.marketValue(), v.weight(),
                v.costBasis(), v.unrealizedPnl(), v.realizedPnl(), v.note(), sector.get(v.positionId()),
                user.getOrDefault(v.positionId(), List.of()))).toList());
    }

    /** One date (given, or the latest computed) or a range; both at once is a bad request. */
    private Range range(UUID id, LocalDate date, LocalDate from, LocalDate to) {
        portfolios.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "portfolio " + id + " not found"));
        if (date != null && (from != null || to != null)) {
            throw new IllegalArgumentException("date cannot be combined with from/to: give one date, or a range");
        }
        if (date != null) {
            return new Range(date, date);
        }
        if (from == null && to == null) {
            LocalDate latest = risk.latestDate(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "portfolio " + id + " has no risk analytics yet (its symbols may still be onboarding)"));
            return new Range(latest, latest);
        }
        LocalDate last = to != null ? to : risk.latestDate(id).orElseGet(market::latestCompletedSession);
        LocalDate first = from != null ? from : last.minusYears(1);
        if (first.isAfter(last)) {
            throw new IllegalArgumentException("from " + first + " is after to " + last);
        }
        return new Range(first, last);
    }

    /** A single date without rows is a 404 that says which; an empty range is an empty list. */
    private static <T> List<T> found(UUID id, Range r, String what, List<T> rows) {
        if (rows.isEmpty() && r.single()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "portfolio " + id + " has no " + what + " for " + r.from());
        }
        return rows;
    }
}
