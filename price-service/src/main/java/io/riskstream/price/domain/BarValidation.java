package io.riskstream.price.domain;

import io.riskstream.common.calendar.TradingCalendar;
import io.riskstream.common.marketdata.DailyBar;

import java.util.ArrayList;
import java.util.List;

/**
 * Which fetched bars may be stored: a trading day, prices positive and finite, high not below low, volume not
 * negative, inside the requested range, one per date. Invalid bars are dropped with a reason, never stored.
 */
public final class BarValidation {

    public record Rejected(DailyBar bar, String reason) {
    }

    public record Result(List<DailyBar> valid, List<Rejected> rejected) {
    }

    private static final double MAX_PRICE = 1e9;

    private BarValidation() {
    }

    public static Result validate(List<DailyBar> bars, TradingCalendar calendar) {
        List<DailyBar> valid = new ArrayList<>(bars.size());
        List<Rejected> rejected = new ArrayList<>();
        DailyBar previous = null;
        for (DailyBar bar : bars) {
            String reason = problem(bar, calendar);
            if (reason == null && previous != null && !bar.date().isAfter(previous.date())) {
                reason = "date " + bar.date() + " is not after " + previous.date() + " (duplicate or unsorted)";
            }
            if (reason == null) {
                valid.add(bar);
                previous = bar;
            } else {
                rejected.add(new Rejected(bar, reason));
            }
        }
        return new Result(valid, rejected);
    }

    private static String problem(DailyBar bar, TradingCalendar calendar) {
        if (bar.date() == null) {
            return "no date";
        }
        if (!calendar.isTradingDay(bar.date())) {
            return bar.date() + " is not a trading day";
        }
        if (!price(bar.adjClose())) {
            return "adjusted close " + bar.adjClose() + " is not a positive finite price";
        }
        for (Double p : new Double[]{bar.open(), bar.high(), bar.low(), bar.close()}) {
            if (p != null && !price(p)) {
                return "price " + p + " is not a positive finite price";
            }
        }
        if (bar.high() != null && bar.low() != null && bar.high() < bar.low()) {
            return "high " + bar.high() + " is below low " + bar.low();
        }
        if (bar.volume() != null && bar.volume() < 0) {
            return "volume " + bar.volume() + " is negative";
        }
        return null;
    }

    private static boolean price(double p) {
        return Double.isFinite(p) && p > 0 && p < MAX_PRICE;
    }
}
