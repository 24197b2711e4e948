package io.riskstream.factor.domain.exposure;

import io.riskstream.factor.domain.returns.DailyPrices;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * Daily prices of one symbol (adjusted close or close, the caller's choice), dates strictly ascending and prices
 * finite and positive. The arrays are copied in and out.
 */
public record PriceSeries(String symbol, LocalDate[] dates, double[] prices) {

    public PriceSeries {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("symbol must not be blank");
        }
        Objects.requireNonNull(dates, symbol + ": dates");
        Objects.requireNonNull(prices, symbol + ": prices");
        if (dates.length != prices.length) {
            throw new IllegalArgumentException(
                    symbol + ": " + dates.length + " dates but " + prices.length + " prices");
        }
        dates = dates.clone();
        prices = prices.clone();
        for (int i = 0; i < dates.length; i++) {
            LocalDate date = dates[i];
            if (date == null) {
                throw new IllegalArgumentException(symbol + ": date missing at position " + i);
            }
            if (i > 0 && !date.isAfter(dates[i - 1])) {
                throw new IllegalArgumentException(date.isEqual(dates[i - 1])
                        ? symbol + ": duplicate date " + date
                        : symbol + ": dates not ascending, " + date + " after " + dates[i - 1]);
            }
            if (!(prices[i] > 0) || Double.isInfinite(prices[i])) {
                throw new IllegalArgumentException(
                        symbol + ": price " + prices[i] + " on " + date + " must be finite and positive");
            }
        }
    }

    @Override
    public LocalDate[] dates() {
        return dates.clone();
    }

    @Override
    public double[] prices() {
        return prices.clone();
    }

    public int size() {
        return prices.length;
    }

    DailyPrices toDailyPrices() {
        return toDailyPrices(LocalDate.MIN);
    }

    /** The prices dated on or after {@code from}, keyed by epoch day. */
    DailyPrices toDailyPrices(LocalDate from) {
        int first = Arrays.binarySearch(dates, from);
        first = first >= 0 ? first : -first - 1;
        int[] days = new int[dates.length - first];
        for (int i = 0; i < days.length; i++) {
            days[i] = Math.toIntExact(dates[first + i].toEpochDay());
        }
        return new DailyPrices(symbol, days, Arrays.copyOfRange(prices, first, prices.length));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PriceSeries other && symbol.equals(other.symbol)
                && Arrays.equals(dates, other.dates) && Arrays.equals(prices, other.prices);
    }

    @Override
    public int hashCode() {
        return Objects.hash(symbol, Arrays.hashCode(dates), Arrays.hashCode(prices));
    }

    @Override
    public String toString() {
        return "PriceSeries[" + symbol + ", " + prices.length + " prices"
                + (prices.length == 0 ? "" : ", " + dates[0] + ".." + dates[dates.length - 1]) + "]";
    }
}
