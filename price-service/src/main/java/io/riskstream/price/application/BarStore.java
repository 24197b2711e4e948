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

    /** Inserts or overwrites bars by (symbol, date), each with the provider that answered it; returns the number written. */
    int upsert(List<DailyBar> bars);

    List<DailyBar> load(String symbol, LocalDate from, LocalDate to);

    /** Replaces the symbol's whole stored history with {@code bars}, in the caller's transaction. */
    void replace(String symbol, List<DailyBar> bars);

    /** Inserts bars for dates not stored yet and leaves stored dates alone; returns the bars inserted. */
    List<DailyBar> insertMissing(List<DailyBar> bars);
}
