package io.riskstream.factor.adapters.http;

import java.util.Locale;
import io.riskstream.factor.application.SymbolMetricsStore;
import io.riskstream.factor.domain.metrics.PeriodReturns;
import io.riskstream.factor.domain.metrics.SymbolMetrics;
import io.riskstream.factor.domain.metrics.Valuation;
import io.riskstream.common.web.CsvTable;
import io.riskstream.common.web.CsvTableConverter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Read side: a symbol's metrics for a date (default: the latest date computed). */
@RestController
@RequestMapping("/api/symbols")
class SymbolMetricsController {

    record SymbolMetricsResponse(String symbol, LocalDate date, Double currentPrice, PeriodReturns returns,
                                 Valuation valuation, boolean hasFactors, int dataQualityScore) {

        static SymbolMetricsResponse of(SymbolMetrics m) {
            return new SymbolMetricsResponse(m.symbol(), m.metricsDate(), m.currentPrice(), m.returns(), m.valuation(),
                    m.hasFactors(), m.dataQualityScore());
        }
    }

    /** Many symbols' metrics on one date (the legacy dashboard's read), in the requested order. */
    record SymbolMetricsPage(LocalDate date, String sort, int limit, List<SymbolMetricsResponse> symbols)
            implements CsvTable {
        @Override
        public List<String> csvHeader() {
            return List.of("symbol", "date", "currentPrice", "return1d", "returnMtd", "returnYtd", "return1m",
                    "return3m", "return1y", "name", "sector", "marketCap", "peRatio", "forwardPe", "dividendYield",
                    "hasFactors", "dataQualityScore");
        }

        @Override
        public List<List<?>> csvRows() {
            List<List<?>> rows = new ArrayList<>();
            for (SymbolMetricsResponse m : symbols) {
                PeriodReturns r = m.returns();
                Valuation v = m.valuation() == null ? new Valuation(null, null, null, null, null, null) : m.valuation();
                rows.add(Arrays.asList(m.symbol(), m.date(), m.currentPrice(), r.oneDay(), r.monthToDate(),
                        r.yearToDate(), r.oneMonth(), r.threeMonths(), r.oneYear(), v.name(), v.sector(),
                        v.marketCap(), v.peRatio(), v.forwardPe(), v.dividendYield(), m.hasFactors(),
                        m.dataQualityScore()));
            }
            return rows;
        }
    }

    static final int MAX_LIMIT = 1000;

    private final SymbolMetricsStore metrics;

    SymbolMetricsController(SymbolMetricsStore metrics) {
        this.metrics = metrics;
    }

    /**
     * {@code sort}: a field name, {@code -} in front for descending (unknown values last, ties by symbol);
     * {@code date}: default the latest date any symbol has metrics for.
     */
    @GetMapping(value = "/metrics", produces = {MediaType.APPLICATION_JSON_VALUE, CsvTableConverter.TEXT_CSV_VALUE})
    SymbolMetricsPage many(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                           @RequestParam(defaultValue = "symbol") String sort,
                           @RequestParam(defaultValue = "100") int limit) {
        boolean descending = sort.startsWith("-");
        String name = descending ? sort.substring(1) : sort;
        SymbolMetricsStore.SortField field = SymbolMetricsStore.SortField.fromWireName(name).orElseThrow(() ->
                new IllegalArgumentException("sort must be one of " + Arrays.stream(SymbolMetricsStore.SortField.values())
                        .map(SymbolMetricsStore.SortField::wireName).toList() + " (with - for descending), got " + sort));
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + ", got " + limit);
        }
        LocalDate day = date != null ? date : metrics.latestDate()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no symbol has metrics yet"));
        List<SymbolMetricsResponse> found = metrics.onDate(day, field, descending, limit).stream()
                .map(SymbolMetricsResponse::of).toList();
        return new SymbolMetricsPage(day, sort, limit, found);
    }

    @GetMapping("/{symbol}/metrics")
    SymbolMetricsResponse metrics(@PathVariable String symbol,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        String s = symbol.toUpperCase(Locale.ROOT);
        SymbolMetrics found = (date == null ? metrics.latest(s) : metrics.find(s, date))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, date == null
                        ? "no metrics for symbol " + s
                        : "no metrics for symbol " + s + " on " + date));
        return SymbolMetricsResponse.of(found);
    }
}
