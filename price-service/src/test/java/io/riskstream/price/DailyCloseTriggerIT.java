package io.riskstream.price;

import io.riskstream.common.event.DailyClose;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import io.riskstream.price.application.TriggerDailyClose;
import io.riskstream.testsupport.KafkaTestClient;
import io.riskstream.testsupport.MutableClock;
import io.riskstream.testsupport.TestInfra;
import io.riskstream.testsupport.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.support.KafkaHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The daily-close trigger: the scheduler emits once per session after its time, an operator's repeat answers
 * "already triggered" unless forced, and concurrent triggers (several replicas) emit one event. Dates in 2023, so
 * the events stay clear of the other price-service tests' dates on the shared broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "riskstream.prices.bootstrap-benchmarks=false",
        "riskstream.daily-close.scheduler-enabled=true",
        "riskstream.daily-close.initial-delay=PT0S",
        "riskstream.daily-close.check-interval=PT0.2S",
        "riskstream.outbox.poll-interval=50ms"})
@DirtiesContext
class DailyCloseTriggerIT {

    static final String GROUP = TestInfra.groupOf("price-service", DailyCloseTriggerIT.class);

    // Thursday 2023-06-15, 18:20 in New York: ten minutes before the trigger time
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2023-06-15T22:20:00Z"));

