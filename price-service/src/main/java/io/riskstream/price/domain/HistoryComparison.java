package io.riskstream.price.domain;

import io.riskstream.common.marketdata.DailyBar;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Does a provider's history still agree with the stored one? Where both have an adjusted close for a date and they
 * differ by more than rounding, the provider has re-based its history (a split or a dividend re-adjustment).
 */
public final class HistoryComparison {

    /** Relative difference treated as a real change rather than decimal rounding of the provider's numbers. */
    public static final double TOLERANCE = 1e-6;
    /** A one-day move this large on a quote is checked against the provider's history before it is believed. */
    public static final double SUSPICIOUS_MOVE = 0.4;

    private HistoryComparison() {
    }

    /** The first overlapping date whose adjusted close differs, if any. */
    public static Optional<LocalDate> firstDifference(List<DailyBar> stored, List<DailyBar> fetched) {
        Map<LocalDate, Double> byDate = new HashMap<>();
        stored.forEach(b -> byDate.put(b.date(), b.adjClose()));
        for (DailyBar bar : fetched) {
            Double old = byDate.get(bar.date());
            if (old != null && Math.abs(bar.adjClose() / old - 1) > TOLERANCE) {
                return Optional.of(bar.date());
            }
        }
        return Optional.empty();
    }

    public static boolean suspiciousMove(double previousClose, double price) {
        return Math.abs(price / previousClose - 1) > SUSPICIOUS_MOVE;
    }
}
