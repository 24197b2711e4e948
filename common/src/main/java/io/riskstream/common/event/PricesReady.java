package io.riskstream.common.event;

import java.time.LocalDate;
import java.util.List;

import static io.riskstream.common.event.Contract.*;

/**
 * Bars are stored for {@code symbol} through {@code through}. {@code bars} are the new (or, when
 * {@code historyReplaced}, the complete replaced) bars, ascending, so consumers need no call back. Key: the symbol.
 */
public record PricesReady(String symbol, LocalDate through, boolean historyReplaced, List<PriceBar> bars)
        implements EventPayload {

    public PricesReady {
        checkSymbol(symbol, "symbol");
        checkDate(through, "through");
        notEmpty(bars, "bars");
        bars = List.copyOf(bars);
        for (int i = 1; i < bars.size(); i++) {
            if (!bars.get(i).date().isAfter(bars.get(i - 1).date())) {
                throw new IllegalArgumentException("bars must be in ascending date order without duplicates; "
                        + bars.get(i).date() + " follows " + bars.get(i - 1).date());
            }
        }
        if (bars.getLast().date().isAfter(through)) {
            throw new IllegalArgumentException("bar " + bars.getLast().date() + " is after through " + through);
        }
    }

    public LocalDate from() {
        return bars.getFirst().date();
    }

    @Override
    public String key() {
        return symbol;
    }
}
