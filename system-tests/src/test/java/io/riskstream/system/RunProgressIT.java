package io.riskstream.system;

import io.riskstream.common.event.Topics;
import io.riskstream.testsupport.KafkaTestClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A run's progress gathered from the events: an onboarding run (started by portfolio-service, carried through
 * every service's events) shows on price-service's /api/runs/{runId} with its symbol done in every stage.
 */
class RunProgressIT {

    private final RiskstreamSystem system = RiskstreamSystem.shared();

    @Test
    void anOnboardingRunShowsEachStageDonePerSymbol() {
        Http.Response created = Http.post(system.url("portfolio-service") + "/api/portfolios", """
                {"name":"run test","equity":100000,"positions":[
                  {"symbol":"RUNX","quantity":100,"entryPrice":50.0,"entryDate":"2024-06-28"}]}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String portfolio = created.json().get("id").asString();

        List<ConsumerRecord<String, String>> analytics = await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> KafkaTestClient.readAll(Topics.PORTFOLIO_ANALYTICS_READY, r -> portfolio.equals(r.key())),
                        records -> !records.isEmpty());
        String runId = Http.JSON.readTree(analytics.getFirst().value()).get("runId").asString();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Http.Response r = Http.get(system.url("price-service") + "/api/runs/" + runId);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode stages = r.json().get("stages");
            assertThat(stages.at("/prices/done").asInt()).as(r.body()).isGreaterThanOrEqualTo(1);
            assertThat(stages.at("/factors/done").asInt()).as(r.body()).isGreaterThanOrEqualTo(1);
            assertThat(stages.at("/portfolios/done").asInt()).as(r.body()).isGreaterThanOrEqualTo(1);
            assertThat(r.body()).contains("\"subject\":\"RUNX\"").contains("\"subject\":\"" + portfolio + "\"");
        });
    }
}
