package io.riskstream.price;

import io.riskstream.common.calendar.NyseCalendar;
import io.riskstream.testsupport.TestInfra;
import io.riskstream.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /api/admin/backfill} answers 202 with its run id before any bar is fetched; the bars follow on the
 * backfill executor and the run shows them per symbol. Symbols BF* and dates in 2023 are this class's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "riskstream.daily-close.scheduler-enabled=false",
        "riskstream.prices.bootstrap-benchmarks=false",
        "riskstream.outbox.poll-interval=50ms"})
@DirtiesContext
class BackfillApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate FROM = LocalDate.of(2023, 1, 3);
    private static final LocalDate TO = LocalDate.of(2023, 3, 31);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "price-service", BackfillApiIT.class);
    }

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBackfillAnswersAtOnceWithItsRunAndTheRunShowsEverySymbolsBarsStored() throws Exception {
        HttpResponse<String> accepted = post("{\"from\":\"2023-01-03\",\"to\":\"2023-03-31\",\"symbols\":[\"bfaa\",\"BFAB\"]}");

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode body = JSON.readTree(accepted.body());
        String runId = body.get("runId").asString();
        assertThat(body.get("status").asString()).isEqualTo("accepted");
        assertThat(body.get("from").asString()).isEqualTo("2023-01-03");
        assertThat(body.get("to").asString()).isEqualTo("2023-03-31");
        assertThat(body.get("symbols").asInt()).isEqualTo(2);
        assertThat(body.get("runUrl").asString()).isEqualTo("/api/runs/" + runId);
        assertThat(accepted.headers().firstValue("Location")).hasValue("/api/runs/" + runId);
        assertThat(jdbc.queryForObject("select kind from run where run_id = ?::uuid", String.class, runId))
                .as("the run exists when the answer arrives").isEqualTo("backfill");

        int sessions = NyseCalendar.instance().tradingDays(FROM, TO).size();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode run = run(runId);
            assertThat(run.at("/stages/prices/total").asInt()).as(run.toString()).isEqualTo(2);
            assertThat(run.at("/stages/prices/done").asInt()).as(run.toString()).isEqualTo(2);
            assertThat(run.at("/stages/prices/pending").asInt()).isZero();
        });
        assertThat(barsBetween("BFAA")).isEqualTo(sessions);
        assertThat(barsBetween("BFAB")).isEqualTo(sessions);
        assertThat(run(runId).toString()).contains("\"subject\":\"BFAA\"").contains("\"subject\":\"BFAB\"");
    }

    @Test
    void aRepeatStoresNothingItsSymbolsAreUpToDateAndItsRunSucceeds() throws Exception {
        String request = "{\"from\":\"2023-02-01\",\"to\":\"2023-02-28\",\"symbols\":[\"BFRA\"]}";
        String first = JSON.readTree(post(request).body()).get("runId").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> run(first).at("/stages/prices/done").asInt() == 1);
        int stored = barsBetween("BFRA");

        HttpResponse<String> again = post(request);
        assertThat(again.statusCode()).isEqualTo(202);
        String second = JSON.readTree(again.body()).get("runId").asString();
        assertThat(second).isNotEqualTo(first);
        JsonNode ended = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> run(second), run -> !"running".equals(run.get("state").asString()));
        assertThat(ended.get("state").asString()).as(ended.toString()).isEqualTo("succeeded");
        assertThat(ended.at("/stages/prices/skipped").asInt()).isEqualTo(1);
        assertThat(ended.at("/stages/prices/done").asInt()).isZero();
        assertThat(barsBetween("BFRA")).isEqualTo(stored).isEqualTo(NyseCalendar.instance()
                .tradingDays(LocalDate.of(2023, 2, 1), LocalDate.of(2023, 2, 28)).size());
    }

    @Test
    void aRequestThatCannotRunIsRefusedWithItsReasonAndStartsNoRun() throws Exception {
        int runs = backfillRuns();

        HttpResponse<String> reversed = post("{\"from\":\"2023-03-01\",\"to\":\"2023-02-01\",\"symbols\":[\"BFXA\"]}");
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.body()).contains("from 2023-03-01 is after to 2023-02-01");
        HttpResponse<String> noFrom = post("{\"symbols\":[\"BFXA\"]}");
        assertThat(noFrom.statusCode()).isEqualTo(400);
        assertThat(noFrom.body()).contains("from is required");
        HttpResponse<String> badSymbol = post("{\"from\":\"2023-02-01\",\"symbols\":[\"BF XA\"]}");
        assertThat(badSymbol.statusCode()).isEqualTo(400);
        assertThat(badSymbol.body()).contains("symbols[]");

        assertThat(backfillRuns()).isEqualTo(runs);
        assertThat(barsBetween("BFXA")).isZero();
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/admin/backfill"))
                .header("Authorization", TestTokens.admin()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode run(String runId) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/runs/" + runId))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private int barsBetween(String symbol) {
        return jdbc.queryForObject("select count(*) from daily_bar where symbol = ? and trade_date between ? and ?",
                Integer.class, symbol, FROM, TO);
    }

    private int backfillRuns() {
        return jdbc.queryForObject("select count(*) from run where kind = 'backfill'", Integer.class);
    }
}
