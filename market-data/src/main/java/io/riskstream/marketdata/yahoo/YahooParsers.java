package io.riskstream.marketdata.yahoo;

import io.riskstream.common.marketdata.DailyBar;
import io.riskstream.marketdata.Quote;
import io.riskstream.marketdata.StockSplit;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.riskstream.marketdata.http.JsonFields.decimal;
import static io.riskstream.marketdata.http.JsonFields.number;
import static io.riskstream.marketdata.http.JsonFields.text;
import static io.riskstream.marketdata.http.JsonFields.whole;

/**
 * Yahoo Finance's chart answer ({@code /v8/finance/chart/{symbol}}) → bars, quotes and splits. The answer keeps its
 * columns in parallel arrays under {@code indicators.quote[0]} and {@code indicators.adjclose[0]}, one entry per
 * {@code timestamp} (seconds, the session's open); a session Yahoo has no data for is {@code null} in every array and
 * is dropped, never zeroed. A timestamp's trading day is its date in the exchange's zone (from
 * {@code meta.exchangeTimezoneName}, or {@code meta.gmtoffset}).
 */
public final class YahooParsers {

    static final String SOURCE = "yahoo";

    private YahooParsers() {
    }

    /** One parsed session: raw OHLCV and, where the answer has it, the adjusted close. */
    public record Session(LocalDate date, Double open, Double high, Double low, Double close, Double adjClose,
                          Long volume) {
    }

    /** The chart's error ({@code code: description}), or null when it has none. */
    public static String error(JsonNode root) {
        JsonNode error = root == null ? null : root.path("chart").get("error");
        if (error == null || error.isNull() || error.isMissingNode()) {
            return null;
        }
        String code = text(error, "code");
        String description = text(error, "description");
        return (code == null ? "error" : code) + (description == null ? "" : ": " + description);
    }

    /** The chart's first result, or null (an unknown symbol, or an answer of another shape). */
    public static JsonNode result(JsonNode root) {
        JsonNode result = root == null ? null : root.path("chart").get("result");
        return result != null && result.isArray() && !result.isEmpty() ? result.get(0) : null;
    }

    /** Sessions ascending by date, one per date (a later timestamp of the same day, the live bar, wins). */
    public static List<Session> sessions(JsonNode result) {
        if (result == null) {
            return List.of();
        }
        JsonNode timestamps = result.get("timestamp");
        if (timestamps == null || !timestamps.isArray()) {
            return List.of(); // a window without sessions
        }
        JsonNode quote = first(result.path("indicators").get("quote"));
        JsonNode adj = first(result.path("indicators").get("adjclose"));
        ZoneId zone = zone(result.get("meta"));
        Map<LocalDate, Session> byDate = new TreeMap<>();
        for (int i = 0; i < timestamps.size(); i++) {
            Long ts = epochSeconds(timestamps.get(i));
            if (ts == null) {
                continue;
            }
            Double close = at(quote, "close", i);
            if (close == null) {
                continue; // Yahoo's null bar: a session it has no data for
            }
            LocalDate date = Instant.ofEpochSecond(ts).atZone(zone).toLocalDate();
            Double volume = at(quote, "volume", i);
            byDate.put(date, new Session(date, at(quote, "open", i), at(quote, "high", i), at(quote, "low", i), close,
                    at(adj, "adjclose", i), volume == null ? null : Math.round(volume)));
        }
        return new ArrayList<>(byDate.values());
    }

    /**
     * Daily bars: sessions with an adjusted close only. A session without one (an answer that left the adjusted
     * series out, or the in-progress bar) is dropped: its raw close under the adjusted name would be another number.
     */
    public static List<DailyBar> bars(String symbol, JsonNode result) {
        List<DailyBar> out = new ArrayList<>();
        for (Session s : sessions(result)) {
            if (s.adjClose() != null) {
                out.add(new DailyBar(symbol, s.date(), s.open(), s.high(), s.low(), s.close(), s.adjClose(),
                        s.volume(), SOURCE));
            }
        }
        return out;
    }

    /**
     * The quote of the newest session: its bar's values, the previous session's close, and the 52-week range where
     * the chart's {@code meta} has it. Null when the chart has no session.
     */
    public static Quote quote(String symbol, JsonNode result) {
        List<Session> sessions = sessions(result);
        if (sessions.isEmpty()) {
            return null;
        }
        Session last = sessions.getLast();
        JsonNode meta = result.get("meta");
        Double previous = sessions.size() > 1 ? sessions.get(sessions.size() - 2).close()
                : number(meta, "chartPreviousClose", "previousClose");
        return new Quote(symbol, last.date(), last.open(), last.high(), last.low(), last.close(), last.volume(),
                previous, number(meta, "marketCap"), null, number(meta, "fiftyTwoWeekHigh"),
                number(meta, "fiftyTwoWeekLow"), SOURCE);
    }

    /** Splits from {@code events.splits} ({@code numerator}/{@code denominator}), ascending. */
    public static List<StockSplit> splits(String symbol, JsonNode result) {
        JsonNode splits = result == null ? null : result.path("events").get("splits");
        List<StockSplit> out = new ArrayList<>();
        if (splits == null || !splits.isObject()) {
            return out;
        }
        ZoneId zone = zone(result.get("meta"));
        for (var entry : splits.properties()) {
            JsonNode s = entry.getValue();
            Long ts = whole(s, "date");
            Double numerator = number(s, "numerator");
            Double denominator = number(s, "denominator");
            if (ts != null && numerator != null && denominator != null && numerator > 0 && denominator > 0) {
                out.add(new StockSplit(symbol, Instant.ofEpochSecond(ts).atZone(zone).toLocalDate(), numerator,
                        denominator));
            }
        }
        out.sort(Comparator.comparing(StockSplit::date));
        return out;
    }

    private static ZoneId zone(JsonNode meta) {
        String name = text(meta, "exchangeTimezoneName");
        if (name != null) {
            try {
                return ZoneId.of(name);
            } catch (RuntimeException e) {
                // an unknown zone name: fall back to the offset
            }
        }
        Long offset = whole(meta, "gmtoffset");
        return offset == null ? ZoneId.of("America/New_York") : ZoneOffset.ofTotalSeconds(offset.intValue());
    }

    private static JsonNode first(JsonNode array) {
        return array != null && array.isArray() && !array.isEmpty() ? array.get(0) : null;
    }

    private static Double at(JsonNode block, String column, int i) {
        JsonNode values = block == null ? null : block.get(column);
        if (values == null || !values.isArray() || i >= values.size()) {
            return null;
        }
        var d = decimal(values.get(i));
        return d == null ? null : d.doubleValue();
    }

    private static Long epochSeconds(JsonNode node) {
        var d = decimal(node);
        return d == null ? null : d.longValue();
    }
}
