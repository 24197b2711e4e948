package io.riskstream.portfolio.adapters.http;

import io.riskstream.common.web.CsvTable;
import io.riskstream.common.web.CsvTableConverter;
import io.riskstream.portfolio.application.AnalyticsStore;
import io.riskstream.portfolio.application.PortfolioStore;
import io.riskstream.portfolio.application.ReadContributions;
import io.riskstream.portfolio.domain.FactorContributions;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Read side in series: the portfolios page by page, a portfolio's factor exposures over a date range in columnar
 * form, and each position's contribution to them on a date. JSON by default, CSV with {@code Accept: text/csv}.
 */
@RestController
@RequestMapping(value = "/api/portfolios", produces = {MediaType.APPLICATION_JSON_VALUE, CsvTableConverter.TEXT_CSV_VALUE})
class PortfolioSeriesController {

    static final int MAX_PAGE_SIZE = 500;

    record PortfolioPage(int page, int size, long total, List<AnalyticsStore.PortfolioSummary> portfolios)
            implements CsvTable {
        @Override
        public List<String> csvHeader() {
            return List.of("id", "name", "currency", "equity", "latestDate", "nav", "coverage", "partial");
        }

        @Override
        public List<List<?>> csvRows() {
            return portfolios.stream().<List<?>>map(p -> cells(p.id(), p.name(), p.currency(), p.equity(),
                    p.latestDate(), p.nav(), p.coverage(), p.partial())).toList();
        }
    }

    /**
     * Columnar exposures: one entry per stored date in every list; {@code factors} maps each factor any date has to
     * its exposure per date (null where that date has none).
     */
    record ExposureSeries(UUID portfolioId, LocalDate from, LocalDate to, List<LocalDate> dates,
                          List<LocalDate> priceDates, List<BigDecimal> nav, List<Double> coverage,
                          List<Boolean> partial, Map<String, List<Double>> factors) implements CsvTable {
        @Override
        public List<String> csvHeader() {
            List<String> header = new ArrayList<>(List.of("date", "priceDate", "nav", "coverage", "partial"));
            header.addAll(factors.keySet());
            return header;
        }

        @Override
        public List<List<?>> csvRows() {
            List<List<?>> rows = new ArrayList<>();
            for (int i = 0; i < dates.size(); i++) {
                List<Object> row = cells(dates.get(i), priceDates.get(i), nav.get(i), coverage.get(i), partial.get(i));
                for (List<Double> column : factors.values()) {
                    row.add(column.get(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    record PositionContribution(UUID positionId, String symbol, double weight, Map<String, Double> betas,
                                Map<String, Double> contributions) {
    }

    /**
     * {@code totals}: Σ contribution per factor in the valuation's order; {@code exposures}: the stored portfolio
     * exposures they add up to.
     */
    record ContributionsView(UUID portfolioId, LocalDate date, BigDecimal nav, double coverage, boolean partial,
                             List<PositionContribution> positions, Map<String, Double> totals,
                             Map<String, Double> exposures) implements CsvTable {
        @Override
        public List<String> csvHeader() {
            List<String> header = new ArrayList<>(List.of("positionId", "symbol", "weight"));
            for (String factor : factorNames()) {
                header.add(factor + "_beta");
                header.add(factor + "_contribution");
            }
            return header;
        }

        @Override
        public List<List<?>> csvRows() {
            List<List<?>> rows = new ArrayList<>();
            for (PositionContribution p : positions) {
                List<Object> row = cells(p.positionId(), p.symbol(), p.weight());
                for (String factor : factorNames()) {
                    row.add(p.betas().get(factor));
                    row.add(p.contributions().get(factor));
                }
                rows.add(row);
            }
            return rows;
        }

        private TreeSet<String> factorNames() {
            TreeSet<String> names = new TreeSet<>(exposures.keySet());
            names.addAll(totals.keySet());
            return names;
        }
    }

    private final PortfolioStore portfolios;
    private final AnalyticsStore analytics;
    private final ReadContributions contributions;

    PortfolioSeriesController(PortfolioStore portfolios, AnalyticsStore analytics, ReadContributions contributions) {
        this.portfolios = portfolios;
        this.analytics = analytics;
        this.contributions = contributions;
    }

    @GetMapping
    PortfolioPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more, got " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size must be from 1 to " + MAX_PAGE_SIZE + ", got " + size);
        }
        return new PortfolioPage(page, size, analytics.portfolioCount(),
                analytics.summaries((long) page * size, size));
    }

    /** With {@code from} or {@code to}: the series (without either, {@code ?date=} answers one date). */
    @GetMapping("/{id}/exposures")
    ExposureSeries exposureSeries(@PathVariable UUID id,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        if (date != null && (from != null || to != null)) {
            throw new IllegalArgumentException("date: give either date or from/to, not both");
        }
        portfolios.find(id).orElseThrow(() -> notFound(id));
        LocalDate last = to != null ? to : analytics.latestSnapshotDate(id).orElse(from);
        LocalDate first = from != null ? from : last.minusYears(1);
        if (first.isAfter(last)) {
            throw new IllegalArgumentException("from " + first + " is after to " + last);
        }
        List<AnalyticsStore.StoredAnalytics> rows = analytics.series(id, first, last);
        Map<String, List<Double>> factors = new TreeMap<>();
        rows.forEach(r -> r.factors().keySet().forEach(f -> factors.putIfAbsent(f, new ArrayList<>())));
        for (AnalyticsStore.StoredAnalytics r : rows) {
            factors.forEach((f, column) -> {
                double[] v = r.factors().get(f);
                column.add(v == null ? null : v[0]);
            });
        }
        return new ExposureSeries(id, first, last, rows.stream().map(AnalyticsStore.StoredAnalytics::date).toList(),
                rows.stream().map(AnalyticsStore.StoredAnalytics::priceDate).toList(),
                rows.stream().map(AnalyticsStore.StoredAnalytics::nav).toList(),
                rows.stream().map(AnalyticsStore.StoredAnalytics::coverage).toList(),
                rows.stream().map(AnalyticsStore.StoredAnalytics::partial).toList(), factors);
    }

    @GetMapping("/{id}/contributions")
    ContributionsView contributions(@PathVariable UUID id,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        portfolios.find(id).orElseThrow(() -> notFound(id));
        ReadContributions.Contributions c = contributions.on(id, date)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, date == null
                        ? "portfolio " + id + " has no exposures yet (its symbols may still be onboarding)"
                        : "portfolio " + id + " has no exposures for " + date));
        AnalyticsStore.StoredAnalytics a = c.stored();
        Map<String, Double> exposures = new TreeMap<>();
        a.factors().forEach((f, v) -> exposures.put(f, v[0]));
        List<PositionContribution> positions = c.result().positions().stream()
                .map((FactorContributions.PositionContribution p) -> new PositionContribution(p.positionId(),
                        p.symbol(), p.weight(), p.betas(), p.contributions())).toList();
        return new ContributionsView(id, a.date(), a.nav(), a.coverage(), a.partial(), positions,
                c.result().totals(), exposures);
    }

    static List<Object> cells(Object... values) {
        List<Object> row = new ArrayList<>();
        for (Object v : values) {
            row.add(v);
        }
        return row;
    }

    private static ResponseStatusException notFound(UUID id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "portfolio " + id + " not found");
    }
}
