package io.riskstream.portfolio.domain;

import java.util.regex.Pattern;

/** How a position's symbol is valued and whether it can carry factor exposure. */
public enum InstrumentClass {
    PUBLIC, OPTION, PRIVATE;

    private static final Pattern OCC_OPTION = Pattern.compile("^[A-Z]{1,6}\\d{6}[CP]\\d{8}$");

    /** Options are OCC symbols; synthetic/private identifiers contain '_' (A16Z_VC_FUND, FO_GROWTH_PE). */
    public static InstrumentClass of(String symbol) {
        if (OCC_OPTION.matcher(symbol).matches()) {
            return OPTION;
        }
        return symbol.contains("_") ? PRIVATE : PUBLIC;
    }

    /** Contract multiplier of a position in this class. */
    public int multiplier() {
        return this == OPTION ? 100 : 1;
    }
}
