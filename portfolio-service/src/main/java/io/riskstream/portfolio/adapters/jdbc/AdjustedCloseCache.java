package io.riskstream.portfolio.adapters.jdbc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each symbol's adjusted closes from some date on, as last read, with the price version they were read at. A drain
 * reads the versions of its symbols (one small query) and only the histories whose version moved; on a daily close a
 * thousand portfolios share a few hundred symbols, so the year of closes each needs is mostly read once, not once per
 * portfolio. Bounded, least recently used first out. Hand-written: a map in a lock is all it needs (a cache library
 * would add a dependency for these lines).
 */
final class AdjustedCloseCache {

    /** Closes of one symbol from {@code fromDay} (epoch day) on, at {@code version}; arrays never change. */
    record Cached(long version, long fromDay, long[] days, double[] closes) {
    }

    private final Map<String, Cached> entries;

    AdjustedCloseCache(int capacity) {
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The entry, when it is at {@code version} and reaches back to {@code fromDay}. */
    synchronized Cached get(String symbol, long version, long fromDay) {
        Cached e = entries.get(symbol);
        return e != null && e.version() == version && e.fromDay() <= fromDay ? e : null;
    }

    synchronized void put(String symbol, Cached entry) {
        Cached old = entries.get(symbol);
        // a concurrent reader may hold an older version: keep the newest
        if (old == null || old.version() < entry.version()
                || old.version() == entry.version() && old.fromDay() > entry.fromDay()) {
            entries.put(symbol, entry);
        }
    }
}
