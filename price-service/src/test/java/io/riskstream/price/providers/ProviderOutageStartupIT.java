package io.riskstream.price.providers;

import io.riskstream.marketdata.SimulatedMarket;
import io.riskstream.testsupport.FmpStubAnswers;
import io.riskstream.testsupport.ProviderStubServer;
import io.riskstream.testsupport.TestInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The provider is unreachable when price-service starts: it starts anyway (it used to exit on the benchmark
 * bootstrap's ConnectException), says why it is not ready, and finishes the bootstrap once the provider is back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "riskstream.daily-close.scheduler-enabled=false",
        "riskstream.prices.bootstrap-benchmarks=true",
        "riskstream.prices.bootstrap-retry=200ms",
        "riskstream.prices.benchmarks=OTSPY",
        "riskstream.prices.history-days=30",
        "riskstream.market-data.as-of-date=2024-12-31",
        "riskstream.market-data.fmp.timeout=2s",
        "riskstream.outbox.poll-interval=50ms"})
@DirtiesContext
class ProviderOutageStartupIT {

    static final int PORT = freePort();
    static final SimulatedMarket MARKET = new SimulatedMarket(Clock.fixed(LocalDate.of(2024, 12, 31)
            .atTime(LocalTime.of(20, 0)).atZone(ZoneId.of("America/New_York")).toInstant(), ZoneId.of("UTC")));
    static ProviderStubServer stub;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "price-service", ProviderOutageStartupIT.class);
        registry.add("riskstream.market-data.providers", () -> "fmp");
        registry.add("riskstream.market-data.fmp.api-key", () -> "outage-key");
        registry.add("riskstream.market-data.fmp.base-url", () -> "http://127.0.0.1:" + PORT + "/"); // nobody there
        registry.add("riskstream.market-data.fmp.initial-backoff", () -> "20ms");
        registry.add("riskstream.market-data.fmp.max-backoff", () -> "50ms");
        registry.add("riskstream.market-data.fmp.max-attempts", () -> "2");
        registry.add("riskstream.market-data.fmp.open-circuit-for", () -> "2s");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        if (stub != null) {
            stub.close();
        }
    }

    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    @Test
    void theServiceStartsWithoutItsProviderAndFinishesTheBootstrapWhenTheProviderIsBack() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        HttpResponse<String> notReady = http.send(HttpRequest.newBuilder(readiness).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.body()).contains("benchmarkBootstrap").contains("OTSPY").contains("fmp")
                .containsAnyOf("ConnectException", "circuit open");
        assertThat(jdbc.queryForObject("select count(*) from daily_bar where symbol = 'OTSPY'", Long.class)).isZero();

        stub = new ProviderStubServer(PORT); // the provider is back
        stub.byDefault("historical-price-eod/", uri -> FmpStubAnswers.history(uri, MARKET::dailyBars));
        await().atMost(Duration.ofSeconds(60)).until(() -> http.send(HttpRequest.newBuilder(readiness).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        assertThat(jdbc.queryForObject("select count(*) from daily_bar where symbol = 'OTSPY' and source = 'fmp'",
                Long.class)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where topic = 'symbol-added' and "
                + "record_key = 'OTSPY'", Long.class)).isEqualTo(1);
    }
}
