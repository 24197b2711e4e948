package io.riskstream.fundamentals.domain;

import io.riskstream.common.marketdata.StatementKind;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The line items kept in typed columns, per statement: column → provider field (Alpha Vantage / yahooquery naming).
 * Every other item a provider sends is still stored, in the row's full item set.
 */
public final class LineItems {

    private static final Map<String, String> INCOME = columns(
            "total_revenue", "totalRevenue", "cost_of_revenue", "costOfRevenue", "gross_profit", "grossProfit",
            "research_and_development", "researchAndDevelopment",
            "selling_general_and_administrative", "sellingGeneralAndAdministrative",
            "operating_expenses", "operatingExpenses", "operating_income", "operatingIncome",
            "interest_expense", "interestExpense", "income_before_tax", "incomeBeforeTax",
            "income_tax_expense", "incomeTaxExpense", "depreciation_and_amortization", "depreciationAndAmortization",
            "ebit", "ebit", "ebitda", "ebitda", "net_income", "netIncome");
    private static final Map<String, String> BALANCE_SHEET = columns(
            "total_assets", "totalAssets", "total_current_assets", "totalCurrentAssets",
            "cash_and_equivalents", "cashAndCashEquivalentsAtCarryingValue", "short_term_investments", "shortTermInvestments",
            "current_net_receivables", "currentNetReceivables", "inventory", "inventory",
            "property_plant_equipment", "propertyPlantEquipment", "goodwill", "goodwill",
            "intangible_assets", "intangibleAssets", "total_liabilities", "totalLiabilities",
            "total_current_liabilities", "totalCurrentLiabilities", "accounts_payable", "currentAccountsPayable",
            "short_term_debt", "shortTermDebt", "long_term_debt", "longTermDebt",
            "total_shareholder_equity", "totalShareholderEquity", "retained_earnings", "retainedEarnings",
            "shares_outstanding", "commonStockSharesOutstanding");
    private static final Map<String, String> CASH_FLOW = columns(
            "operating_cashflow", "operatingCashflow", "capital_expenditures", "capitalExpenditures",
            "cashflow_from_investment", "cashflowFromInvestment", "cashflow_from_financing", "cashflowFromFinancing",
            "dividend_payout", "dividendPayout", "stock_repurchases", "paymentsForRepurchaseOfCommonStock",
            "depreciation_depletion_and_amortization", "depreciationDepletionAndAmortization",
            "change_in_cash", "changeInCashAndCashEquivalents");

    private LineItems() {
    }

    public static Map<String, String> columns(StatementKind kind) {
        return switch (kind) {
            case INCOME -> INCOME;
            case BALANCE_SHEET -> BALANCE_SHEET;
            case CASH_FLOW -> CASH_FLOW;
        };
    }

    private static Map<String, String> columns(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}
