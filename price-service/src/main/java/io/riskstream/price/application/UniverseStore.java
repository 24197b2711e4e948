package io.riskstream.price.application;

import io.riskstream.common.event.SymbolAdded.Tier;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The symbol universe: tier, status, watermark, and the last error per symbol. */
public interface UniverseStore {

    record Entry(String symbol, Tier tier, String status, LocalDate firstAvailableDate, LocalDate watermark,
                 String lastError) {
        public boolean inactive() {
            return "INACTIVE".equals(status);
        }
    }

    /**
     * Adds the symbol, or raises its tier (ACTIVE beats WATCHLIST beats UNIVERSE). A WATCHLIST or UNIVERSE
     * registration is also remembered as the symbol's configured tier.
     *
     * @return true when the symbol is new to the universe (never there, or removed before)
     */
    boolean register(String symbol, Tier tier);

    /** The last open position closed: an ACTIVE symbol falls back to its configured tier. */
    void release(String symbol);

    Optional<Entry> find(String symbol);

    List<Entry> all();

    /** Active symbols of the given tiers. */
    List<Entry> dueSymbols(List<Tier> tiers);

    void recordFetch(String symbol, LocalDate watermark, LocalDate firstAvailableDate);

    void markInactive(String symbol, String reason);

    void recordError(String symbol, String error);

    /** Takes a symbol out of the daily and weekly work (status REMOVED); false when it is held in a position. */
    boolean remove(String symbol);
}
