package io.riskstream.factor.adapters.http;

import java.util.Locale;
import io.riskstream.common.event.FactorsReady.DatedExposures;
import io.riskstream.common.event.FactorsReady.FactorValue;
import io.riskstream.factor.application.ExposureStore;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.LocalDate;
import java.util.Map;

/** Read side: a symbol's exposures for a date (default: the latest date computed). */
@RestController
@RequestMapping("/api/symbols")
class ExposureController {

    record SymbolExposuresResponse(String symbol, LocalDate date, Map<String, FactorValue> factors) {
    }

    private final ExposureStore exposures;

    ExposureController(ExposureStore exposures) {
        this.exposures = exposures;
    }

    @GetMapping("/{symbol}/exposures")
    SymbolExposuresResponse exposures(@PathVariable String symbol,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        String s = symbol.toUpperCase(Locale.ROOT);
        DatedExposures found = (date == null ? exposures.latest(s) : exposures.find(s, date))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, date == null
                        ? "no exposures for symbol " + s
                        : "no exposures for symbol " + s + " on " + date));
        return new SymbolExposuresResponse(s, found.calculationDate(), found.factors());
    }
}
