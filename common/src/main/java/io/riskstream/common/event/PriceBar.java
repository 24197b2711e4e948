package io.riskstream.common.event;

import java.time.LocalDate;

import static io.riskstream.common.event.Contract.*;

/** One daily bar as carried by {@code prices-ready}; open/high/low/close/volume may be null when unknown. */
public record PriceBar(LocalDate date, Double open, Double high, Double low, Double close, double adjClose,
                       Long volume) {

    public PriceBar {
        checkDate(date, "bar.date");
        String at = " on " + date;
        positivePriceOrNull(open, "bar.open" + at);
        positivePriceOrNull(high, "bar.high" + at);
        positivePriceOrNull(low, "bar.low" + at);
        positivePriceOrNull(close, "bar.close" + at);
        positivePrice(adjClose, "bar.adjClose" + at);
        if (high != null && low != null && high < low) {
            throw new IllegalArgumentException("bar.high " + high + " is below bar.low " + low + at);
        }
        if (volume != null && volume < 0) {
            throw new IllegalArgumentException("bar.volume must not be negative" + at);
        }
    }
}
