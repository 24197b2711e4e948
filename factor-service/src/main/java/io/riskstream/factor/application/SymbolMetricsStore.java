package io.riskstream.factor.application;

import io.riskstream.factor.domain.metrics.SymbolMetrics;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** One metrics row per (symbol, date): a history, upserted on its natural key. */
public interface SymbolMetricsStore {

    void upsert(List<SymbolMetrics> metrics);

    Optional<SymbolMetrics> find(String symbol, LocalDate date);

    Optional<SymbolMetrics> latest(String symbol);

    /** Every stored date of {@code symbol}, ascending. */
    List<SymbolMetrics> all(String symbol);

    /** What the symbols of one date can be ordered by; {@link #wireName} is the API's name for it. */
    enum SortField {
        SYMBOL("symbol"), CURRENT_PRICE("currentPrice"), RETURN_1D("return1d"), RETURN_MTD("returnMtd"),
        RETURN_YTD("returnYtd"), RETURN_1M("return1m"), RETURN_3M("return3m"), RETURN_1Y("return1y"),
        MARKET_CAP("marketCap"), PE_RATIO("peRatio"), FORWARD_PE("forwardPe"), DIVIDEND_YIELD("dividendYield"),
        DATA_QUALITY_SCORE("dataQualityScore");

        private final String wireName;

        SortField(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Optional<SortField> fromWireName(String name) {
            return java.util.Arrays.stream(values()).filter(f -> f.wireName.equals(name)).findFirst();
        }
    }

    /**
     * The metrics of every symbol on {@code date}, ordered by {@code sort} (unknown values last, then by symbol), at
     * most {@code limit} of them.
     */
    List<SymbolMetrics> onDate(LocalDate date, SortField sort, boolean descending, int limit);

    /** The latest date any symbol has metrics for. */
    Optional<LocalDate> latestDate();
}
