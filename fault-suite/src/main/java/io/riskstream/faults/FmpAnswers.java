package io.riskstream.faults;

import io.riskstream.common.marketdata.CompanyProfile;
import io.riskstream.common.marketdata.DailyBar;
import io.riskstream.common.marketdata.EarningsDate;
import io.riskstream.common.marketdata.FinancialStatement;
import io.riskstream.common.marketdata.Frequency;
import io.riskstream.common.marketdata.Quote;
import io.riskstream.common.marketdata.SimulatedMarket;
import io.riskstream.common.marketdata.StatementKind;

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
 * The simulated market's answers in FMP's v3 JSON shapes, as maps and lists ready to serialize. What FMP gives for
 * an unknown symbol or "no data" ({@code {}} for the daily history, {@code []} elsewhere) is what
 * {@link SimulatedMarket}'s empty results become.
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

    /** {@code historical-price-full/SYM?from&to}: {symbol, historical: newest first}. */
    Object history(String symbol, Map<String, String> query) {
        LocalDate to = date(query, "to", asOf);
        LocalDate from = date(query, "from", to.minusYears(DEFAULT_HISTORY_YEARS));
        List<DailyBar> bars = market.dailyBars(symbol, from, to);
        if (bars.isEmpty()) {
            return Map.of();
        }
        List<Map<String, Object>> historical = new ArrayList<>(bars.size());
        for (DailyBar bar : bars.reversed()) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("date", bar.date().toString());
            b.put("open", bar.open());
            b.put("high", bar.high());
            b.put("low", bar.low());
            b.put("close", bar.close());
            b.put("adjClose", bar.adjClose());
            b.put("volume", bar.volume());
            historical.add(b);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("symbol", symbol);
        root.put("historical", historical);
        return root;
    }

    /** {@code quote/A,B,C}: one object per known symbol. */
    Object quotes(List<String> symbols) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Quote quote : market.quotes(symbols).values()) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("symbol", quote.symbol());
            q.put("price", quote.price());
            if (quote.previousClose() != null) {
                double change = quote.price() - quote.previousClose();
                q.put("changesPercentage", round(100 * change / quote.previousClose(), 4));
                q.put("change", round(change, 4));
            }
            q.put("dayLow", quote.low());
            q.put("dayHigh", quote.high());
            q.put("marketCap", quote.marketCap());
            q.put("volume", quote.volume());
            q.put("open", quote.open());
            q.put("previousClose", quote.previousClose());
            q.put("pe", quote.peRatio());
            // the session's close in New York, which the client turns back into the quote's date
            q.put("timestamp", quote.date().atTime(LocalTime.of(16, 0)).atZone(NEW_YORK).toEpochSecond());
            out.add(q);
        }
        return out;
    }

    /** {@code profile/A,B,C}: one object per known symbol. */
    Object profiles(List<String> symbols) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (CompanyProfile profile : market.profiles(symbols).values()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("symbol", profile.symbol());
            p.put("beta", profile.beta());
            p.put("mktCap", profile.marketCap());
            p.put("range", profile.week52Low() == null || profile.week52High() == null ? ""
                    : profile.week52Low() + "-" + profile.week52High());
            p.put("companyName", profile.name());
            p.put("currency", profile.currency());
            p.put("exchangeShortName", profile.exchange());
            p.put("industry", profile.industry());
            p.put("website", profile.website());
            p.put("description", profile.description());
            p.put("ceo", profile.ceo());
            p.put("sector", profile.sector());
            p.put("country", profile.country());
            // FMP sends the head count as a string
            p.put("fullTimeEmployees", profile.employees() == null ? null : profile.employees().toString());
            p.put("isEtf", profile.etf());
            p.put("isFund", profile.fund());
            p.put("isActivelyTrading", true);
            out.add(p);
        }
        return out;
    }

    /** {@code income-statement/SYM?period=quarter|annual&limit=N} and the balance-sheet and cash-flow siblings. */
    Object statements(String symbol, StatementKind kind, Map<String, String> query) {
        Frequency frequency = "quarter".equalsIgnoreCase(query.getOrDefault("period", "annual"))
                ? Frequency.QUARTERLY : Frequency.ANNUAL;
        int limit = integer(query, "limit", DEFAULT_STATEMENT_LIMIT);
        List<Map<String, Object>> out = new ArrayList<>();
        for (FinancialStatement statement : market.statements(symbol, kind, frequency, limit)) {
            Map<String, Object> s = new LinkedHashMap<>();
            // only numbers (and nulls) become line items at the client, so the descriptive fields stay strings
            s.put("date", statement.periodEnd().toString());
            s.put("symbol", symbol);
            s.put("reportedCurrency", statement.currency());
            s.put("calendarYear", Integer.toString(statement.periodEnd().getYear()));
            s.put("period", frequency == Frequency.ANNUAL ? "FY"
                    : "Q" + ((statement.periodEnd().getMonthValue() + 2) / 3));
            s.putAll(statement.values());
            out.add(s);
        }
        return out;
    }

    /**
     * {@code historical/earning_calendar/SYM}: newest first; a reported date carries its quarter's EPS (net income
     * over shares), a scheduled one {@code "eps": null} — the client reads that as "not confirmed".
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
            e.put("date", date.date().toString());
            e.put("symbol", symbol);
            BigDecimal eps = null;
            BigDecimal revenue = null;
            String fiscalDateEnding = null;
            if (date.confirmed()) {
                if (quarter < income.size() && quarter < balance.size()) {
                    revenue = income.get(quarter).values().get("totalRevenue");
                    eps = eps(income.get(quarter), balance.get(quarter));
                    fiscalDateEnding = income.get(quarter).periodEnd().toString();
                }
                quarter++;
                eps = eps == null ? BigDecimal.ZERO : eps; // still reported, whatever the figure
            }
            e.put("eps", eps);
            e.put("epsEstimated", null);
            e.put("time", "amc");
            e.put("revenue", revenue);
            e.put("revenueEstimated", null);
            e.put("fiscalDateEnding", fiscalDateEnding);
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
