package io.riskstream.price.providers;

import io.micrometer.core.instrument.MeterRegistry;
import io.riskstream.common.event.Topics;
import io.riskstream.marketdata.JdbcProviderQuota;
import io.riskstream.marketdata.ProviderQuota;
import io.riskstream.marketdata.SimulatedMarket;
import io.riskstream.testsupport.FmpStubAnswers;
import io.riskstream.testsupport.KafkaTestClient;
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
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * FMP refuses the key and the chain is {@code fmp,yahoo}: Yahoo's chart API (a stub answering in its recorded format)
 * answers, and what is stored says so — while readiness still reports FMP's refusal. Also: the daily quota in the
 * database is one quota for every replica.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "riskstream.daily-close.scheduler-enabled=false",
        "riskstream.prices.bootstrap-benchmarks=false",
        "riskstream.prices.history-days=40",
        "riskstream.market-data.as-of-date=2024-12-31",
        "riskstream.outbox.poll-interval=50ms"})
@DirtiesContext
class YahooFallbackIT {

    static final String GROUP = TestInfra.groupOf("price-service", YahooFallbackIT.class);

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);
    static final SimulatedMarket MARKET = new SimulatedMarket(
            Clock.fixed(AS_OF.atTime(LocalTime.of(20, 0)).atZone(NEW_YORK).toInstant(), NEW_YORK));
    static final ProviderStubServer STUB = new ProviderStubServer();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "price-service", YahooFallbackIT.class);
        STUB.byDefault("", uri -> Answer.fixture(403, "fmp/stable/error_legacy-endpoint_403.json"));
        STUB.byDefault("v8/finance/chart/", YahooFallbackIT::chart);
        STUB.registerAsFmp(registry);
        STUB.registerAsYahoo(registry);
        registry.add("riskstream.market-data.providers", () -> "fmp,yahoo");
        registry.add("riskstream.environment", () -> "production"); // real providers only
    }

    static Answer chart(URI uri) {
        String symbol = uri.getPath().substring(uri.getPath().lastIndexOf('/') + 1);
        Map<String, String> q = FmpStubAnswers.query(uri);
        LocalDate from = Instant.ofEpochSecond(Long.parseLong(q.getOrDefault("period1", "0"))).atZone(ZoneOffset.UTC)
                .toLocalDate();
        LocalDate to = q.containsKey("period2") ? Instant.ofEpochSecond(Long.parseLong(q.get("period2")))
                .atZone(ZoneOffset.UTC).toLocalDate().minusDays(1) : AS_OF;
        return FmpStubAnswers.yahooChart(symbol, MARKET.dailyBars(symbol, q.containsKey("period1") ? from
                : to.minusDays(7), to));
    }

    @AfterAll
    static void stop() {
        STUB.close();
    }

    @Autowired JdbcTemplate jdbc;
    @Autowired NamedParameterJdbcTemplate named;
    @Autowired PlatformTransactionManager txManager;
    @Autowired MeterRegistry meters;
    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void yahoosBarsAreStoredLabelledYahooWhenFmpRefuses() throws Exception {
        HttpResponse<String> added = send(HttpRequest.newBuilder(uri("/api/universe"))
                .header("Content-Type", "application/json").header("Authorization", TestTokens.admin())
                .POST(HttpRequest.BodyPublishers.ofString("{\"symbol\":\"YHFB\",\"tier\":\"WATCHLIST\"}")).build());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);

        List<Map<String, Object>> stored = jdbc.queryForList("select source, count(*) as n from daily_bar where "
                + "symbol = 'YHFB' group by source");
        assertThat(stored).singleElement().satisfies(r -> {
            assertThat(r.get("source")).isEqualTo("yahoo");
            assertThat(((Number) r.get("n")).intValue()).isEqualTo(MARKET.dailyBars("YHFB", AS_OF.minusDays(40), AS_OF)
                    .size());
        });
        JsonNode prices = JsonMapper.builder().build().readTree(send(HttpRequest.newBuilder(
                uri("/api/prices/YHFB?from=2024-12-02&to=2024-12-31")).build()).body());
        assertThat(prices.get("bars")).hasSize(21).allSatisfy(b -> assertThat(b.get("source").asString())
                .isEqualTo("yahoo"));
        assertThat(prices.get("bars").get(20).get("adjClose").asDouble())
                .isEqualTo(MARKET.dailyBars("YHFB", AS_OF, AS_OF).getFirst().adjClose());

        String prometheus = send(HttpRequest.newBuilder(uri("/actuator/prometheus")).build()).body();
        assertThat(prometheus).containsPattern(
                "riskstream_provider_fallbacks_total\\{[^}]*from=\"fmp\"[^}]*kind=\"bars\"[^}]*to=\"yahoo\"[^}]*} 1\\.0");
        assertThat(prometheus).containsPattern("riskstream_provider_refused\\{[^}]*provider=\"fmp\"[^}]*} 1\\.0");
        assertThat(prometheus).containsPattern("riskstream_provider_refused\\{[^}]*provider=\"yahoo\"[^}]*} 0\\.0");
        assertThat(prometheus).containsPattern("riskstream_provider_circuit_open\\{[^}]*provider=\"yahoo\"[^}]*} 0\\.0");
        assertThat(prometheus).containsPattern("riskstream_provider_quota_remaining\\{[^}]*provider=\"fmp\"[^}]*} \\d+");
        // served by Yahoo, but FMP's refusal is still what readiness reports
        HttpResponse<String> readiness = send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).build());
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("Legacy Endpoint");
    }

    @Test
    void theDailyQuotaIsOneQuotaForEveryReplica() throws Exception {
        // two "replicas" (two quota objects on the one database), twenty threads, one limit
        ProviderQuota replicaA = new JdbcProviderQuota(named, txManager, Clock.systemUTC());
        ProviderQuota replicaB = new JdbcProviderQuota(named, txManager, Clock.systemUTC());
        int limit = 37;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                ProviderQuota quota = i % 2 == 0 ? replicaA : replicaB;
                attempts.add(() -> quota.tryAcquire("quota-it", limit, 1));
            }
            long granted = 0;
            for (Future<Boolean> f : pool.invokeAll(attempts)) {
                granted += f.get() ? 1 : 0;
            }
            assertThat(granted).isEqualTo(limit);
        } finally {
            pool.shutdownNow();
        }
        assertThat(replicaA.remaining("quota-it", limit)).isZero();
        assertThat(replicaB.tryAcquire("quota-it", limit, 1)).isFalse();
        assertThat(replicaB.tryAcquire("quota-it", limit + 5, 5)).isTrue(); // a larger limit: more fits
        assertThat(jdbc.queryForObject("select used from provider_quota where provider = 'quota-it'", Integer.class))
                .isEqualTo(limit + 5);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
