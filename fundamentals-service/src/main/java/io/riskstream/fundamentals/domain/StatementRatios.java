package io.riskstream.fundamentals.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ratios derived from one period's typed line items (see {@link LineItems}), whatever provider named them. A ratio
 * whose denominator is near zero (|x| below {@link #MIN_DENOMINATOR}, i.e. under a thousand currency units, where
 * filings round to thousands) is not a meaningful number and is null; any other value is kept however extreme (a
 * −25,000 % margin, a debt/equity of 50,000), so the columns must be wide rather than the values clipped.
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
    public static BigDecimal totalDebt(Map<String, BigDecimal> items, Map<String, BigDecimal> typed) {
        for (String name : new String[]{"totalDebt", "shortLongTermDebtTotal"}) {
            if (items.get(name) != null) {
                return items.get(name);
            }
        }
        BigDecimal longTerm = typed.get("long_term_debt");
        BigDecimal shortTerm = typed.get("short_term_debt");
        if (longTerm == null && shortTerm == null) {
            return null;
        }
        return (longTerm == null ? BigDecimal.ZERO : longTerm).add(shortTerm == null ? BigDecimal.ZERO : shortTerm);
    }

    /** Margins and returns; {@code balance} is the same period's typed balance sheet (empty when not stored). */
    public static Map<String, BigDecimal> income(Map<String, BigDecimal> income, Map<String, BigDecimal> balance) {
        BigDecimal revenue = income.get("total_revenue");
        BigDecimal netIncome = income.get("net_income");
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        out.put("gross_margin", ratio(income.get("gross_profit"), revenue));
        out.put("operating_margin", ratio(income.get("operating_income"), revenue));
        out.put("net_margin", ratio(netIncome, revenue));
        out.put("return_on_assets", ratio(netIncome, balance.get("total_assets")));
        out.put("return_on_equity", ratio(netIncome, balance.get("total_shareholder_equity")));
        return out;
    }

    public static Map<String, BigDecimal> balanceSheet(Map<String, BigDecimal> items, Map<String, BigDecimal> balance) {
        BigDecimal debt = totalDebt(items, balance);
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        out.put("total_debt", debt);
        out.put("current_ratio", ratio(balance.get("total_current_assets"), balance.get("total_current_liabilities")));
        out.put("debt_to_equity", ratio(debt, balance.get("total_shareholder_equity")));
        return out;
    }

    /**
     * Free cash flow: the provider's own figure when it gives one, else operating cash flow minus capital
     * expenditure (stored as a positive outflow); its margin against the same period's revenue.
     */
    public static Map<String, BigDecimal> cashFlow(Map<String, BigDecimal> items, Map<String, BigDecimal> cash,
                                                   Map<String, BigDecimal> income) {
        BigDecimal ocf = cash.get("operating_cashflow");
        BigDecimal capex = cash.get("capital_expenditures");
        BigDecimal fcf = items.get("freeCashFlow") != null ? items.get("freeCashFlow")
                : ocf == null || capex == null ? null : ocf.subtract(capex.abs());
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        out.put("free_cash_flow", fcf);
        out.put("fcf_margin", ratio(fcf, income.get("total_revenue")));
        return out;
    }
}
