package io.riskstream.fundamentals.domain;

import io.riskstream.marketdata.StatementKind;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The line items kept in typed columns, per statement: column → the names providers give that item, in order of
 * preference (Alpha Vantage / yahooquery, FMP's current API, FMP's legacy v3 — misspellings included). The first name
 * a statement carries a value for fills the column; every item a provider sends is still stored, in the row's full
 * item set. Outflows ({@link #OUTFLOWS}: capital expenditure, dividends paid, buybacks) are stored as positive
 * amounts, whichever sign the provider reports them with (Alpha Vantage positive, FMP negative).
 */
public final class LineItems {

    private static final Map<String, List<String>> INCOME = columns(
            "total_revenue", List.of("totalRevenue", "revenue"),
            "cost_of_revenue", List.of("costOfRevenue"),
            "gross_profit", List.of("grossProfit"),
            "research_and_development", List.of("researchAndDevelopment", "researchAndDevelopmentExpenses"),
            "selling_general_and_administrative", List.of("sellingGeneralAndAdministrative",
                    "sellingGeneralAndAdministrativeExpenses"),
            "operating_expenses", List.of("operatingExpenses"),
            "operating_income", List.of("operatingIncome"),
            "interest_expense", List.of("interestExpense"),
            "income_before_tax", List.of("incomeBeforeTax"),
            "income_tax_expense", List.of("incomeTaxExpense"),
            "depreciation_and_amortization", List.of("depreciationAndAmortization"),
            "ebit", List.of("ebit"),
            "ebitda", List.of("ebitda"),
            "net_income", List.of("netIncome"),
            "eps", List.of("eps", "basicEPS", "reportedEPS"),
            "diluted_eps", List.of("epsDiluted", "epsdiluted", "dilutedEPS"));
    private static final Map<String, List<String>> BALANCE_SHEET = columns(
            "total_assets", List.of("totalAssets"),
            "total_current_assets", List.of("totalCurrentAssets"),
            "cash_and_equivalents", List.of("cashAndCashEquivalentsAtCarryingValue", "cashAndCashEquivalents"),
            "short_term_investments", List.of("shortTermInvestments"),
            "current_net_receivables", List.of("currentNetReceivables", "netReceivables"),
            "inventory", List.of("inventory"),
            "property_plant_equipment", List.of("propertyPlantEquipment", "propertyPlantEquipmentNet"),
            "goodwill", List.of("goodwill"),
            "intangible_assets", List.of("intangibleAssets"),
            "total_liabilities", List.of("totalLiabilities"),
            "total_current_liabilities", List.of("totalCurrentLiabilities"),
            "accounts_payable", List.of("currentAccountsPayable", "accountPayables"),
            "short_term_debt", List.of("shortTermDebt"),
            "long_term_debt", List.of("longTermDebt"),
            "total_shareholder_equity", List.of("totalShareholderEquity", "totalStockholdersEquity"),
            "retained_earnings", List.of("retainedEarnings"),
            "shares_outstanding", List.of("commonStockSharesOutstanding"));
    private static final Map<String, List<String>> CASH_FLOW = columns(
            "operating_cashflow", List.of("operatingCashflow", "operatingCashFlow",
                    "netCashProvidedByOperatingActivities"),
            "capital_expenditures", List.of("capitalExpenditures", "capitalExpenditure",
                    "investmentsInPropertyPlantAndEquipment"),
            "cashflow_from_investment", List.of("cashflowFromInvestment", "netCashProvidedByInvestingActivities",
                    "netCashUsedForInvestingActivites"),
            "cashflow_from_financing", List.of("cashflowFromFinancing", "netCashProvidedByFinancingActivities",
                    "netCashUsedProvidedByFinancingActivities"),
            "dividend_payout", List.of("dividendPayout", "commonDividendsPaid", "netDividendsPaid", "dividendsPaid"),
            "stock_repurchases", List.of("paymentsForRepurchaseOfCommonStock", "commonStockRepurchased"),
            "depreciation_depletion_and_amortization", List.of("depreciationDepletionAndAmortization",
                    "depreciationAndAmortization"),
            "change_in_cash", List.of("changeInCashAndCashEquivalents", "netChangeInCash"));

    /** Columns holding an outflow, stored as a positive amount. */
    public static final Set<String> OUTFLOWS = Set.of("capital_expenditures", "dividend_payout", "stock_repurchases");

    private LineItems() {
    }

    /** The typed columns of a statement, in table order. */
    public static List<String> columns(StatementKind kind) {
        return List.copyOf(names(kind).keySet());
    }

    /** Each typed column with the first name providers give it (Alpha Vantage's, where it has one). */
    public static Map<String, String> primaryNames(StatementKind kind) {
        Map<String, String> out = new LinkedHashMap<>();
        names(kind).forEach((column, aliases) -> out.put(column, aliases.getFirst()));
        return out;
    }

    /** The typed values of one statement's items: column → the first provider name present (null when none is). */
    public static Map<String, BigDecimal> typed(StatementKind kind, Map<String, BigDecimal> items) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        names(kind).forEach((column, aliases) -> {
            BigDecimal value = null;
            for (String alias : aliases) {
                value = items.get(alias);
                if (value != null) {
                    break;
                }
            }
            out.put(column, value != null && OUTFLOWS.contains(column) ? value.abs() : value);
        });
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, List<String>> names(StatementKind kind) {
        return switch (kind) {
            case INCOME -> INCOME;
            case BALANCE_SHEET -> BALANCE_SHEET;
            case CASH_FLOW -> CASH_FLOW;
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> columns(Object... pairs) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], (List<String>) pairs[i + 1]);
        }
        return Collections.unmodifiableMap(out);
    }
}
