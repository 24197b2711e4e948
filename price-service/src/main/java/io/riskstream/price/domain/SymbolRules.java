package io.riskstream.price.domain;

import java.util.regex.Pattern;

/** Which identifiers may be sent to a market-data provider. */
public final class SymbolRules {

    private static final Pattern OCC_OPTION = Pattern.compile("^[A-Z]{1,6}\\d{6}[CP]\\d{8}$");
    private static final Pattern EQUITY_HASH = Pattern.compile("^EQ[A-F0-9]{8,}$");

    private SymbolRules() {
    }

    /** Synthetic/private identifiers (containing '_', hash ids) and option contracts are never priced by a provider. */
    public static boolean isPricedByProvider(String symbol) {
        return !symbol.contains("_") && !OCC_OPTION.matcher(symbol).matches() && !EQUITY_HASH.matcher(symbol).matches();
    }
}
