package io.riskstream.faults;

import io.riskstream.marketdata.CompanyProfile;
import io.riskstream.common.marketdata.DailyBar;
import io.riskstream.marketdata.EarningsDate;
import io.riskstream.marketdata.FinancialStatement;
import io.riskstream.marketdata.ProfilePart;
import io.riskstream.marketdata.Frequency;
import io.riskstream.marketdata.Quote;
import io.riskstream.marketdata.SimulatedMarket;
import io.riskstream.marketdata.StatementKind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated market's answers in the JSON shapes of FMP's current {@code /stable/} API (field names as in FMP's
 * recorded answers: see common's {@code src/test/resources/marketdata/}), as maps and lists ready to serialize. An
 * unknown symbol, or "no data", is {@code []} like FMP's. Statement items keep the simulated market's own names
 * (Alpha Vantage's), which the services map into the same typed columns as FMP's.
 */
final class FmpAnswers {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final int DEFAULT_HISTORY_YEARS = 5;
    private static final int DEFAULT_STATEMENT_LIMIT = 5;

    private final SimulatedMarket market;
    private final LocalDate asOf;

    FmpAnswers(SimulatedMarket market, LocalDate asOf) {
        this.market = market;
        this.asOf = asOf;
    }

    /** {@code historical-price-eod/full?symbol&from&to}: newest first, raw prices. */
    Object history(String symbol, Map<String, String> query) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (DailyBar bar : bars(symbol, query).reversed()) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("symbol", symbol);
            b.put("date", bar.date().toString());
            b.put("open", bar.open());
            b.put("high", bar.high());
            b.put("low", bar.low());
            b.put("close", bar.close());
            b.put("volume", bar.volume());
            out.add(b);
        }
        return out;
    }

    /** {@code historical-price-eod/dividend-adjusted?symbol&from&to}: newest first, adjusted prices. */
    Object adjustedHistory(String symbol, Map<String, String> query) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (DailyBar bar : bars(symbol, query).reversed()) {
            double f = bar.close() == null || bar.close() == 0 ? 1.0 : bar.adjClose() / bar.close();
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("symbol", symbol);
            b.put("date", bar.date().toString());
            b.put("adjOpen", bar.open() == null ? null : bar.open() * f);
            b.put("adjHigh", bar.high() == null ? null : bar.high() * f);
            b.put("adjLow", bar.low() == null ? null : bar.low() * f);
            b.put("adjClose", bar.adjClose());
            b.put("volume", bar.volume());
            out.add(b);
        }
        return out;
    }

    private List<DailyBar> bars(String symbol, Map<String, String> query) {
        LocalDate to = date(query, "to", asOf);
        LocalDate from = date(query, "from", to.minusYears(DEFAULT_HISTORY_YEARS));
        return market.dailyBars(symbol, from, to);
    }

    /** {@code batch-quote?symbols=A,B,C} (and {@code quote?symbol=A}): one object per known symbol. */
    Object quotes(List<String> symbols) {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, CompanyProfile> profiles = market.profiles(symbols, java.util.Set.of(ProfilePart.VALUATION));
        for (Quote quote : market.quotes(symbols).values()) {
            CompanyProfile.Valuation v = profiles.get(quote.symbol()) == null ? null
                    : profiles.get(quote.symbol()).valuation();
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("symbol", quote.symbol());
            q.put("price", quote.price());
            if (quote.previousClose() != null) {
                double change = quote.price() - quote.previousClose();
                q.put("changePercentage", round(100 * change / quote.previousClose(), 4));
                q.put("change", round(change, 4));
            }
            q.put("volume", quote.volume());
            q.put("dayLow", quote.low());
            q.put("dayHigh", quote.high());
            q.put("yearHigh", v == null ? null : v.week52High());
            q.put("yearLow", v == null ? null : v.week52Low());
            q.put("marketCap", quote.marketCap());
            q.put("open", quote.open());
            q.put("previousClose", quote.previousClose());
            // the session's close in New York, which the client turns back into the quote's date
            q.put("timestamp", quote.date().atTime(LocalTime.of(16, 0)).atZone(NEW_YORK).toEpochSecond());
            out.add(q);
        }
        return out;
    }

    /** {@code profile?symbol=A}: one object for a known symbol. */
    Object profile(String symbol) {
        List<Map<String, Object>> out = new ArrayList<>();
        CompanyProfile profile = market.profiles(List.of(symbol)).get(symbol);
        if (profile == null) {
            return out;
        }
        CompanyProfile.Identity id = profile.identity();
        CompanyProfile.Valuation v = profile.valuation();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("symbol", symbol);
        p.put("price", v.price());
        p.put("marketCap", v.marketCap());
        p.put("beta", id.beta());
        p.put("lastDividend", id.lastDividend());
        p.put("range", v.week52Low() == null || v.week52High() == null ? "" : v.week52Low() + "-" + v.week52High());
        p.put("companyName", id.name());
        p.put("currency", id.currency());
        p.put("exchange", id.exchange());
        p.put("industry", id.industry());
        p.put("website", id.website());
        p.put("description", id.description());
        p.put("ceo", id.ceo() == null ? "" : id.ceo()); // FMP sends "" for a missing CEO
        p.put("sector", id.sector());
        p.put("country", id.country());
        // FMP sends the head count as a string
        p.put("fullTimeEmployees", id.employees() == null ? null : id.employees().toString());
        p.put("isEtf", id.etf());
        p.put("isActivelyTrading", true);
        p.put("isFund", id.fund());
        out.add(p);
        return out;
    }

    /** {@code ratios-ttm?symbol=A}: the trailing figures FMP's ratios answer carries. */
    Object ratios(String symbol) {
        CompanyProfile profile = market.profiles(List.of(symbol), java.util.Set.of(ProfilePart.TRAILING)).get(symbol);
        if (profile == null || profile.trailing() == null) {
            return List.of();
        }
        CompanyProfile.Trailing t = profile.trailing();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("symbol", symbol);
        r.put("grossProfitMarginTTM", t.grossMargin());
        r.put("operatingProfitMarginTTM", t.operatingMargin());
        r.put("netProfitMarginTTM", t.profitMargin());
        r.put("priceToEarningsRatioTTM", t.peRatio());
        r.put("dividendYieldTTM", t.dividendYield());
        r.put("netIncomePerShareTTM", t.epsTtm());
        return List.of(r);
    }

    /** {@code price-target-consensus?symbol=A}. */
    Object priceTargets(String symbol) {
        CompanyProfile.Analysts a = analysts(symbol);
        if (a == null) {
            return List.of();
        }
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("symbol", symbol);
        t.put("targetHigh", a.targetHigh());
        t.put("targetLow", a.targetLow());
        t.put("targetConsensus", a.targetMean());
        t.put("targetMedian", a.targetMedian());
        return List.of(t);
    }

    /** {@code grades-consensus?symbol=A}: the simulated market has a consensus word but no rating counts. */
    Object grades(String symbol) {
        CompanyProfile.Analysts a = analysts(symbol);
        if (a == null || a.recommendation() == null) {
            return List.of();
        }
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("symbol", symbol);
        for (String count : List.of("strongBuy", "buy", "hold", "sell", "strongSell")) {
            g.put(count, 0);
        }
        // FMP's words ("Strong Buy"); the client reads them back as "strong_buy"
        g.put("consensus", Arrays.stream(a.recommendation().split("_"))
                .map(w -> w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1))
                .reduce((x, y) -> x + " " + y).orElse(a.recommendation()));
        return List.of(g);
    }

    /** {@code analyst-estimates?symbol=A&period=annual}: newest fiscal year first, as FMP lists them. */
    Object estimates(String symbol) {
        CompanyProfile profile = market.profiles(List.of(symbol), java.util.Set.of(ProfilePart.ANALYSTS)).get(symbol);
        List<Map<String, Object>> out = new ArrayList<>();
        if (profile == null) {
            return out;
        }
        for (CompanyProfile.AnnualEstimate e : profile.estimates().reversed()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("symbol", symbol);
            row.put("date", e.periodEnd().toString());
            row.put("revenueLow", e.revenueLow());
            row.put("revenueHigh", e.revenueHigh());
            row.put("revenueAvg", e.revenueAvg());
            row.put("epsAvg", e.epsAvg());
            row.put("epsHigh", e.epsHigh());
            row.put("epsLow", e.epsLow());
            row.put("numAnalystsRevenue", e.revenueAnalysts());
            row.put("numAnalystsEps", e.epsAnalysts());
            out.add(row);
        }
        return out;
    }

    private CompanyProfile.Analysts analysts(String symbol) {
        CompanyProfile profile = market.profiles(List.of(symbol), java.util.Set.of(ProfilePart.ANALYSTS)).get(symbol);
        return profile == null ? null : profile.analysts();
    }

    /** {@code income-statement?symbol&period=quarter|annual&limit=N} and the balance-sheet and cash-flow siblings. */
    Object statements(String symbol, StatementKind kind, Map<String, String> query) {
        Frequency frequency = "quarter".equalsIgnoreCase(query.getOrDefault("period", "annual"))
                ? Frequency.QUARTERLY : Frequency.ANNUAL;
        int limit = integer(query, "limit", DEFAULT_STATEMENT_LIMIT);
        List<Map<String, Object>> out = new ArrayList<>();
        for (FinancialStatement statement : market.statements(symbol, kind, frequency, limit)) {
            Map<String, Object> s = new LinkedHashMap<>();
            // descriptive fields as FMP sends them (fiscalYear a string), then the line items
            s.put("date", statement.periodEnd().toString());
            s.put("symbol", symbol);
            s.put("reportedCurrency", statement.currency());
            s.put("fiscalYear", Integer.toString(statement.periodEnd().getYear()));
            s.put("period", frequency == Frequency.ANNUAL ? "FY"
                    : "Q" + ((statement.periodEnd().getMonthValue() + 2) / 3));
            s.putAll(statement.values());
            out.add(s);
        }
        return out;
    }

    /**
     * {@code earnings?symbol=A}: newest first; a reported date carries its quarter's EPS (net income over shares) and
     * revenue as actuals, a scheduled one nulls — the client reads that as "not confirmed".
     */
    Object earnings(String symbol) {
        List<EarningsDate> dates = market.earnings(symbol);
        long reported = dates.stream().filter(EarningsDate::confirmed).count();
        // the reported dates are the newest quarters' reports, in the same order as the quarterly statements
        List<FinancialStatement> income = reported == 0 ? List.of()
                : market.statements(symbol, StatementKind.INCOME, Frequency.QUARTERLY, (int) reported);
        List<FinancialStatement> balance = reported == 0 ? List.of()
                : market.statements(symbol, StatementKind.BALANCE_SHEET, Frequency.QUARTERLY, (int) reported);
        List<Map<String, Object>> out = new ArrayList<>();
        int quarter = 0;
        for (EarningsDate date : dates.reversed()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("symbol", symbol);
            e.put("date", date.date().toString());
            BigDecimal eps = null;
            BigDecimal revenue = null;
            if (date.confirmed()) {
                if (quarter < income.size() && quarter < balance.size()) {
                    revenue = income.get(quarter).values().get("totalRevenue");
                    eps = eps(income.get(quarter), balance.get(quarter));
                }
                quarter++;
                eps = eps == null ? BigDecimal.ZERO : eps; // still reported, whatever the figure
            }
            e.put("epsActual", eps);
            e.put("epsEstimated", null);
            e.put("revenueActual", revenue);
            e.put("revenueEstimated", null);
            e.put("lastUpdated", asOf.toString());
            out.add(e);
        }
        return out;
    }

    /** {@code A,B,C} (already URL-decoded) → [A, B, C]. */
    static List<String> symbols(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static BigDecimal eps(FinancialStatement income, FinancialStatement balance) {
        BigDecimal netIncome = income.values().get("netIncome");
        BigDecimal shares = balance.values().get("commonStockSharesOutstanding");
        if (netIncome == null || shares == null || shares.signum() == 0) {
            return null;
        }
        return netIncome.divide(shares, 2, RoundingMode.HALF_EVEN);
    }

    private static LocalDate date(Map<String, String> query, String name, LocalDate otherwise) {
        String value = query.get(name);
        try {
            return value == null || value.isBlank() ? otherwise : LocalDate.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("'" + name + "' is not a date (YYYY-MM-DD): " + value);
        }
    }

    private static int integer(Map<String, String> query, String name, int otherwise) {
        String value = query.get(name);
        try {
            return value == null || value.isBlank() ? otherwise : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + name + "' is not a number: " + value);
        }
    }

    private static double round(double x, int places) {
        return BigDecimal.valueOf(x).setScale(places, RoundingMode.HALF_EVEN).doubleValue();
    }
}
