package io.riskstream.price.adapters.http;

import io.riskstream.common.event.Contract;
import io.riskstream.common.marketdata.DailyBar;
import io.riskstream.price.application.BarStore;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /api/prices/{symbol}[?from=&to=]}: the stored bars, each with the provider that answered it
 * ({@code source}); without dates, the last year up to the newest bar.
 */
@RestController
@RequestMapping("/api/prices")
class PriceController {

    record BarView(LocalDate date, Double open, Double high, Double low, Double close, double adjClose, Long volume,
                   String source) {
    }

    record PricesView(String symbol, LocalDate from, LocalDate to, List<BarView> bars) {
    }

    private final BarStore bars;

    PriceController(BarStore bars) {
        this.bars = bars;
    }

    @GetMapping("/{symbol}")
    PricesView prices(@PathVariable String symbol, @RequestParam(required = false) LocalDate from,
                      @RequestParam(required = false) LocalDate to) {
        String s = Contract.checkSymbol(symbol.trim().toUpperCase(Locale.ROOT), "symbol");
        BarStore.StoredRange range = bars.range(s).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no bars stored for " + s));
        LocalDate end = to == null ? range.last() : to;
        LocalDate start = from == null ? end.minusYears(1) : from;
        if (start.isAfter(end)) {
            throw new IllegalArgumentException("from: " + start + " is after to " + end);
        }
        List<BarView> out = bars.load(s, start, end).stream().map(PriceController::view).toList();
        return new PricesView(s, start, end, out);
    }

    private static BarView view(DailyBar b) {
        return new BarView(b.date(), b.open(), b.high(), b.low(), b.close(), b.adjClose(), b.volume(), b.source());
    }
}
