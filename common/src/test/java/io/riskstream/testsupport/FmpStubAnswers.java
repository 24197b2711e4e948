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
