package io.riskstream.common.event;

import java.time.LocalDate;
import java.util.List;

import static io.riskstream.common.event.Contract.*;

/** Statements are stored for {@code symbol}; {@code periods} lists what was stored. Key: the symbol. */
public record FundamentalsReady(String symbol, List<Period> periods, LocalDate nextEarningsDate)
        implements EventPayload {

    public record Period(String statement, String frequency, LocalDate periodEnd) {
        public Period {
            required(statement, "period.statement");
            required(frequency, "period.frequency");
            checkDate(periodEnd, "period.periodEnd");
        }
    }

    public FundamentalsReady {
        checkSymbol(symbol, "symbol");
        periods = periods == null ? List.of() : List.copyOf(periods);
    }

    @Override
    public String key() {
        return symbol;
    }
}
