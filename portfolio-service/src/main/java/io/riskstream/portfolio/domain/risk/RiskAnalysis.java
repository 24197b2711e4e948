package io.riskstream.portfolio.domain.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Every risk analytic of one (portfolio, date), from the inputs a drain has already read. */
public final class RiskAnalysis {

    /**
     * @param marketValues public symbols held on the date → signed market value
     * @param exposures    factor → {exposure, dollar exposure} on the date
     * @param coverage     share of the gross exposure held in symbols with betas on the date
     * @param betas        symbol → factor → beta on the date
     * @param fits         symbol → market-beta fit on the date
     * @param sectors      symbol → profile sector, where known
     */
    public record Inputs(LocalDate date, double nav, double netExposure, Map<String, Double> marketValues,
                         Map<String, double[]> exposures, double coverage, Map<String, Map<String, Double>> betas,
                         Map<String, SnapshotBetas.Fit> fits, PriceHistories histories, Map<String, String> sectors) {
    }

    private final StressCatalogue catalogue;
    /**
     * The factor correlations of a date are the same for every portfolio: kept for the last few (date, proxy series)
     * keys, so a daily close computes them once, not once per portfolio.
     */
    private final Map<List<Object>, FactorCorrelations> factorCorrelations = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, FactorCorrelations> eldest) {
            return size() > 64;
        }
    };

    public RiskAnalysis(StressCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The lookback, in calendar days before the first date, whose adjusted closes the analytics read. */
    public int lookbackDays() {
        return Math.max(Math.max(VolatilityAnalysis.LOOKBACK_DAYS, CorrelationAnalysis.WINDOW_DAYS),
                catalogue.correlation().lookbackDays());
    }

    /** The symbols whose returns stand for the factors (their closes are read besides the held symbols'). */
    public Set<String> proxySymbols() {
        return new TreeSet<>(catalogue.proxies().values());
    }

    /** The dates whose analytics read some closes of a symbol, and whose: every portfolio's, or its holders' only. */
    public record ClosesReadBy(LocalDate from, LocalDate to, boolean everyPortfolio) {
    }

    /**
     * Who reads the closes of {@code symbol} dated in [from, through]: the dates up to a lookback after them, of
     * every portfolio when the symbol stands for a factor in the stress tests, of its holders otherwise.
     */
    public ClosesReadBy closesReadBy(String symbol, LocalDate from, LocalDate through) {
        return new ClosesReadBy(from, through.plusDays(lookbackDays()), proxySymbols().contains(symbol));
    }

    public RiskAnalytics analyse(Inputs in) {
        SnapshotBetas betas = SnapshotBetas.compute(in.marketValues(), in.nav(), in.fits(), in.betas());
        Volatility volatility = VolatilityAnalysis.compute(in.date(), in.marketValues(), in.histories());
        Correlations correlations = CorrelationAnalysis.compute(in.date(), in.marketValues(), in.nav(), in.histories(),
                in.sectors());
        List<StressResult> stress = StressTest.run(catalogue, in.exposures(), in.netExposure(),
                factorCorrelations(in.date(), in.histories()));
        List<String> stressReasons = new ArrayList<>();
        if (in.exposures().isEmpty()) {
            stressReasons.add("no factor exposures on the date");
        } else if (in.coverage() < 1) {
            stressReasons.add(String.format("factor exposures cover %.4f%% of the gross exposure (holdings without "
                    + "betas on the date add nothing)", 100 * in.coverage()));
        }
        return new RiskAnalytics(betas, volatility, correlations, stress, stressReasons, catalogue.version());
    }

    private FactorCorrelations factorCorrelations(LocalDate date, PriceHistories histories) {
        List<Object> key = new ArrayList<>(histories.identity(catalogue.proxies().values()));
        key.add(date);
        synchronized (factorCorrelations) {
            FactorCorrelations cached = factorCorrelations.get(key);
            if (cached != null) {
                return cached;
            }
        }
        FactorCorrelations computed = FactorCorrelations.compute(date, catalogue.proxies(), histories,
                catalogue.correlation());
        synchronized (factorCorrelations) {
            factorCorrelations.put(key, computed);
        }
        return computed;
    }
}
