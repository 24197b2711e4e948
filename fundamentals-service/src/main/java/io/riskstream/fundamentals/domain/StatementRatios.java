package io.riskstream.fundamentals.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ratios derived from one period's statements. A ratio whose denominator is near zero (|x| below
 * {@link #MIN_DENOMINATOR}, i.e. under a thousand currency units, where filings round to thousands) is not a
 * meaningful number and is null; any other value is kept however extreme (a −25,000 % margin, a debt/equity of
 * 50,000), so the columns must be wide rather than the values clipped.
 */
public final class StatementRatios {

    public static final BigDecimal MIN_DENOMINATOR = BigDecimal.valueOf(1_000);
    public static final int SCALE = 6;

    private StatementRatios() {
    }

    public static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null || denominator.abs().compareTo(MIN_DENOMINATOR) < 0) {
            return null;
        }
        return numerator.divide(denominator, MathContext.DECIMAL128).setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    /** Total debt: the provider's total when given, else long-term plus short-term debt. */
    public static BigDecimal totalDebt(Map<String, BigDecimal> balance) {
        BigDecimal total = balance.get("shortLongTermDebtTotal");
        if (total != null) {
            return total;
        }
        BigDecimal longTerm = balance.get("longTermDebt");
        BigDecimal shortTerm = balance.get("shortTermDebt");
        if (longTerm == null && shortTerm == null) {
            return null;
        }
        return (longTerm == null ? BigDecimal.ZERO : longTerm).add(shortTerm == null ? BigDecimal.ZERO : shortTerm);
    }

    public static Map<String, BigDecimal> income(Map<String, BigDecimal> income, Map<String, BigDecimal> balance) {
        BigDecimal revenue = income.get("totalRevenue");
        BigDecimal netIncome = income.get("netIncome");
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        out.put("gross_margin", ratio(income.get("grossProfit"), revenue));
        out.put("operating_margin", ratio(income.get("operatingIncome"), revenue));
        out.put("net_margin", ratio(netIncome, revenue));
        out.put("return_on_assets", ratio(netIncome, balance.get("totalAssets")));
        out.put("return_on_equity", ratio(netIncome, balance.get("totalShareholderEquity")));
        return out;
    }

    public static Map<String, BigDecimal> balanceSheet(Map<String, BigDecimal> balance) {
        BigDecimal debt = totalDebt(balance);
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        out.put("total_debt", debt);
        out.put("current_ratio", ratio(balance.get("totalCurrentAssets"), balance.get("totalCurrentLiabilities")));
        out.put("debt_to_equity", ratio(debt, balance.get("totalShareholderEquity")));
        return out;
    }

    public static Map<String, BigDecimal> cashFlow(Map<String, BigDecimal> cash, Map<String, BigDecimal> income) {
        BigDecimal ocf = cash.get("operatingCashflow");
        BigDecimal capex = cash.get("capitalExpenditures");
        // providers report capital expenditures as a positive outflow
        BigDecimal fcf = ocf == null || capex == null ? null : ocf.subtract(capex.abs());
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        out.put("free_cash_flow", fcf);
        out.put("fcf_margin", ratio(fcf, income.get("totalRevenue")));
        return out;
    }
}
