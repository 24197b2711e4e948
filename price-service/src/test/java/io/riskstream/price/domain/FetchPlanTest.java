package io.riskstream.price.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FetchPlanTest {

    private static final LocalDate TARGET = LocalDate.of(2024, 12, 31);
    private static final LocalDate REQUIRED = TARGET.minusDays(575);

    @Test
    void aSymbolWithoutHistoryIsBackfilledOverTheWholeRequiredRange() {
        FetchPlan plan = FetchPlan.decide(Optional.empty(), Optional.empty(), Optional.empty(), REQUIRED, TARGET);
        assertThat(plan).isEqualTo(new FetchPlan(FetchPlan.Kind.BACKFILL, REQUIRED, TARGET));
    }

    @Test
    void aSymbolWithFullHistoryFetchesOnlyTheDaysAfterItsWatermark() {
        FetchPlan plan = FetchPlan.decide(Optional.of(REQUIRED), Optional.of(TARGET.minusDays(3)), Optional.empty(),
                REQUIRED, TARGET);
        assertThat(plan).isEqualTo(new FetchPlan(FetchPlan.Kind.INCREMENTAL, TARGET.minusDays(2), TARGET));
    }

    @Test
    void aSymbolUpToDateFetchesNothing() {
        assertThat(FetchPlan.decide(Optional.of(REQUIRED), Optional.of(TARGET), Optional.empty(), REQUIRED, TARGET)
                .fetches()).isFalse();
    }

    @Test
    void tooShortAHistoryIsBackfilledAgain() {
        FetchPlan plan = FetchPlan.decide(Optional.of(TARGET.minusDays(30)), Optional.of(TARGET), Optional.empty(),
                REQUIRED, TARGET);
        assertThat(plan.kind()).isEqualTo(FetchPlan.Kind.BACKFILL);
    }

    @Test
    void aShortHistoryIsCompleteWhenTheProviderHasNothingOlder() {
        LocalDate listed = TARGET.minusDays(100);
        FetchPlan plan = FetchPlan.decide(Optional.of(listed), Optional.of(TARGET), Optional.of(listed), REQUIRED, TARGET);
        assertThat(plan.fetches()).isFalse();
    }

    @Test
    void privateIdentifiersAndOptionsAreNeverSentToAProvider() {
        assertThat(SymbolRules.isPricedByProvider("AAPL")).isTrue();
        assertThat(SymbolRules.isPricedByProvider("BRK-B")).isTrue();
        assertThat(SymbolRules.isPricedByProvider("A16Z_VC_FUND")).isFalse();
        assertThat(SymbolRules.isPricedByProvider("AAPL250815P00200000")).isFalse();
        assertThat(SymbolRules.isPricedByProvider("EQ0A1B2C3D4E")).isFalse();
    }
}
