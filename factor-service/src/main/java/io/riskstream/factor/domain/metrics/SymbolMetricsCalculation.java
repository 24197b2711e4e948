package io.riskstream.factor.domain.metrics;

import io.riskstream.factor.domain.exposure.PriceSeries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Symbol metrics per date (legacy spec §3, with its exact-date quirks fixed): every reference price is the last close
 * on or before the reference date, so weekends and holidays do not blank a return.
 * <ul>
 *   <li>1d: the close of the previous trading day the symbol has a price for (the bar before D);</li>
 *   <li>MTD: last close on or before the last day of the previous month; YTD: last close of the previous year;</li>
 *   <li>1m / 3m / 1y: last close on or before D − 30 / 90 / 365 calendar days.</li>
 * </ul>
 * A date without its own price has no current price and no returns.
 */
public final class SymbolMetricsCalculation {

    /** Calendar days of history before the first date that every reference can need (1y plus holiday slack). */
    public static final int LOOKBACK_DAYS = 365 + 14;

    /**
     * {@code closes} gives the current price, {@code returnPrices} the returns (adjusted or raw closes, the caller's
     * choice; both series may be the same). {@code valuation} may be null.
     */
    public List<SymbolMetrics> compute(PriceSeries closes, PriceSeries returnPrices, Collection<LocalDate> dates,
            Valuation valuation, Set<LocalDate> datesWithFactors) {
        Objects.requireNonNull(dates, "dates");
        LocalDate[] closeDates = closes.dates();
        double[] closeValues = closes.prices();
        LocalDate[] returnDates = returnPrices.dates();
        double[] returnValues = returnPrices.prices();
        List<SymbolMetrics> out = new ArrayList<>(dates.size());
        for (LocalDate date : dates) {
            int at = Arrays.binarySearch(closeDates, date);
            Double current = at >= 0 ? closeValues[at] : null;
            PeriodReturns returns = returns(returnDates, returnValues, date);
            out.add(new SymbolMetrics(closes.symbol(), date, current, returns, valuation,
                    datesWithFactors.contains(date)));
        }
        return out;
    }

    static PeriodReturns returns(LocalDate[] dates, double[] prices, LocalDate date) {
        int at = Arrays.binarySearch(dates, date);
        if (at < 0) {
            return PeriodReturns.NONE;
        }
        double p = prices[at];
        LocalDate endOfLastMonth = date.withDayOfMonth(1).minusDays(1);
        LocalDate endOfLastYear = LocalDate.of(date.getYear() - 1, 12, 31);
        return new PeriodReturns(
                at > 0 ? p / prices[at - 1] - 1 : null,
                since(p, dates, prices, endOfLastMonth),
                since(p, dates, prices, endOfLastYear),
                since(p, dates, prices, date.minusDays(30)),
                since(p, dates, prices, date.minusDays(90)),
                since(p, dates, prices, date.minusDays(365)));
    }

    private static Double since(double price, LocalDate[] dates, double[] prices, LocalDate reference) {
        int i = Arrays.binarySearch(dates, reference);
        int onOrBefore = i >= 0 ? i : -i - 2;
        return onOrBefore >= 0 ? price / prices[onOrBefore] - 1 : null;
    }
}
