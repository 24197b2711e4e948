package io.riskstream.marketdata.fmp;

import io.riskstream.marketdata.CompanyProfile;
import io.riskstream.marketdata.CompanyProfile.AnnualEstimate;
import io.riskstream.common.marketdata.DailyBar;
import io.riskstream.marketdata.EarningsDate;
import io.riskstream.marketdata.FinancialStatement;
import io.riskstream.marketdata.Frequency;
import io.riskstream.marketdata.Quote;
import io.riskstream.marketdata.StatementKind;
import io.riskstream.marketdata.StockSplit;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static io.riskstream.marketdata.http.JsonFields.date;
import static io.riskstream.marketdata.http.JsonFields.decimal;
import static io.riskstream.marketdata.http.JsonFields.elements;
import static io.riskstream.marketdata.http.JsonFields.flag;
import static io.riskstream.marketdata.http.JsonFields.integer;
import static io.riskstream.marketdata.http.JsonFields.number;
import static io.riskstream.marketdata.http.JsonFields.text;
import static io.riskstream.marketdata.http.JsonFields.whole;

/**
 * Financial Modeling Prep's JSON answers → records, for the current {@code /stable/} API and the legacy v3 one
 * (whose field names differ: {@code mktCap} for {@code marketCap}, {@code epsdiluted} for {@code epsDiluted}, the
 * daily history wrapped in {@code {symbol, historical: [...]}}). Written against recorded answers: numbers may come
 * as strings, any field may be null or missing, rows may repeat a date, and unknown fields are ignored. A row
 * without what makes it a row (a date, a price) is skipped rather than guessed at.
 */
public final class FmpParsers {

    static final String SOURCE = "fmp";
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Statement fields that describe the filing rather than being line items (some are numbers written as text). */
    private static final Set<String> DESCRIPTIVE = Set.of("date", "symbol", "reportedCurrency", "cik", "filingDate",
            "fillingDate", "acceptedDate", "calendarYear", "fiscalYear", "period", "link", "finalLink");

    private FmpParsers() {
    }

    /** One price row of a daily history answer: raw OHLC and volume, and the adjusted close where the row has one. */
    public record PriceRow(LocalDate date, Double open, Double high, Double low, Double close, Double adjClose,
                           Long volume) {
    }

    /**
     * Rows of a daily history answer, ascending by date, one per date (the first a provider lists wins, FMP lists
     * newest first): the stable array, the v3 {@code {historical: [...]}} wrapper, and the dividend-adjusted
     * answer's {@code adjOpen..adjClose} are all read.
     */
    public static List<PriceRow> priceRows(JsonNode root) {
        JsonNode rows = root != null && root.isObject() ? root.get("historical") : root;
        Map<LocalDate, PriceRow> byDate = new LinkedHashMap<>();
        for (JsonNode r : elements(rows)) {
            LocalDate date = date(r, "date");
            if (date == null || byDate.containsKey(date)) {
                continue;
            }
            byDate.put(date, new PriceRow(date, number(r, "open", "adjOpen"), number(r, "high", "adjHigh"),
                    number(r, "low", "adjLow"), number(r, "close"), number(r, "adjClose"), whole(r, "volume")));
        }
        List<PriceRow> out = new ArrayList<>(byDate.values());
        out.sort(Comparator.comparing(PriceRow::date));
        return out;
    }

    /**
     * Daily bars from the stable API's two answers for one range: the raw bars ({@code historical-price-eod/full})
     * and the dividend-adjusted ones, matched by date. A date the adjusted answer lacks has no adjusted close and
     * is left out (a split-adjusted close in its place would be a different number under the same name).
     */
    public static List<DailyBar> bars(String symbol, List<PriceRow> raw, List<PriceRow> adjusted) {
        Map<LocalDate, PriceRow> adj = new LinkedHashMap<>();
        adjusted.forEach(r -> adj.put(r.date(), r));
        List<DailyBar> out = new ArrayList<>();
        for (PriceRow r : raw) {
            PriceRow a = adj.get(r.date());
            Double adjClose = a == null ? null : a.adjClose() != null ? a.adjClose() : a.close();
            if (adjClose == null || r.close() == null) {
                continue;
            }
            out.add(new DailyBar(symbol, r.date(), r.open(), r.high(), r.low(), r.close(), adjClose, r.volume(),
                    SOURCE));
        }
        return out;
    }

    /** Daily bars from a v3 history answer, whose rows carry both closes. */
    public static List<DailyBar> legacyBars(String symbol, List<PriceRow> rows) {
        List<DailyBar> out = new ArrayList<>();
        for (PriceRow r : rows) {
            Double adjClose = r.adjClose() != null ? r.adjClose() : r.close();
            if (adjClose != null) {
                out.add(new DailyBar(symbol, r.date(), r.open(), r.high(), r.low(), r.close(), adjClose, r.volume(),
                        SOURCE));
            }
        }
        return out;
    }

