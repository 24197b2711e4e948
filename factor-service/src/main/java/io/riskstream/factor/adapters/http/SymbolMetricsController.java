package io.riskstream.factor.adapters.http;

import java.util.Locale;
import io.riskstream.factor.application.SymbolMetricsStore;
import io.riskstream.factor.domain.metrics.PeriodReturns;
import io.riskstream.factor.domain.metrics.SymbolMetrics;
import io.riskstream.factor.domain.metrics.Valuation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.LocalDate;

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

    private final SymbolMetricsStore metrics;

    SymbolMetricsController(SymbolMetricsStore metrics) {
        this.metrics = metrics;
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
