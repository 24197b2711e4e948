package io.riskstream.runs.domain;

import io.riskstream.common.event.RunStage;
import io.riskstream.runs.domain.StageObservation.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StageObservationTest {

    @Test
    void aReadyEventCompletesItsProducersStage() {
        assertThat(StageObservation.of("prices-ready", null)).hasValue(new StageObservation(RunStage.PRICES, Status.DONE));
        assertThat(StageObservation.of("factors-ready", null)).hasValue(new StageObservation(RunStage.FACTORS, Status.DONE));
        assertThat(StageObservation.of("portfolio-analytics-ready", null))
                .hasValue(new StageObservation(RunStage.PORTFOLIOS, Status.DONE));
    }

    @Test
    void aDeadLetterFailsTheStageOfTheGroupThatGaveUp() {
        assertThat(StageObservation.of("prices-ready.DLT", "factor-service"))
                .hasValue(new StageObservation(RunStage.FACTORS, Status.FAILED));
        assertThat(StageObservation.of("prices-ready.DLT", "portfolio-service"))
                .hasValue(new StageObservation(RunStage.PORTFOLIOS, Status.FAILED));
        assertThat(StageObservation.of("symbol-added.DLT", "price-service-it"))
                .hasValue(new StageObservation(RunStage.PRICES, Status.FAILED));
    }

    @Test
    void otherRecordsReportNoStage() {
        assertThat(StageObservation.of("daily-close", null)).isEmpty();
        assertThat(StageObservation.of("prices-ready.DLT", null)).isEmpty();
        assertThat(StageObservation.of("prices-ready.DLT", "someone-else")).isEmpty();
    }

    @Test
    void doneBeatsFailedBeatsSkipped() {
        assertThat(Status.FAILED.strongest(Status.DONE)).isEqualTo(Status.DONE);
        assertThat(Status.DONE.strongest(Status.FAILED)).isEqualTo(Status.DONE);
        assertThat(Status.SKIPPED.strongest(Status.FAILED)).isEqualTo(Status.FAILED);
        assertThat(Status.SKIPPED.strongest(Status.SKIPPED)).isEqualTo(Status.SKIPPED);
    }
}