    /**
     * Quotes of a (batch) quote answer, by symbol. A symbol FMP does not know is simply absent from its answer; a
     * row without a price or a time is skipped. The date is the quote time's day in New York.
     */
    public static Map<String, Quote> quotes(JsonNode root) {
        Map<String, Quote> out = new LinkedHashMap<>();
        for (JsonNode q : elements(root)) {
            String symbol = text(q, "symbol");
            Double price = number(q, "price");
            Long timestamp = whole(q, "timestamp");
            if (symbol == null || price == null || timestamp == null || out.containsKey(symbol)) {
                continue;
            }
            // seconds since the epoch; a value in milliseconds would be a date tens of thousands of years ahead
            Instant at = timestamp > 100_000_000_000L ? Instant.ofEpochMilli(timestamp) : Instant.ofEpochSecond(timestamp);
            out.put(symbol, new Quote(symbol, at.atZone(NEW_YORK).toLocalDate(), number(q, "open"),
                    number(q, "dayHigh"), number(q, "dayLow"), price, whole(q, "volume"), number(q, "previousClose"),
                    number(q, "marketCap", "mktCap"), number(q, "pe"), number(q, "yearHigh"), number(q, "yearLow"),
                    SOURCE));
        }
        return out;
    }

    /** Identity and the quoted valuation figures of a profile answer (stable or v3), by symbol. */
    public static Map<String, CompanyProfile> profiles(JsonNode root) {
        Map<String, CompanyProfile> out = new LinkedHashMap<>();
        for (JsonNode p : elements(root)) {
            String symbol = text(p, "symbol");
            if (symbol == null || out.containsKey(symbol)) {
                continue;
            }
            Double beta = number(p, "beta");
            Double price = number(p, "price");
            Double lastDividend = number(p, "lastDividend", "lastDiv");
            Double[] range = range(text(p, "range"));
            // the stable API calls the short exchange code "exchange"; v3 called it "exchangeShortName"
            String exchange = text(p, "exchangeShortName", "exchange");
            CompanyProfile.Identity identity = new CompanyProfile.Identity(text(p, "companyName"), text(p, "sector"),
                    text(p, "industry"), exchange, text(p, "country"), text(p, "currency"), flag(p, "isEtf"),
                    flag(p, "isFund"), integer(p, "fullTimeEmployees"), text(p, "website"), text(p, "ceo"),
                    text(p, "description"), beta, lastDividend);
            Double dividendYield = lastDividend != null && price != null && price > 0 ? lastDividend / price : null;
            CompanyProfile.Valuation valuation = new CompanyProfile.Valuation(price, number(p, "marketCap", "mktCap"),
                    range[1], range[0], null, null, dividendYield, beta);
            out.put(symbol, new CompanyProfile(symbol, identity, valuation, null, null, List.of(), SOURCE));
        }
        return out;
    }

    /** The trailing-twelve-month ratios answer ({@code ratios-ttm}), for one symbol; null when it is empty. */
    public static CompanyProfile.Trailing trailing(JsonNode root) {
        JsonNode r = first(root);
        if (r == null) {
            return null;
        }
        return new CompanyProfile.Trailing(number(r, "netIncomePerShareTTM"), number(r, "dividendPerShareTTM"),
                number(r, "priceToEarningsRatioTTM", "peRatioTTM"),
                // v3 spelt it "dividendYielTTM"
                number(r, "dividendYieldTTM", "dividendYielTTM"), number(r, "grossProfitMarginTTM"),
                number(r, "operatingProfitMarginTTM"), number(r, "netProfitMarginTTM"), number(r, "returnOnAssetsTTM"),
                number(r, "returnOnEquityTTM"), null, null, null);
    }

    /**
     * The analysts' consensus from the price-target and grades answers of one symbol; null when both are empty.
     * The recommendation mean is on the usual 1 (strong buy) to 5 (strong sell) scale, from the rating counts.
     */
    public static CompanyProfile.Analysts analysts(JsonNode targets, JsonNode grades) {
        JsonNode t = first(targets);
        JsonNode g = first(grades);
        if (t == null && g == null) {
            return null;
        }
        Integer count = null;
        Double mean = null;
        String consensus = null;
        if (g != null) {
            String[] names = {"strongBuy", "buy", "hold", "sell", "strongSell"};
            int n = 0;
            double weighted = 0;
            for (int i = 0; i < names.length; i++) {
                Integer c = integer(g, names[i]);
                if (c != null && c > 0) {
                    n += c;
                    weighted += (i + 1) * c;
                }
            }
            count = n > 0 ? n : null;
            mean = n > 0 ? Math.round(weighted / n * 100) / 100.0 : null;
            consensus = text(g, "consensus");
            consensus = consensus == null ? null : consensus.toLowerCase(Locale.ROOT).replace(' ', '_');
        }
        return new CompanyProfile.Analysts(t == null ? null : number(t, "targetConsensus"),
                t == null ? null : number(t, "targetHigh"), t == null ? null : number(t, "targetLow"),
                t == null ? null : number(t, "targetMedian"), count, consensus, mean);
    }

