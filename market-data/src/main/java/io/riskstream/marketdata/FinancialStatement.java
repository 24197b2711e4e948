package io.riskstream.marketdata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * One statement for one period: line items by the provider's own names (null value = the provider said "None"),
 * and the provider that answered it.
 */
public record FinancialStatement(String symbol, StatementKind kind, Frequency frequency, LocalDate periodEnd,
                                 String currency, Map<String, BigDecimal> values, String source) {
}