    @TestConfiguration
    static class Clocks {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "price-service", DailyCloseTriggerIT.class);
    }

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired TriggerDailyClose trigger;
    @Autowired EventCodec codec;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theSchedulerEmitsOnceAfterTheTriggerTimeAndTheOperatorCanOnlyForceARepeat() throws Exception {
        LocalDate thursday = LocalDate.of(2023, 6, 15);
        // before 18:30 the due session is Wednesday's, which the scheduler emits at once
        await().atMost(Duration.ofSeconds(30)).until(() -> triggeredBy(LocalDate.of(2023, 6, 14)) != null);
        assertThat(triggeredBy(thursday)).isNull();

        CLOCK.set(Instant.parse("2023-06-15T22:31:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "scheduler".equals(triggeredBy(thursday)));
        await().atMost(Duration.ofSeconds(30)).until(() -> closesFor(thursday).size() == 1);
        assertThat(closesFor(thursday).getFirst().key()).isEqualTo("2023-06-15");
        assertThat(codec.decode(Topics.DAILY_CLOSE, closesFor(thursday).getFirst().value(), DailyClose.class).eventId())
                .isEqualTo(EventIds.named("daily-close", "2023-06-15"));

        HttpResponse<String> again = post("/api/admin/daily-close?date=2023-06-15", TestTokens.admin());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"status\":\"already triggered\"").contains("\"emitted\":false")
                .contains("\"firstTriggeredBy\":\"scheduler\"");

        HttpResponse<String> forced = post("/api/admin/daily-close?date=2023-06-15&force=true", TestTokens.admin());
        assertThat(forced.statusCode()).isEqualTo(200);
        assertThat(forced.body()).contains("\"status\":\"forced\"").contains("\"emitted\":true");
        await().atMost(Duration.ofSeconds(30)).until(() -> closesFor(thursday).size() == 2);
        Thread.sleep(1000); // several more scheduler checks: none of them emits again
        assertThat(closesFor(thursday)).hasSize(2);
    }

    @Test
    void concurrentTriggersOfOneDateEmitOneEvent() throws Exception {
        LocalDate date = LocalDate.of(2023, 3, 1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<TriggerDailyClose.Result>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> trigger.trigger(date, TriggerDailyClose.OPERATOR, false));
            }
            List<TriggerDailyClose.Outcome> outcomes = new ArrayList<>();
            for (Future<TriggerDailyClose.Result> f : pool.invokeAll(calls)) {
                outcomes.add(f.get().outcome());
            }
            assertThat(outcomes).containsExactlyInAnyOrder(TriggerDailyClose.Outcome.TRIGGERED,
                    TriggerDailyClose.Outcome.ALREADY_TRIGGERED, TriggerDailyClose.Outcome.ALREADY_TRIGGERED,
                    TriggerDailyClose.Outcome.ALREADY_TRIGGERED);
        } finally {
            pool.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> closesFor(date).size() == 1);
        Thread.sleep(500);
        assertThat(closesFor(date)).hasSize(1);
    }

    @Test
    void anOperatorTriggerOfANonTradingDayOrWithoutTheAdminScopeIsRefused() throws Exception {
        HttpResponse<String> holiday = post("/api/admin/daily-close?date=2023-07-04", TestTokens.admin());
        assertThat(holiday.statusCode()).isEqualTo(400);
        assertThat(holiday.body()).contains("2023-07-04 is not an NYSE trading day");

        HttpResponse<String> noToken = post("/api/admin/daily-close?date=2023-03-02", null);
        assertThat(noToken.statusCode()).isEqualTo(401);
        HttpResponse<String> portfolioWriter = post("/api/admin/daily-close?date=2023-03-02",
                TestTokens.portfolioWriter());
        assertThat(portfolioWriter.statusCode()).isEqualTo(403);
        assertThat(portfolioWriter.body()).contains("'admin'");
        assertThat(triggeredBy(LocalDate.of(2023, 3, 2))).isNull();

        assertThat(post("/api/admin/daily-close?date=2023-03-02", TestTokens.admin()).statusCode()).isEqualTo(200);
        assertThat(triggeredBy(LocalDate.of(2023, 3, 2))).isEqualTo("operator");

        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/universe")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("reads stay open").isEqualTo(200);
    }

    @Test
    void aTriggeredRunShowsItsProgressPerSymbolAndStage() throws Exception {
        HttpResponse<String> triggered = post("/api/admin/daily-close?date=2023-05-01", TestTokens.admin());
        assertThat(triggered.statusCode()).isEqualTo(200);
        String runId = Http.JSON.readTree(triggered.body()).get("runId").asString();
        String envelope = "{\"eventId\":\"%s\",\"type\":\"%s\",\"schemaVersion\":1,"
                + "\"occurredAt\":\"2023-05-01T22:40:00Z\",\"runId\":\"" + runId + "\",\"payload\":{}}";
        KafkaTestClient.send(Topics.PRICES_READY, "RUNA", envelope.formatted(UUID.randomUUID(), "prices-ready"));
        KafkaTestClient.send(Topics.PRICES_READY, "RUNB", envelope.formatted(UUID.randomUUID(), "prices-ready"));
        KafkaTestClient.send(Topics.FACTORS_READY, "RUNA", envelope.formatted(UUID.randomUUID(), "factors-ready"));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            ProducerRecord<String, String> dead = new ProducerRecord<>(Topics.deadLetter(Topics.PRICES_READY), "RUNB",
                    envelope.formatted(UUID.randomUUID(), "prices-ready"));
            dead.headers().add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, "factor-service".getBytes(StandardCharsets.UTF_8));
            producer.send(dead).get();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/runs/" + runId)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode run = Http.JSON.readTree(r.body());
            assertThat(run.at("/run/kind").asString()).isEqualTo("daily-close");
            assertThat(run.at("/run/triggeredBy").asString()).isEqualTo("operator");
            assertThat(run.at("/stages/prices/done").asInt()).isEqualTo(2);
            assertThat(run.at("/stages/factors/done").asInt()).isEqualTo(1);
            assertThat(run.at("/stages/factors/failed").asInt()).isEqualTo(1);
        });
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/runs"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(list.body()).contains(runId);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/runs/" + UUID.randomUUID()))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    /** Jackson for reading answers. */
    static final class Http {
        static final JsonMapper JSON = JsonMapper.builder().build();
    }

    /** A POST with {@code authorization} as the Authorization header (null: none). */
    private HttpResponse<String> post(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String triggeredBy(LocalDate date) {
        return jdbc.query("select triggered_by from daily_close_trigger where trading_date = ?",
                rs -> rs.next() ? rs.getString(1) : null, date);
    }

    private List<ConsumerRecord<String, String>> closesFor(LocalDate date) {
        return KafkaTestClient.readAll(Topics.DAILY_CLOSE, r -> date.toString().equals(r.key()));
    }
}
