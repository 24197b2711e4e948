package io.riskstream.factor.application;

import io.riskstream.common.marketdata.PriceColumn;
import io.riskstream.factor.domain.exposure.PriceSeries;
import io.riskstream.factor.domain.metrics.SymbolMetrics;
import io.riskstream.factor.domain.metrics.SymbolMetricsCalculation;
import io.riskstream.factor.domain.metrics.Valuation;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;

/**
 * Symbol metrics for the dates whose exposures were just computed, and the profile's valuation on every stored date
 * when a profile arrives. Runs inside the caller's transaction.
 */
public class RecordSymbolMetrics {

    private final PriceWindowStore prices;
    private final SymbolMetricsStore metrics;
    private final SymbolProfileStore profiles;
    private final SymbolMetricsCalculation calculation;
    private final PriceColumn returnColumn;

    public RecordSymbolMetrics(PriceWindowStore prices, SymbolMetricsStore metrics, SymbolProfileStore profiles,
                               SymbolMetricsCalculation calculation, PriceColumn returnColumn) {
        this.prices = prices;
        this.metrics = metrics;
        this.profiles = profiles;
        this.calculation = calculation;
        this.returnColumn = returnColumn;
    }

    /** Current price is the raw close; returns use the factor price column (total return with adj_close). */
    public void record(String symbol, SortedSet<LocalDate> dates, Set<LocalDate> datesWithFactors) {
        if (dates.isEmpty()) {
            return;
        }
        LocalDate from = dates.first().minusDays(SymbolMetricsCalculation.LOOKBACK_DAYS);
        PriceSeries closes = prices.load(symbol, from, dates.last(), PriceColumn.CLOSE);
        PriceSeries returnPrices = returnColumn == PriceColumn.CLOSE
                ? closes : prices.load(symbol, from, dates.last(), returnColumn);
        Valuation valuation = profiles.find(symbol).orElse(null);
        metrics.upsert(calculation.compute(closes, returnPrices, dates, valuation, datesWithFactors));
    }

    public void applyProfile(String symbol, Valuation valuation) {
        profiles.save(symbol, valuation);
        List<SymbolMetrics> stored = metrics.all(symbol);
        if (!stored.isEmpty()) {
            metrics.upsert(stored.stream().map(m -> m.withValuation(valuation)).toList());
        }
    }
}
