package io.riskstream.fundamentals.domain;

import io.riskstream.marketdata.FinancialStatement;
import io.riskstream.marketdata.Frequency;
import io.riskstream.marketdata.StatementKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StatementCompletenessTest {

    private static FinancialStatement statement(StatementKind kind, Frequency frequency) {
        return new FinancialStatement("X", kind, frequency, LocalDate.of(2026, 9, 30), "USD", Map.of(), "test");
    }

    private static List<FinancialStatement> all(Frequency frequency) {
        List<FinancialStatement> statements = new ArrayList<>();
        for (StatementKind kind : StatementKind.values()) {
            statements.add(statement(kind, frequency));
        }
        return statements;
    }

    @Test
    void everyStatementOfEachFrequencyIsComplete() {
        List<FinancialStatement> fetched = new ArrayList<>(all(Frequency.QUARTERLY));
        fetched.addAll(all(Frequency.ANNUAL));

        assertThat(StatementCompleteness.missing(fetched)).isEmpty();
    }

    @Test
    void noStatementsAtAllIsAFundNotAGap() {
        assertThat(StatementCompleteness.missing(List.of())).isEmpty();
    }

    @Test
    void aFrequencyWithoutAnyStatementIsNotAGap() {
        // a foreign filer reports annually only
        assertThat(StatementCompleteness.missing(all(Frequency.ANNUAL))).isEmpty();
    }

    @Test
    void aStatementMissingBesideTheOthersOfItsFrequencyIsNamed() {
        List<FinancialStatement> fetched = new ArrayList<>(all(Frequency.ANNUAL));
        fetched.add(statement(StatementKind.INCOME, Frequency.QUARTERLY));
        fetched.add(statement(StatementKind.BALANCE_SHEET, Frequency.QUARTERLY));

        assertThat(StatementCompleteness.missing(fetched)).containsExactly("quarterly cash_flow");
    }
}
