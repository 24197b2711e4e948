package io.riskstream.system;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two runs at once — an operator's backfill and an onboarding, a daily close and an onboarding — each report their
 * own symbols, totals and state, and each reaches its end.
 */
class OverlappingRunsIT {

    private final RiskstreamSystem system = RiskstreamSystem.shared();

    @Test
    void aBackfillAndAnOnboardingRunningTogetherReportSeparateProgress() {
        // the backfill's symbols first get their ordinary history (so the backfill adds older bars to known symbols)
        for (String symbol : new String[]{"OVBA", "OVBB"}) {
            Http.postAdmin(system.url("price-service") + "/api/universe",
                    "{\"symbol\":\"" + symbol + "\",\"tier\":\"WATCHLIST\"}");
        }
        // the backfill answers 202 at once and works on while the onboarding runs
        Http.Response backfilled = Http.postAdmin(system.url("price-service") + "/api/admin/backfill",
                "{\"from\":\"2022-01-03\",\"to\":\"2022-06-30\",\"symbols\":[\"OVBA\",\"OVBB\"]}");
        Http.Response onboarding = Http.post(system.url("portfolio-service") + "/api/portfolios", """
                {"name":"overlap","equity":100000,"positions":[
                  {"symbol":"OVON","quantity":10,"entryPrice":20.0,"entryDate":"2024-06-28"}]}""");
        assertThat(onboarding.status()).as(onboarding.body()).isEqualTo(201);
        String onboardingRun = onboarding.json().get("runId").asString();
        assertThat(backfilled.status()).as(backfilled.body()).isEqualTo(202);
        String backfillRun = backfilled.json().get("runId").asString();

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Http.Response r = Http.get(system.url("price-service") + "/api/runs/" + backfillRun);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode stages = r.json().get("stages");
            assertThat(stages.at("/prices/done").asInt()).as(r.body()).isEqualTo(2);
            assertThat(r.body()).contains("\"subject\":\"OVBA\"").contains("\"subject\":\"OVBB\"").doesNotContain("OVON");
        });
        // 2022-01-03..06-30: 124 sessions of each symbol, older than the history they had
        assertThat(system.jdbc("price-service").queryForObject("select count(*) from daily_bar where symbol in ('OVBA',"
                + " 'OVBB') and trade_date between '2022-01-03' and '2022-06-30'", Integer.class)).isEqualTo(2 * 124);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Http.Response r = Http.get(system.url("price-service") + "/api/runs/" + onboardingRun);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode stages = r.json().get("stages");
            assertThat(stages.at("/prices/done").asInt()).as(r.body()).isEqualTo(1);
            assertThat(stages.at("/factors/done").asInt()).as(r.body()).isEqualTo(1);
            assertThat(r.body()).contains("\"subject\":\"OVON\"").doesNotContain("OVBA").doesNotContain("OVBB");
        });
    }

    /**
     * In these tests "today" is 2024-12-31 and every held symbol is up to date, so a daily close for it has nothing
     * to do. The close of Friday 2024-12-27 is the weekly UNIVERSE refresh: two symbols backfilled only through
     * 2024-12-20 (UNIVERSE tier) are behind, so it brings them up to date while an onboarding runs beside it.
     */
    @Test
    void aDailyCloseAndAnOnboardingReportSeparateTotalsAndBothEnd() {
        Http.Response backfilled = Http.postAdmin(system.url("price-service") + "/api/admin/backfill",
                "{\"from\":\"2024-06-03\",\"to\":\"2024-12-20\",\"symbols\":[\"DCRA\",\"DCRB\"]}");
        assertThat(backfilled.status()).as(backfilled.body()).isEqualTo(202);
        String backfillRun = backfilled.json().get("runId").asString();
        awaitEnd(backfillRun);

        Http.Response close = Http.postAdmin(system.url("price-service") + "/api/admin/daily-close?date=2024-12-27", "");
        assertThat(close.status()).as(close.body()).isEqualTo(200);
        String closeRun = close.json().get("runId").asString();
        Http.Response onboarding = Http.post(system.url("portfolio-service") + "/api/portfolios", """
                {"name":"overlap close","equity":100000,"positions":[
                  {"symbol":"OVDC","quantity":10,"entryPrice":20.0,"entryDate":"2024-09-30"}]}""");
        assertThat(onboarding.status()).as(onboarding.body()).isEqualTo(201);
        String onboardingRun = onboarding.json().get("runId").asString();
        String portfolio = onboarding.json().get("id").asString();

        JsonNode closed = awaitEnd(closeRun);
        assertThat(closed.get("state").asString()).as(closed.toString()).isEqualTo("succeeded");
        assertThat(closed.get("kind").asString()).isEqualTo("daily-close");
        assertThat(closed.get("tradingDate").asString()).isEqualTo("2024-12-27");
        JsonNode prices = closed.at("/stages/prices");
        // the behind symbols of the shared system: ours, and any other test's UNIVERSE symbol still behind
        assertThat(prices.get("total").asInt()).as(closed.toString()).isGreaterThanOrEqualTo(2);
        assertThat(prices.get("done").asInt() + prices.get("skipped").asInt()).isEqualTo(prices.get("total").asInt());
        assertThat(prices.get("pending").asInt()).isZero();
        assertThat(closed.at("/stages/factors/total").isNull()).isFalse();
        assertThat(closed.at("/stages/factors/pending").asInt()).isZero();
        assertThat(closed.at("/stages/portfolios/settled").asBoolean()).isTrue();
        assertThat(closed.at("/stages/profiles/total").isNull()).as("profile-service declares no totals").isTrue();
        assertThat(closed.get("endedAt").isNull()).isFalse();
        assertThat(closed.get("failures")).isEmpty();
        assertThat(closed.get("activity")).isNotEmpty();
        assertThat(closed.toString()).contains("\"subject\":\"DCRA\"").contains("\"subject\":\"DCRB\"")
                .doesNotContain("OVDC").doesNotContain(portfolio);
        assertThat(closed.at("/freshness/latestSession").asString()).isEqualTo(RiskstreamSystem.AS_OF);

        JsonNode onboarded = awaitEnd(onboardingRun);
        assertThat(onboarded.get("state").asString()).as(onboarded.toString()).isEqualTo("succeeded");
        assertThat(onboarded.get("kind").asString()).isEqualTo("onboarding");
        assertThat(onboarded.at("/stages/prices/total").asInt()).as(onboarded.toString()).isEqualTo(1);
        assertThat(onboarded.at("/stages/prices/done").asInt()).isEqualTo(1);
        assertThat(onboarded.at("/stages/factors/total").asInt()).isEqualTo(1);
        assertThat(onboarded.at("/stages/factors/done").asInt()).isEqualTo(1);
        assertThat(onboarded.at("/stages/portfolios/total").asInt()).isEqualTo(1);
        assertThat(onboarded.at("/stages/portfolios/done").asInt()).isEqualTo(1);
        assertThat(onboarded.toString()).contains("\"subject\":\"OVDC\"").doesNotContain("DCRA").doesNotContain("DCRB");

        Http.Response list = Http.get(system.url("price-service") + "/api/runs?limit=50");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(closeRun).contains(onboardingRun).contains(backfillRun);
        assertThat(list.json().at("/freshness/datasets/prices/subjects").asInt()).isPositive();

        // every symbol held in a portfolio is up to date on 2024-12-31: none is a trading day behind
        Http.Response stale = Http.get(system.url("price-service") + "/api/freshness?dataset=prices&minDays=1");
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body()).doesNotContain("OVDC");
        Http.Response all = Http.get(system.url("price-service") + "/api/freshness?dataset=analytics&minDays=0&limit=5000");
        assertThat(all.body()).contains(portfolio);
    }

    private JsonNode awaitEnd(String runId) {
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Http.Response r = Http.get(system.url("price-service") + "/api/runs/" + runId);
            return r.status() == 200 ? r.json() : null;
        }, run -> run != null && !"running".equals(run.get("state").asString()));
    }
}
