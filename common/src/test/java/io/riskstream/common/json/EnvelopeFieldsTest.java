package io.riskstream.common.json;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.FactorsReady;
import io.riskstream.common.event.PriceBar;
import io.riskstream.common.event.PricesReady;
import io.riskstream.common.event.RunStage;
import io.riskstream.common.event.RunStageReport;
import io.riskstream.common.event.Topics;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EnvelopeFieldsTest {

    private final EventCodec codec = new EventCodec();
    private static final UUID RUN = UUID.fromString("00000000-0000-0000-0000-000000000007");

    @Test
    void readsTheRunIdAndTheAskedPayloadFieldsOfAnEncodedEvent() {
        PricesReady prices = new PricesReady("AAPL", LocalDate.of(2024, 12, 31), false, List.of(
                new PriceBar(LocalDate.of(2024, 12, 31), 1.0, 2.0, 0.5, 1.5, 1.5, 10L)));
        String json = codec.encode(EventEnvelope.of(UUID.randomUUID(), RUN, Instant.now(), prices));

        EnvelopeFields fields = codec.peek(json, Set.of("symbol", "through")).orElseThrow();

        assertThat(fields.runId()).isEqualTo(RUN);
        assertThat(fields.first("symbol")).hasValue("AAPL");
        assertThat(fields.first("through")).hasValue("2024-12-31");
        assertThat(fields.all("bars.date")).as("not asked for").isEmpty();
    }

    @Test
    void collectsAFieldOfEveryArrayElement() {
        FactorsReady.FactorValue beta = new FactorsReady.FactorValue(1.1, null, null, null, null, null, 30);
        FactorsReady factors = new FactorsReady("MSFT", List.of(
                new FactorsReady.DatedExposures(LocalDate.of(2024, 12, 30), Map.of("market_beta", beta)),
                new FactorsReady.DatedExposures(LocalDate.of(2024, 12, 31), Map.of("market_beta", beta))));
        String json = codec.encode(EventEnvelope.of(UUID.randomUUID(), RUN, Instant.now(), factors));

        EnvelopeFields fields = codec.peek(json, Set.of("exposures.calculationDate")).orElseThrow();

        assertThat(fields.all("exposures.calculationDate")).containsExactly("2024-12-30", "2024-12-31");
    }

    @Test
    void doesNotDependOnTheOrderOfTheFields() {
        String payloadFirst = """
                {"payload":{"runId":"00000000-0000-0000-0000-000000000099","symbol":"X","through":"2024-12-31",
                 "bars":[{"date":"2024-12-31","adjClose":1.0}]},
                 "eventId":"%s","type":"prices-ready","schemaVersion":1,"occurredAt":"2024-12-31T22:00:00Z",
                 "runId":"%s"}""".formatted(UUID.randomUUID(), RUN);

        EnvelopeFields fields = codec.peek(payloadFirst, Set.of()).orElseThrow();

        assertThat(fields.runId()).as("the envelope's, not a payload field of the same name").isEqualTo(RUN);
    }

    @Test
    void aValueWithoutAValidRunIdGivesNothing() {
        assertThat(codec.peek("{not json", Set.of())).isEmpty();
        assertThat(codec.peek("[1,2]", Set.of())).isEmpty();
        assertThat(codec.peek("{\"runId\":\"not-a-uuid\"}", Set.of())).isEmpty();
        assertThat(codec.peek("{\"eventId\":\"x\"}", Set.of())).isEmpty();
        assertThat(codec.peek(null, Set.of())).isEmpty();
    }

    @Test
    void aRunStageReportKeepsItsLabelOnTheWire() {
        RunStageReport report = RunStageReport.expected(RUN, "daily-close", RunStage.PRICES, List.of("AAPL"));
        String json = codec.encode(EventEnvelope.of(UUID.randomUUID(), RUN, Instant.now(), report));

        assertThat(json).contains("\"stage\":\"prices\"").doesNotContain("runStage");
        assertThat(codec.decode(Topics.RUN_STATUS, json, RunStageReport.class).payload().runStage())
                .isEqualTo(RunStage.PRICES);
    }
}
