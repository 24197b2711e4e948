package io.riskstream.system;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two runs at once — an operator's backfill and an onboarding — each report their own symbols and progress. */
class OverlappingRunsIT {

    private final RiskstreamSystem system = RiskstreamSystem.shared();

    @Test
    void aBackfillAndAnOnboardingRunningTogetherReportSeparateProgress() {
        // the backfill's symbols first get their ordinary history (so the backfill adds older bars to known symbols)
        for (String symbol : new String[]{"OVBA", "OVBB"}) {
            Http.postAdmin(system.url("price-service") + "/api/universe", "{\"symbol\":\"" + symbol + "\",\"tier\":\"WATCHLIST\"}",
                    RiskstreamSystem.ADMIN_TOKEN);
        }
        CompletableFuture<Http.Response> backfill = CompletableFuture.supplyAsync(() -> Http.postAdmin(
                system.url("price-service") + "/api/admin/backfill",
                "{\"from\":\"2022-01-03\",\"to\":\"2022-06-30\",\"symbols\":[\"OVBA\",\"OVBB\"]}", RiskstreamSystem.ADMIN_TOKEN));
        Http.Response onboarding = Http.post(system.url("portfolio-service") + "/api/portfolios", """
                {"name":"overlap","equity":100000,"positions":[
                  {"symbol":"OVON","quantity":10,"entryPrice":20.0,"entryDate":"2024-06-28"}]}""");
        assertThat(onboarding.status()).as(onboarding.body()).isEqualTo(201);
        String onboardingRun = onboarding.json().get("runId").asString();
        Http.Response backfilled = backfill.join();
        assertThat(backfilled.status()).as(backfilled.body()).isEqualTo(200);
        assertThat(backfilled.json().get("barsInserted").asInt()).isEqualTo(2 * 124); // 2022-01-03..06-30: 124 sessions
        String backfillRun = backfilled.json().get("runId").asString();

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Http.Response r = Http.get(system.url("price-service") + "/api/runs/" + backfillRun);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode stages = r.json().get("stages");
            assertThat(stages.at("/prices/done").asInt()).as(r.body()).isEqualTo(2);
            assertThat(r.body()).contains("\"subject\":\"OVBA\"").contains("\"subject\":\"OVBB\"").doesNotContain("OVON");
        });
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Http.Response r = Http.get(system.url("price-service") + "/api/runs/" + onboardingRun);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode stages = r.json().get("stages");
            assertThat(stages.at("/prices/done").asInt()).as(r.body()).isEqualTo(1);
            assertThat(stages.at("/factors/done").asInt()).as(r.body()).isEqualTo(1);
            assertThat(r.body()).contains("\"subject\":\"OVON\"").doesNotContain("OVBA").doesNotContain("OVBB");
        });
    }
}
