package io.riskstream.common.event;

import java.time.LocalDate;

import static io.riskstream.common.event.Contract.checkDate;

/** The market closed on {@code tradingDate}. Key: the date (ISO). */
public record DailyClose(LocalDate tradingDate) implements EventPayload {

    public DailyClose {
        checkDate(tradingDate, "tradingDate");
    }

    @Override
    public String key() {
        return tradingDate.toString();
    }
}
