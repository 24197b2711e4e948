package io.riskstream.common.event;

import static io.riskstream.common.event.Contract.*;

/** A symbol entered the universe. Key: the symbol. */
public record SymbolAdded(String symbol, Tier tier, String reason) implements EventPayload {

    /** ACTIVE: held in an open position; WATCHLIST: followed daily; UNIVERSE: refreshed weekly or on demand. */
    public enum Tier { ACTIVE, WATCHLIST, UNIVERSE }

    public SymbolAdded {
        checkSymbol(symbol, "symbol");
        required(tier, "tier");
    }

    @Override
    public String key() {
        return symbol;
    }
}
