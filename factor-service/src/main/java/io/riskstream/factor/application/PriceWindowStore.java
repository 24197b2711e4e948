package io.riskstream.factor.application;

import io.riskstream.common.event.PriceBar;
import io.riskstream.common.marketdata.PriceColumn;
import io.riskstream.factor.domain.exposure.PriceSeries;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** factor-service's own copy of the prices its regressions need, fed by prices-ready. */
public interface PriceWindowStore {

    /** Stores the bars; returns how many rows were new or changed (0: every bar was stored as it is). */
    int upsert(String symbol, List<PriceBar> bars);

    /** Replaces the symbol's whole stored history (after a split or a re-adjustment). */
    void replace(String symbol, List<PriceBar> bars);

    PriceSeries load(String symbol, LocalDate from, LocalDate to, PriceColumn column);

    /** symbol → its series in [from, to] (an empty series when it has no prices there); one query where possible. */
    default Map<String, PriceSeries> loadAll(Collection<String> symbols, LocalDate from, LocalDate to, PriceColumn column) {
        Map<String, PriceSeries> series = new LinkedHashMap<>();
        symbols.forEach(s -> series.put(s, load(s, from, to, column)));
        return series;
    }

    Optional<LocalDate> latest(String symbol);

    /** The earliest of the symbols' latest dates: empty while one of them has no price at all. */
    default Optional<LocalDate> coverage(Collection<String> symbols) {
        LocalDate coverage = null;
        for (String symbol : symbols) {
            Optional<LocalDate> latest = latest(symbol);
            if (latest.isEmpty()) {
                return Optional.empty();
            }
            coverage = coverage == null || latest.get().isBefore(coverage) ? latest.get() : coverage;
        }
        return Optional.ofNullable(coverage);
    }

    List<LocalDate> dates(String symbol, LocalDate from, LocalDate to);
}
