package io.riskstream.fundamentals.domain;

import io.riskstream.marketdata.FinancialStatement;
import io.riskstream.marketdata.Frequency;
import io.riskstream.marketdata.StatementKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One stored statement row, keyed (symbol, frequency, period end) within its statement's table: the full item set
 * under the provider's names (null = the provider said "None"), the typed line items, the derived values, and the
 * provider that answered it.
 */
public record StatementRow(String symbol, StatementKind kind, Frequency frequency, LocalDate periodEnd,
                           String currency, Map<String, BigDecimal> items, Map<String, BigDecimal> lineItems,
                           Map<String, BigDecimal> derived, String source) {

    private record PeriodKey(String symbol, Frequency frequency, LocalDate periodEnd) {
    }

    /** Rows for statements; ratios that span statements use the same period's other statements when present. */
    public static List<StatementRow> of(List<FinancialStatement> statements) {
        Map<PeriodKey, Map<StatementKind, Map<String, BigDecimal>>> typedByPeriod = new HashMap<>();
        for (FinancialStatement s : statements) {
            typedByPeriod.computeIfAbsent(new PeriodKey(s.symbol(), s.frequency(), s.periodEnd()), k -> new HashMap<>())
                    .put(s.kind(), LineItems.typed(s.kind(), s.values()));
        }
        List<StatementRow> rows = new ArrayList<>();
        for (FinancialStatement s : statements) {
            Map<StatementKind, Map<String, BigDecimal>> period = typedByPeriod.get(
                    new PeriodKey(s.symbol(), s.frequency(), s.periodEnd()));
            Map<String, BigDecimal> typed = period.get(s.kind());
            Map<String, BigDecimal> income = period.getOrDefault(StatementKind.INCOME, Map.of());
            Map<String, BigDecimal> balance = period.getOrDefault(StatementKind.BALANCE_SHEET, Map.of());
            Map<String, BigDecimal> derived = switch (s.kind()) {
                case INCOME -> StatementRatios.income(typed, balance);
                case BALANCE_SHEET -> StatementRatios.balanceSheet(s.values(), typed);
                case CASH_FLOW -> StatementRatios.cashFlow(s.values(), typed, income);
            };
            rows.add(new StatementRow(s.symbol(), s.kind(), s.frequency(), s.periodEnd(), s.currency(),
                    Collections.unmodifiableMap(new LinkedHashMap<>(s.values())), typed,
                    Collections.unmodifiableMap(derived), s.source()));
        }
        return rows;
    }
}
