package io.riskstream.portfolio.domain;

import io.riskstream.common.calendar.NyseCalendar;
import io.riskstream.portfolio.config.StressScenarioFile;
import io.riskstream.portfolio.domain.risk.PriceHistories;
import io.riskstream.portfolio.domain.risk.RiskAnalysis;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DateValuationTest {

    private static final LocalDate D1 = LocalDate.of(2024, 12, 2), D2 = LocalDate.of(2024, 12, 3);

    private final DateValuation valuation = new DateValuation(new NyseCalendar(),
            new RiskAnalysis(StressScenarioFile.load("classpath:stress-scenarios.json")));

    @Test
    void aWipedOutBookIsStoredPartialWithoutFactorExposures() {
        // short 100 AAA from 50 with 1,000 of equity; AAA closes at 70: NAV −1,000
        ValuedDate d2 = valueD2(-100, Set.of());
        assertThat(d2.snapshot().equity()).isCloseTo(-1_000, within(1e-9));
        assertThat(d2.exposures().factors()).isEmpty();
        assertThat(d2.exposures().coverage()).isZero();
        assertThat(d2.completeness()).isEqualTo(new Completeness(Set.of(), List.of(), true));
        assertThat(d2.partial()).isTrue();
    }

    @Test
    void aSolventBookWithEveryBetaIsCompleteAndOneWithoutSomeIsPartialNamingThem() {
        ValuedDate complete = valueD2(10, Set.of());
        assertThat(complete.partial()).isFalse();
        assertThat(complete.exposures().factor("market_beta")).hasValueSatisfying(v ->
                assertThat(v[0]).isCloseTo(10 * 70 / 1_200.0, within(1e-12)));

        ValuedDate partial = valueD2(10, Set.of("AAA"));
        assertThat(partial.partial()).isTrue();
        assertThat(partial.completeness().reasons()).containsExactly("no betas for the date: [AAA]");
    }

    @Test
    void theNextDateRollsForwardFromTheNavAsStored() {
        ValuedDate d = valueD2(10, Set.of());
        assertThat(d.asPrevious().equity()).isEqualTo(ValuedDate.storedNav(d.snapshot().equity()).doubleValue());
    }

    @Test
    void withTheRiskAnalyticsSwitchedOffADateIsValuedWithoutThemAndReadsNoPriceHistory() {
        DateValuation off = DateValuation.withoutRiskAnalytics(new NyseCalendar());
        Book book = new Book(List.of(new Position(UUID.randomUUID(), UUID.randomUUID(), "AAA", BigDecimal.TEN,
                BigDecimal.valueOf(50), D1, null, null, "LONG")));
        assertThat(off.historySymbols(book)).isEmpty();
        assertThat(off.historyStart(D2)).isEqualTo(D2);
        assertThat(valuation.historySymbols(book)).contains("AAA", "SPY");

        ValuedDate on = valueD2(valuation, 10, Set.of());
        ValuedDate without = valueD2(off, 10, Set.of());
        assertThat(on.risk()).isNotNull();
        assertThat(without.risk()).isNull();
        // everything else is valued exactly as with them
        assertThat(without.snapshot()).isEqualTo(on.snapshot());
        assertThat(without.exposures().factor("market_beta")).hasValueSatisfying(v ->
                assertThat(v).containsExactly(on.exposures().factor("market_beta").orElseThrow()));
        assertThat(without.positions()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("positionId")
                .isEqualTo(on.positions());
        assertThat(without.partial()).isFalse();
    }

    private ValuedDate valueD2(double quantity, Set<String> withoutBetas) {
        return valueD2(valuation, quantity, withoutBetas);
    }

    private ValuedDate valueD2(DateValuation valuation, double quantity, Set<String> withoutBetas) {
        Position aaa = new Position(UUID.randomUUID(), UUID.randomUUID(), "AAA", BigDecimal.valueOf(quantity),
                BigDecimal.valueOf(50), D1, null, null, quantity > 0 ? "LONG" : "SHORT");
        DateValuation.Inputs in = new DateValuation.Inputs(1_000, new Book(List.of(aaa)),
                Map.of(D1, new DailySnapshotCalculation.Previous(D1, 1_000, 0, 0, 0)),
                new CloseHistory(Map.of("AAA", new TreeMap<>(Map.of(D1, 50.0, D2, 70.0)))),
                new BetasByDate(Map.of(D2, Map.of("AAA", Map.of("market_beta", 1.0))), Map.of()), Map.of(),
                PriceHistories.empty());
        return valuation.rollForward(List.of(new Readiness.Ready(D2, withoutBetas, Map.of())), in).getFirst();
    }
}
