package io.riskstream.portfolio.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * When a requested (portfolio, date) can be valued: once every public symbol open on the date has a close at all
 * (its first prices-ready may still be on the way when its factors-ready overtook it) and its betas for the date
 * (unless the date is before its first betas, which it will never get), or once the date has waited out the grace
 * period, when it goes ahead partial. A "no" is a {@link Wait} naming what is missing, not an exception.
 */
public final class Readiness {

    /** What a date still lacks of a symbol's data. */
    public enum Missing {
        CLOSES("no close yet"), BETAS("no betas for the date");

        private final String reason;

        Missing(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    public sealed interface Decision permits Ready, Wait {
        LocalDate date();
    }

    /**
     * The date can be valued now. {@code withoutBetas}: its symbols without betas for the date (they make it partial);
     * {@code gaveUpOn}: what it stopped waiting for when the grace period ran out (empty when nothing).
     */
    public record Ready(LocalDate date, Set<String> withoutBetas, Map<String, Missing> gaveUpOn) implements Decision {
    }

    /** The date waits for {@code missing} (symbol → what), at most until {@code until}. */
    public record Wait(LocalDate date, Map<String, Missing> missing, Instant until) implements Decision {
    }

    private final Duration grace;

    /** @param grace how long a date waits for its symbols' data before it goes ahead partial */
    public Readiness(Duration grace) {
        this.grace = grace;
    }

    /**
     * @param needed      the public symbols open on the date
     * @param withBetas   the symbols that have betas for the date
     * @param requestedAt when the date was first requested (the grace period counts from there)
     */
    public Decision decide(LocalDate date, Set<String> needed, Set<String> withBetas, SymbolArrivals arrivals,
                           Instant requestedAt, Instant now) {
        Map<String, Missing> missing = new TreeMap<>();
        Set<String> withoutBetas = new TreeSet<>();
        for (String symbol : needed) {
            boolean hasBetas = withBetas.contains(symbol);
            if (!hasBetas) {
                withoutBetas.add(symbol);
            }
            if (!arrivals.hasCloses(symbol)) {
                missing.put(symbol, Missing.CLOSES);
            } else if (!hasBetas && arrivals.betasExpectedFor(symbol, date)) {
                missing.put(symbol, Missing.BETAS);
            }
        }
        Instant until = requestedAt.plus(grace);
        if (!missing.isEmpty() && until.isAfter(now)) {
            return new Wait(date, missing, until);
        }
        return new Ready(date, withoutBetas, missing);
    }
}
