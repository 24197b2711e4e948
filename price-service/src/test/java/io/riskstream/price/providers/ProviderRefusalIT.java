package io.riskstream.price.providers;

import io.riskstream.testsupport.ProviderStubServer.Answer;
import io.riskstream.testsupport.ProviderStubServer;
import io.riskstream.testsupport.TestInfra;
import io.riskstream.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * FMP refuses the key ("Legacy Endpoint", 403) and the chain is {@code fmp,simulated}: the simulated market does not
 * stand in — nothing is stored — the service still starts, readiness is DOWN with FMP's reason, and the refusal is
 * the metric the alert watches.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "riskstream.daily-close.scheduler-enabled=false",
        "riskstream.prices.bootstrap-benchmarks=true",
        "riskstream.prices.bootstrap-retry=200ms",
        "riskstream.prices.benchmarks=RFSPY",
        "riskstream.outbox.poll-interval=50ms"})
@DirtiesContext
class ProviderRefusalIT {

    static final ProviderStubServer STUB = new ProviderStubServer();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "price-service", ProviderRefusalIT.class);
        STUB.byDefault("", uri -> Answer.fixture(403, "fmp/stable/error_legacy-endpoint_403.json"));
        STUB.registerAsFmp(registry);
        registry.add("riskstream.market-data.providers", () -> "fmp,simulated");
    }

    @AfterAll
    static void stop() {
        STUB.close();
    }

    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aLegacyEndpointRefusalStoresNothingFromTheSimulatedMarketAndFailsReadinessWithFmpsReason() throws Exception {
        HttpResponse<String> added = send(HttpRequest.newBuilder(uri("/api/universe"))
                .header("Content-Type", "application/json").header("Authorization", TestTokens.admin())
                .POST(HttpRequest.BodyPublishers.ofString("{\"symbol\":\"RFSD\",\"tier\":\"WATCHLIST\"}")).build());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(added.body()).contains("Legacy Endpoint"); // the universe entry's last error

        assertThat(jdbc.queryForObject("select count(*) from daily_bar where symbol in ('RFSD', 'RFSPY')", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from daily_bar where source = 'simulated'", Long.class)).isZero();
        // in the universe and announced, so its profile and statements are asked for too (and fail the same way)
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where topic = 'symbol-added' and "
                + "record_key = 'RFSD'", Long.class)).isEqualTo(1);

        HttpResponse<String> readiness = send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).build());
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("\"marketData\"").contains("Legacy Endpoint : Due to Legacy endpoints")
                .contains("GET /stable/historical-price-eod/full").contains("\"benchmarkBootstrap\"");
        assertThat(send(HttpRequest.newBuilder(uri("/actuator/health/liveness")).build()).statusCode()).isEqualTo(200);

        String prometheus = send(HttpRequest.newBuilder(uri("/actuator/prometheus")).build()).body();
        assertThat(prometheus).containsPattern("riskstream_provider_refused\\{[^}]*provider=\"fmp\"[^}]*} 1\\.0");
        assertThat(prometheus).containsPattern(
                "riskstream_provider_refusals_total\\{[^}]*provider=\"fmp\"[^}]*status=\"403\"[^}]*} [1-9]");
        assertThat(prometheus).containsPattern(
                "riskstream_provider_calls_total\\{[^}]*outcome=\"refused\"[^}]*provider=\"fmp\"[^}]*} [1-9]");
        assertThat(prometheus).doesNotContain("provider=\"simulated\"").doesNotContain("stub-key");

        // the benchmark bootstrap keeps trying (and keeps being refused) in the background
        long before = STUB.requestsTo("historical-price-eod/full?symbol=RFSPY&");
        await().atMost(Duration.ofSeconds(30)).until(() -> STUB.requestsTo("historical-price-eod/full?symbol=RFSPY&") > before);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
