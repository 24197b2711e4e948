package io.riskstream.common.event;

import static io.riskstream.common.event.Contract.*;

/**
 * A symbol entered the universe with a tier — or, with {@code released}, the last open position on it closed and it
 * falls back to the tier it was configured with. Key: the symbol.
 */
public record SymbolAdded(String symbol, Tier tier, String reason, Boolean released) implements EventPayload {

    /** ACTIVE: held in an open position; WATCHLIST: followed daily; UNIVERSE: refreshed weekly or on demand. */
    public enum Tier { ACTIVE, WATCHLIST, UNIVERSE }

    public SymbolAdded {
        checkSymbol(symbol, "symbol");
        required(tier, "tier");
        released = Boolean.TRUE.equals(released); // added in a later version: absent means an addition
    }

    public SymbolAdded(String symbol, Tier tier, String reason) {
        this(symbol, tier, reason, false);
    }

    @Override
    public String key() {
        return symbol;
    }
}
