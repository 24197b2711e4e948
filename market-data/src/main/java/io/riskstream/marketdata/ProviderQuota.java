package io.riskstream.marketdata;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A provider key's daily request quota (per calendar day in New York, where the providers count). Every attempt
 * that reaches a provider spends one request; when the day's quota is spent the provider is not asked again until the
 * next day. {@link #inMemory} counts within one process (tools, tests); the services use the JDBC one, so every
 * replica of a service spends the same quota.
 */
public interface ProviderQuota {

    ZoneId DAY_ZONE = ZoneId.of("America/New_York");

    /** Spends {@code permits} requests of today's {@code limit} for {@code provider}; false when they do not fit. */
    boolean tryAcquire(String provider, int limit, int permits);

    /** Requests left today of {@code limit}. */
    long remaining(String provider, int limit);

    static ProviderQuota inMemory(Clock clock) {
        return new InMemory(clock);
    }

    final class InMemory implements ProviderQuota {

        private record Day(String provider, LocalDate day) {
        }

        private final Map<Day, Integer> used = new ConcurrentHashMap<>();
        private final Clock clock;

        InMemory(Clock clock) {
            this.clock = clock;
        }

        @Override
        public boolean tryAcquire(String provider, int limit, int permits) {
            Day key = new Day(provider, LocalDate.now(clock.withZone(DAY_ZONE)));
            boolean[] granted = {false};
            used.compute(key, (k, n) -> {
                int current = n == null ? 0 : n;
                if ((long) current + permits <= limit) {
                    granted[0] = true;
                    return current + permits;
                }
                return current;
            });
            return granted[0];
        }

        @Override
        public long remaining(String provider, int limit) {
            return Math.max(0, limit - used.getOrDefault(new Day(provider, LocalDate.now(clock.withZone(DAY_ZONE))), 0));
        }
    }
}
