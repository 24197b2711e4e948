package io.riskstream.testsupport;

import io.riskstream.common.marketdata.DailyBar;
import io.riskstream.testsupport.ProviderStubServer.Answer;

import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Bars rendered as FMP's {@code /stable/} history answers, with the field names of the recorded answers in
 * {@code src/test/resources/marketdata/fmp/stable/}: {@code historical-price-eod/full} (raw OHLCV, newest first) and
 * {@code historical-price-eod/dividend-adjusted} ({@code adjOpen..adjClose}). For stubs that serve a data set of
 * their own (the simulated market) in FMP's format.
 */
public final class FmpStubAnswers {

    /** Where the bars come from: symbol, from, to → bars ascending. */
    @FunctionalInterface
    public interface Bars {
        List<DailyBar> between(String symbol, LocalDate from, LocalDate to);
    }

    private FmpStubAnswers() {
    }

    /** Answers either history endpoint from {@code bars} (the path decides which shape). */
    public static Answer history(URI uri, Bars bars) {
        Map<String, String> q = query(uri);
        String symbol = q.get("symbol");
        List<DailyBar> found = bars.between(symbol, LocalDate.parse(q.get("from")), LocalDate.parse(q.get("to")));
        boolean adjusted = uri.getPath().endsWith("dividend-adjusted");
        String rows = found.reversed().stream().map(b -> adjusted ? adjustedRow(b) : rawRow(b))
                .collect(Collectors.joining(","));
        return Answer.ok("[" + rows + "]");
    }

    private static String rawRow(DailyBar b) {
        return """
                {"symbol":"%s","date":"%s","open":%s,"high":%s,"low":%s,"close":%s,"volume":%d}"""
                .formatted(b.symbol(), b.date(), b.open(), b.high(), b.low(), b.close(), b.volume());
    }

    private static String adjustedRow(DailyBar b) {
        double f = b.close() == null || b.close() == 0 ? 1.0 : b.adjClose() / b.close();
        return """
                {"symbol":"%s","date":"%s","adjOpen":%s,"adjHigh":%s,"adjLow":%s,"adjClose":%s,"volume":%d}"""
                .formatted(b.symbol(), b.date(), b.open() * f, b.high() * f, b.low() * f, b.adjClose(), b.volume());
    }

    /**
     * A company profile as FMP's {@code profile?symbol=} answers it (the field names of the recorded
     * {@code profile_AAPL.json}): for stubs serving the simulated market's profiles in FMP's format.
     */
    public static Answer profile(io.riskstream.marketdata.CompanyProfile p) {
        if (p == null || p.identity() == null) {
            return Answer.ok("[]");
        }
        var id = p.identity();
        var v = p.valuation();
        String range = v == null || v.week52Low() == null || v.week52High() == null ? ""
                : v.week52Low() + "-" + v.week52High();
        return Answer.ok("""
                [{"symbol":%s,"price":%s,"marketCap":%s,"beta":%s,"lastDividend":%s,"range":%s,"companyName":%s,                "currency":%s,"exchange":%s,"industry":%s,"website":%s,"description":%s,"ceo":%s,"sector":%s,                "country":%s,"fullTimeEmployees":%s,"isEtf":%s,"isActivelyTrading":true,"isFund":%s}]"""
                .formatted(q(p.symbol()), v == null ? null : v.price(), v == null ? null : v.marketCap(), id.beta(),
                        id.lastDividend(), q(range), q(id.name()), q(id.currency()), q(id.exchange()), q(id.industry()),
                        q(id.website()), q(id.description()), q(id.ceo() == null ? "" : id.ceo()), q(id.sector()),
                        q(id.country()), id.employees() == null ? null : q(id.employees().toString()), id.etf(),
                        id.fund()));
    }

    /**
     * Bars as Yahoo's chart API answers them ({@code /v8/finance/chart/{symbol}}, the shape of the recorded
     * {@code chart_GS_2023-10.json}): timestamps at the New York open, parallel arrays, an {@code adjclose} block.
     */
    public static Answer yahooChart(String symbol, List<DailyBar> bars) {
        if (bars.isEmpty()) {
            return Answer.fixture(404, "yahoo/chart_not-found_404.json");
        }
        java.util.function.Function<java.util.function.Function<DailyBar, Object>, String> column = f ->
                bars.stream().map(f).map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
        String timestamps = bars.stream().map(b -> Long.toString(b.date().atTime(9, 30)
                .atZone(java.time.ZoneId.of("America/New_York")).toEpochSecond()))
                .collect(Collectors.joining(",", "[", "]"));
        return Answer.ok("""
                {"chart":{"result":[{"meta":{"currency":"USD","symbol":%s,"exchangeTimezoneName":"America/New_York",                "gmtoffset":-18000,"dataGranularity":"1d"},"timestamp":%s,"indicators":{"quote":[{"low":%s,"volume":%s,                "open":%s,"close":%s,"high":%s}],"adjclose":[{"adjclose":%s}]}}],"error":null}}"""
                .formatted(q(symbol), timestamps, column.apply(DailyBar::low), column.apply(DailyBar::volume),
                        column.apply(DailyBar::open), column.apply(DailyBar::close), column.apply(DailyBar::high),
                        column.apply(DailyBar::adjClose)));
    }

    private static String q(String text) {
        return text == null ? "null" : "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The decoded query parameters of a request. */
    public static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        if (uri.getQuery() == null) {
            return out;
        }
        Arrays.stream(uri.getQuery().split("&")).map(p -> p.split("=", 2))
                .forEach(p -> out.put(p[0], p.length > 1 ? p[1] : ""));
        return out;
    }
}
