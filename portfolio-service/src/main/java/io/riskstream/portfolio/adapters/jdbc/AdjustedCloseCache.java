package io.riskstream.portfolio.adapters.jdbc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Each symbol's adjusted closes from some date on, as last read, with the price version (a random id, new with every
 * change of the symbol's closes) they were read at. A drain
 * reads the versions of its symbols (one small query) and only the histories whose version moved; on a daily close a
 * thousand portfolios share a few hundred symbols, so the year of closes each needs is mostly read once, not once per
 * portfolio. Bounded, least recently used first out. Hand-written: a map in a lock is all it needs (a cache library
 * would add a dependency for these lines).
 */
final class AdjustedCloseCache {

    /** Closes of one symbol from {@code fromDay} (epoch day) on, at {@code version}; arrays never change. */
    record Cached(UUID version, long fromDay, long[] days, double[] closes) {
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
    synchronized Cached get(String symbol, UUID version, long fromDay) {
        Cached e = entries.get(symbol);
        return e != null && e.version().equals(version) && e.fromDay() <= fromDay ? e : null;
    }

    /**
     * Keeps the entry (the last read wins: a reader still at an older version only costs the next reader a miss,
     * since entries are used only at the version the reader sees).
     */
    synchronized void put(String symbol, Cached entry) {
        Cached old = entries.get(symbol);
        if (old == null || !old.version().equals(entry.version()) || old.fromDay() > entry.fromDay()) {
            entries.put(symbol, entry);
        }
    }
}
