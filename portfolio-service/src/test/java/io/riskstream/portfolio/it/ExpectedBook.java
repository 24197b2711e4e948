package io.riskstream.portfolio.it;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What a book's analytics must be, worked out here from what a test sent: positions all entered on the first of
 * {@code dates}, starting equity, closes per date and betas per date. NAV rolls forward by the closes' moves;
 * a factor's exposure is Σ market value / NAV × beta over the symbols with a beta for it on the date.
 */
record ExpectedBook(double equity, Map<String, Double> quantities, Map<String, NavigableMap<LocalDate, Double>> closes,
                    List<LocalDate> dates) {

    double nav(LocalDate date) {
        double nav = equity;
        for (int i = 1; i < dates.size() && !dates.get(i - 1).equals(date); i++) {
            LocalDate d = dates.get(i), previous = dates.get(i - 1);
            for (var q : quantities.entrySet()) {
                nav += q.getValue() * (close(q.getKey(), d) - close(q.getKey(), previous));
            }
        }
        return nav;
    }

    double marketValue(String symbol, LocalDate date) {
        return quantities.get(symbol) * close(symbol, date);
    }

    double gross(LocalDate date) {
        return quantities.keySet().stream().mapToDouble(s -> Math.abs(marketValue(s, date))).sum();
    }

    /** factor → Σ MV / NAV × beta over {@code betas} (symbol → date → factor → beta). */
    Map<String, Double> exposures(LocalDate date, Map<String, NavigableMap<LocalDate, Map<String, Double>>> betas) {
        Map<String, Double> exposures = new TreeMap<>();
        double nav = nav(date);
        betas.forEach((symbol, byDate) -> {
            Map<String, Double> onDate = byDate.get(date);
            if (onDate != null) {
                onDate.forEach((factor, beta) -> exposures.merge(factor, marketValue(symbol, date) / nav * beta, Double::sum));
            }
        });
        return exposures;
    }

    /** 10,000 · Σ (|MV| / Σ |MV|)². */
    double hhi(LocalDate date) {
        double gross = gross(date);
        return 10_000 * quantities.keySet().stream().mapToDouble(s -> Math.pow(Math.abs(marketValue(s, date)) / gross, 2))
                .sum();
    }

    private double close(String symbol, LocalDate date) {
        return closes.get(symbol).floorEntry(date).getValue();
    }
}
