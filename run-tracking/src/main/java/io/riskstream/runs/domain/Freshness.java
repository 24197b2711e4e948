package io.riskstream.runs.domain;

import io.riskstream.common.calendar.TradingCalendar;

import java.time.LocalDate;

/**
 * How old a dataset's latest date is, in trading days: the sessions after it up to the latest completed one. A
 * weekend or a holiday is not staleness (a Friday close is current on the Monday of a holiday).
 */
public final class Freshness {

    /** The buckets of the freshness gauges. */
    public enum Staleness {
        CURRENT("current"), ONE_DAY("1"), TWO_OR_MORE("2+");

        private final String label;

        Staleness(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Staleness of(int tradingDaysBehind) {
            return tradingDaysBehind <= 0 ? CURRENT : tradingDaysBehind == 1 ? ONE_DAY : TWO_OR_MORE;
        }
    }

    private Freshness() {
    }

    public static int tradingDaysBehind(LocalDate latest, LocalDate latestSession, TradingCalendar calendar) {
        if (!latest.isBefore(latestSession)) {
            return 0;
        }
        return calendar.tradingDays(latest.plusDays(1), latestSession).size();
    }
}
