package io.riskstream.common.marketdata;

import java.time.LocalDate;

/** The latest day's values of one symbol, as a batch-quote call returns them. */
public record Quote(String symbol, LocalDate date, Double open, Double high, Double low, double price,
                    Long volume, Double previousClose, Double marketCap, Double peRatio) {
}
