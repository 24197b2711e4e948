package io.riskstream.faults;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which share of provider requests {@link FmpSimulator} answers with which fault while its faults are on, how long a
 * {@link Fault#TIMEOUT} holds the answer back, and the seed of the draw that picks the faulty requests.
 */
public record ProviderFaultPlan(Map<Fault, Double> fractions, Duration timeoutDelay, long seed) {

    public static final long DEFAULT_SEED = 42L;
    /** Longer than any client timeout a scenario configures, so the client gives up first. */
    public static final Duration DEFAULT_TIMEOUT_DELAY = Duration.ofSeconds(6);

    /** The ways the simulated provider misbehaves. */
    public enum Fault {
        /** 429 with {@code Retry-After: 1}. */
        RATE_LIMITED,
        /** 500. */
        SERVER_ERROR,
        /** 503. */
        UNAVAILABLE,
        /** Sleeps {@link #timeoutDelay()} and then answers normally. */
        TIMEOUT,
        /** 200 with FMP's "no data" body: {@code []}, or {@code {}} for the daily history. */
        EMPTY
    }

    public ProviderFaultPlan {
        Objects.requireNonNull(timeoutDelay, "timeoutDelay");
        if (timeoutDelay.isNegative()) {
            throw new IllegalArgumentException("timeoutDelay must not be negative: " + timeoutDelay);
        }
        EnumMap<Fault, Double> copy = new EnumMap<>(Fault.class);
        double sum = 0;
        for (var entry : fractions.entrySet()) {
            double f = entry.getValue();
            if (!(f >= 0 && f <= 1)) {
                throw new IllegalArgumentException("fraction of " + entry.getKey() + " must be in [0, 1]: " + f);
            }
            sum += f;
            copy.put(entry.getKey(), f);
        }
        if (sum > 1 + 1e-9) {
            throw new IllegalArgumentException("fault fractions add up to " + sum + ", more than 1");
        }
        fractions = Map.copyOf(copy);
    }

    /** No faults at all, even when switched on. */
    public static ProviderFaultPlan none() {
        return new ProviderFaultPlan(Map.of(), DEFAULT_TIMEOUT_DELAY, DEFAULT_SEED);
    }

    /** {@code fraction} of the requests answered with {@code fault}. */
    public static ProviderFaultPlan only(Fault fault, double fraction) {
        return new ProviderFaultPlan(Map.of(fault, fraction), DEFAULT_TIMEOUT_DELAY, DEFAULT_SEED);
    }

    /** {@code total} of the requests faulty, split evenly over {@code faults}. */
    public static ProviderFaultPlan spread(double total, Collection<Fault> faults) {
        if (faults.isEmpty()) {
            throw new IllegalArgumentException("no fault kinds to spread " + total + " over");
        }
        Map<Fault, Double> fractions = new EnumMap<>(Fault.class);
        faults.forEach(f -> fractions.put(f, total / faults.size()));
        return new ProviderFaultPlan(fractions, DEFAULT_TIMEOUT_DELAY, DEFAULT_SEED);
    }

    public ProviderFaultPlan withTimeoutDelay(Duration delay) {
        return new ProviderFaultPlan(fractions, delay, seed);
    }

    public ProviderFaultPlan withSeed(long newSeed) {
        return new ProviderFaultPlan(fractions, timeoutDelay, newSeed);
    }

    public double fraction(Fault fault) {
        return fractions.getOrDefault(fault, 0.0);
    }

    /** The fault for a uniform draw in [0, 1): the kinds take consecutive slices of that interval; null = no fault. */
    Fault pick(double draw) {
        double upper = 0;
        for (Fault fault : Fault.values()) {
            upper += fraction(fault);
            if (draw < upper) {
                return fault;
            }
        }
        return null;
    }
}
