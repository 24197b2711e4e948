package io.riskstream.common.event;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunStageTest {

    @Test
    void eachStageIsCompletedByItsServicesReadyTopic() {
        assertThat(RunStage.ofReadyTopic(Topics.PRICES_READY)).hasValue(RunStage.PRICES);
        assertThat(RunStage.ofReadyTopic(Topics.FACTORS_READY)).hasValue(RunStage.FACTORS);
        assertThat(RunStage.ofReadyTopic(Topics.PORTFOLIO_ANALYTICS_READY)).hasValue(RunStage.PORTFOLIOS);
        assertThat(RunStage.ofReadyTopic(Topics.DAILY_CLOSE)).isEmpty();
    }

    @Test
    void aConsumerGroupBelongsToTheStageOfItsService() {
        assertThat(RunStage.ofConsumerGroup("factor-service")).hasValue(RunStage.FACTORS);
        assertThat(RunStage.ofConsumerGroup("portfolio-service")).hasValue(RunStage.PORTFOLIOS);
        assertThat(RunStage.ofConsumerGroup("price-service-it-SomeIT")).hasValue(RunStage.PRICES);
        assertThat(RunStage.ofConsumerGroup("someone-else")).isEmpty();
        assertThat(RunStage.ofConsumerGroup(null)).isEmpty();
    }

    @Test
    void factorsAnswerPricesAndPortfoliosAnswerFactors() {
        assertThat(RunStage.FACTORS.upstream()).hasValue(RunStage.PRICES);
        assertThat(RunStage.PORTFOLIOS.upstream()).hasValue(RunStage.FACTORS);
        assertThat(RunStage.PRICES.upstream()).isEmpty();
    }

    @Test
    void theLabelsAreThePipelineOrderAndAReportAcceptsNoOther() {
        assertThat(RunStage.labels()).containsExactly("prices", "profiles", "fundamentals", "factors", "portfolios");
        assertThat(RunStage.ofLabel("profiles")).hasValue(RunStage.PROFILES);
        assertThatThrownBy(() -> new RunStageReport(java.util.UUID.randomUUID(), null, "prizes",
                RunStageReport.Kind.EXPECTED, List.of("A"), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prizes");
    }
}
