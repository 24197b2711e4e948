package io.riskstream.factor.domain.metrics;

/**
 * Simple returns {@code P(D) / P(reference) − 1} over the usual periods; null where the price on D or the reference
 * close is missing.
 */
public record PeriodReturns(Double oneDay, Double monthToDate, Double yearToDate, Double oneMonth,
                            Double threeMonths, Double oneYear) {

    public static final PeriodReturns NONE = new PeriodReturns(null, null, null, null, null, null);
}
