package io.riskstream.fundamentals.application;

import io.riskstream.fundamentals.domain.StatementRow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

public interface StatementStore {

    /** A symbol's fetch bookkeeping: when it was last fetched, its next earnings date, the last close that did. */
    record FetchState(String symbol, Optional<Instant> lastFetched, Optional<LocalDate> nextEarnings,
                      Optional<LocalDate> lastCloseDate) {
    }

    /** Upserts each row by (symbol, frequency, period end) in its statement's table. */
    void upsert(List<StatementRow> rows);

    Optional<Instant> lastFetched(String symbol);

    List<FetchState> fetchStates();

    /** Records a fetch; {@code closeDate} (nullable) is the daily close it belongs to. */
    void recordFetch(String symbol, Instant at, LocalDate nextEarnings, LocalDate closeDate);

    boolean dailyCloseDone(LocalDate tradingDate);

    void markDailyCloseDone(LocalDate tradingDate, int fetched, int skipped, Instant at);
}
