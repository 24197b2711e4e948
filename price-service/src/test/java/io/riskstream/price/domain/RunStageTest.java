package io.riskstream.price.domain;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RunStageTest {

    @Test
    void aReadyEventCompletesItsProducersStage() {
        assertThat(RunStage.of("prices-ready", null)).hasValue(new RunStage.Observation(RunStage.PRICES, RunStage.Status.DONE));
        assertThat(RunStage.of("factors-ready", null)).hasValue(new RunStage.Observation(RunStage.FACTORS, RunStage.Status.DONE));
        assertThat(RunStage.of("portfolio-analytics-ready", null))
                .hasValue(new RunStage.Observation(RunStage.PORTFOLIOS, RunStage.Status.DONE));
    }

    @Test
    void aDeadLetterFailsTheStageOfTheGroupThatGaveUp() {
        assertThat(RunStage.of("prices-ready.DLT", "factor-service"))
                .hasValue(new RunStage.Observation(RunStage.FACTORS, RunStage.Status.FAILED));
        assertThat(RunStage.of("prices-ready.DLT", "portfolio-service"))
                .hasValue(new RunStage.Observation(RunStage.PORTFOLIOS, RunStage.Status.FAILED));
        assertThat(RunStage.of("symbol-added.DLT", "price-service-it"))
                .hasValue(new RunStage.Observation(RunStage.PRICES, RunStage.Status.FAILED));
    }

    @Test
    void factorsAnswerPricesAndPortfoliosAnswerFactors() {
        assertThat(RunStage.FACTORS.upstream()).hasValue(RunStage.PRICES);
        assertThat(RunStage.PORTFOLIOS.upstream()).hasValue(RunStage.FACTORS);
        assertThat(RunStage.PRICES.upstream()).isEmpty();
        assertThat(RunStage.ofLabel("profiles")).hasValue(RunStage.PROFILES);
    }

    @Test
    void otherRecordsReportNoStage() {
        assertThat(RunStage.of("daily-close", null)).isEqualTo(Optional.empty());
        assertThat(RunStage.of("prices-ready.DLT", null)).isEmpty();
        assertThat(RunStage.of("prices-ready.DLT", "someone-else")).isEmpty();
    }
}
