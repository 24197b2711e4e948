package io.riskstream.price.application;

import io.riskstream.common.marketdata.DailyBar;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Stored daily bars, keyed by (symbol, date). */
public interface BarStore {

    record StoredRange(LocalDate first, LocalDate last, int count) {
    }

    Optional<StoredRange> range(String symbol);

    /** Inserts or overwrites bars by (symbol, date); returns the number written. */
    int upsert(List<DailyBar> bars, String source);

    List<DailyBar> load(String symbol, LocalDate from, LocalDate to);
}
