package io.riskstream.factor.adapters.cli;

import io.riskstream.common.factors.FactorId;
import java.time.LocalDate;

/** The factor values one symbol did not get, summarized for one line on stderr. */
final class Gaps {

    private int values;
    private int dates;
    private LocalDate first;
    private LocalDate last;
    private String example;

    void add(LocalDate date, FactorId factor, String reason) {
        values++;
        if (example == null) {
            example = date + " " + factor.wireName() + ": " + reason;
        }
    }

    void dateIncomplete(LocalDate date) {
        dates++;
        first = first == null || date.isBefore(first) ? date : first;
        last = last == null || date.isAfter(last) ? date : last;
    }

    int count() {
        return values;
    }

    String example() {
        return example == null ? "no reason recorded" : example;
    }

    String summary(int requestedDates) {
        return dates + " of " + requestedDates + " date(s) lack some factors (" + (first.equals(last) ? first
                : first + ".." + last) + "), " + values + " value(s) not computed, e.g. " + example;
    }
}
