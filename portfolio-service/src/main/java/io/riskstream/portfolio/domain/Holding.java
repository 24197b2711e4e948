package io.riskstream.portfolio.domain;

import java.math.BigDecimal;

/** An open position as the analytics see it: signed quantity, entry price (the value of a private holding). */
public record Holding(String symbol, BigDecimal quantity, BigDecimal entryPrice) {

    public InstrumentClass instrumentClass() {
        return InstrumentClass.of(symbol);
    }
}