    /** Annual estimates ({@code analyst-estimates?period=annual}), ascending by fiscal year end, one per year. */
    public static List<AnnualEstimate> estimates(JsonNode root) {
        Map<LocalDate, AnnualEstimate> byDate = new LinkedHashMap<>();
        for (JsonNode e : elements(root)) {
            LocalDate end = date(e, "date");
            if (end == null || byDate.containsKey(end)) {
                continue;
            }
            byDate.put(end, new AnnualEstimate(end, number(e, "epsAvg", "estimatedEpsAvg"),
                    number(e, "epsLow", "estimatedEpsLow"), number(e, "epsHigh", "estimatedEpsHigh"),
                    number(e, "revenueAvg", "estimatedRevenueAvg"), number(e, "revenueLow", "estimatedRevenueLow"),
                    number(e, "revenueHigh", "estimatedRevenueHigh"),
                    integer(e, "numAnalystsEps", "numberAnalystsEstimatedEps"),
                    integer(e, "numAnalystsRevenue", "numberAnalystEstimatedRevenue")));
        }
        List<AnnualEstimate> out = new ArrayList<>(byDate.values());
        out.sort(Comparator.comparing(AnnualEstimate::periodEnd));
        return out;
    }

    /**
     * Statements of one kind: every numeric field becomes a line item under FMP's own name (misspellings such as
     * {@code netCashUsedForInvestingActivites} included), a null stays a null; descriptive fields are not items.
     * One statement per period end (the first listed wins), newest first.
     */
    public static List<FinancialStatement> statements(String symbol, StatementKind kind, Frequency frequency,
                                                      JsonNode root) {
        Map<LocalDate, FinancialStatement> byPeriod = new LinkedHashMap<>();
        for (JsonNode s : elements(root)) {
            LocalDate periodEnd = date(s, "date");
            if (periodEnd == null || byPeriod.containsKey(periodEnd)) {
                continue;
            }
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            for (var field : s.properties()) {
                String name = field.getKey();
                JsonNode v = field.getValue();
                if (DESCRIPTIVE.contains(name)) {
                    continue;
                }
                if (v.isNull()) {
                    values.put(name, null);
                } else {
                    BigDecimal d = decimal(v);
                    if (d != null) {
                        values.put(name, d);
                    }
                }
            }
            byPeriod.put(periodEnd, new FinancialStatement(symbol, kind, frequency, periodEnd,
                    text(s, "reportedCurrency"), values, SOURCE));
        }
        List<FinancialStatement> out = new ArrayList<>(byPeriod.values());
        out.sort(Comparator.comparing(FinancialStatement::periodEnd).reversed());
        return out;
    }

    /**
     * Earnings dates, ascending, one per date: a date with an actual EPS is confirmed (reported); a scheduled one
     * carries nulls, and its estimates where analysts have made them. Where a date repeats, the row with more
     * figures wins.
     */
    public static List<EarningsDate> earnings(String symbol, JsonNode root) {
        Map<LocalDate, EarningsDate> byDate = new LinkedHashMap<>();
        for (JsonNode e : elements(root)) {
            LocalDate date = date(e, "date");
            if (date == null) {
                continue;
            }
            Double epsActual = number(e, "epsActual", "eps");
            EarningsDate row = new EarningsDate(symbol, date, epsActual != null, number(e, "epsEstimated"),
                    number(e, "revenueEstimated"), epsActual, number(e, "revenueActual", "revenue"));
            byDate.merge(date, row, (a, b) -> filled(b) > filled(a) ? b : a);
        }
        List<EarningsDate> out = new ArrayList<>(byDate.values());
        out.sort(Comparator.comparing(EarningsDate::date));
        return out;
    }

    /** Splits ({@code splits?symbol=}, or v3's {@code {historical: [...]}}), ascending. */
    public static List<StockSplit> splits(String symbol, JsonNode root) {
        JsonNode rows = root != null && root.isObject() ? root.get("historical") : root;
        List<StockSplit> out = new ArrayList<>();
        for (JsonNode s : elements(rows)) {
            LocalDate date = date(s, "date");
            Double numerator = number(s, "numerator");
            Double denominator = number(s, "denominator");
            if (date != null && numerator != null && denominator != null && numerator > 0 && denominator > 0) {
                out.add(new StockSplit(symbol, date, numerator, denominator));
            }
        }
        out.sort(Comparator.comparing(StockSplit::date));
        return out;
    }

    private static int filled(EarningsDate e) {
        return (int) java.util.stream.Stream.of(e.epsActual(), e.epsEstimate(), e.revenueActual(), e.revenueEstimate())
                .filter(Objects::nonNull).count();
    }

    private static JsonNode first(JsonNode root) {
        if (root == null) {
            return null;
        }
        if (root.isObject()) {
            return root.isEmpty() ? null : root;
        }
        List<JsonNode> all = elements(root);
        return all.isEmpty() ? null : all.getFirst();
    }

    /** "164.08-199.62" → {low, high}; anything else → {null, null}. */
    static Double[] range(String text) {
        if (text == null) {
            return new Double[2];
        }
        int dash = text.indexOf('-', 1);
        try {
            return dash < 0 ? new Double[2] : new Double[]{Double.valueOf(text.substring(0, dash).trim()),
                    Double.valueOf(text.substring(dash + 1).trim())};
        } catch (NumberFormatException e) {
            return new Double[2];
        }
    }
}
