package io.riskstream.runs.it;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.PriceBar;
import io.riskstream.common.event.PricesReady;
import io.riskstream.common.event.RunStage;
import io.riskstream.common.event.RunStageReport;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import io.riskstream.common.kafka.ListenerErrorHandling;
import io.riskstream.testsupport.KafkaTestClient;
import io.riskstream.testsupport.TestInfra;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Run tracking on its own, in a host that is nothing else, over real Kafka and PostgreSQL: the records every service
 * publishes (ready events, dead letters, run-status reports) become a run's progress per stage and the data's
 * freshness. Symbols RT*.
 */
@SpringBootTest(classes = RunTrackingTestHost.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.liquibase.change-log=classpath:db/changelog/run-tracking-test-host.yaml",
                "riskstream.outbox.poll-interval=50ms"})
@DirtiesContext
class RunTrackingIT {

    static final String GROUP = TestInfra.groupOf("run-tracking", RunTrackingIT.class);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "run-tracking", RunTrackingIT.class);
    }

    @Autowired EventCodec codec;
    @Autowired JdbcTemplate jdbc;
    @Autowired KafkaListenerEndpointRegistry listeners;
    @Autowired CommonErrorHandler servicesErrorHandler;
    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readyEventsDeadLettersAndReportsMakeARunsProgressAndState() throws Exception {
        UUID run = UUID.randomUUID();
        send(Topics.RUN_STATUS, run.toString(), codec.encode(EventEnvelope.of(UUID.randomUUID(), run, Instant.now(),
                RunStageReport.expected(run, "daily-close", RunStage.PRICES, List.of("RTAA", "RTAB", "RTAC")))));
        send(Topics.PRICES_READY, "RTAA", pricesReady(run, "RTAA", LocalDate.of(2024, 12, 31)));
        send(Topics.RUN_STATUS, run.toString(), codec.encode(EventEnvelope.of(UUID.randomUUID(), run, Instant.now(),
                RunStageReport.skipped(run, RunStage.PRICES, List.of("RTAC")))));
        // factor-service acknowledges RTAA's prices with its factors; price-service gave up on RTAB (a dead letter)
        send(Topics.RUN_STATUS, run.toString(), codec.encode(EventEnvelope.of(UUID.randomUUID(), run, Instant.now(),
                RunStageReport.acknowledged(run, RunStage.FACTORS, "RTAA", List.of("RTAA")))));
        send(Topics.FACTORS_READY, "RTAA", envelope(run, "factors-ready", "{}"));
        send(Topics.RUN_STATUS, run.toString(), codec.encode(EventEnvelope.of(UUID.randomUUID(), run, Instant.now(),
                RunStageReport.acknowledged(run, RunStage.PORTFOLIOS, "RTAA", List.of()))));
        sendDeadLetter(Topics.deadLetter(Topics.SYMBOL_ADDED), "RTAB", envelope(run, "symbol-added", "{}"),
                "price-service-prod", "java.lang.IllegalStateException: provider refused");

        JsonNode ended = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/api/runs/" + run), r -> !"running".equals(r.get("state").asString()));
        assertThat(ended.get("state").asString()).as(ended.toString()).isEqualTo("failed");
        assertThat(ended.get("kind").asString()).isEqualTo("daily-close");
        assertThat(ended.at("/run/rootStage").asString()).isEqualTo("prices");
        assertThat(ended.at("/stages/prices/total").asInt()).isEqualTo(3);
        assertThat(ended.at("/stages/prices/done").asInt()).isEqualTo(1);
        assertThat(ended.at("/stages/prices/skipped").asInt()).isEqualTo(1);
        assertThat(ended.at("/stages/prices/failed").asInt()).isEqualTo(1);
        assertThat(ended.at("/stages/factors/done").asInt()).isEqualTo(1);
        assertThat(ended.at("/failures/0/subject").asString()).isEqualTo("RTAB");
        assertThat(ended.at("/failures/0/reason").asString()).contains("provider refused");
    }

    @Test
    void theRunIdIsTheEnvelopesWhereverItStandsAndNotAPayloadFieldOfTheSameName() throws Exception {
        UUID run = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String payloadFirst = """
                {"payload":{"runId":"%s","symbol":"RTPF","through":"2024-12-30","historyReplaced":false,"bars":[]},
                 "eventId":"%s","type":"prices-ready","schemaVersion":1,"occurredAt":"2024-12-30T22:00:00Z","runId":"%s"}"""
                .formatted(other, UUID.randomUUID(), run);
        send(Topics.PRICES_READY, "RTPF", payloadFirst);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertThat(
                status("/api/runs/" + run)).isEqualTo(200));
        assertThat(get("/api/runs/" + run).at("/stages/prices/done").asInt()).isEqualTo(1);
        assertThat(status("/api/runs/" + other)).isEqualTo(404);
    }

    @Test
    void aPortfoliosManyAnalyticsOfOneRunAreOneRowCountingEveryEvent() throws Exception {
        UUID run = UUID.randomUUID();
        String portfolio = UUID.randomUUID().toString();
        for (int day = 1; day <= 20; day++) {
            send(Topics.PORTFOLIO_ANALYTICS_READY, portfolio, envelope(run, "portfolio-analytics-ready",
                    "{\"portfolioId\":\"" + portfolio + "\",\"date\":\"2024-12-" + String.format("%02d", day) + "\"}"));
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                jdbc.queryForObject("select coalesce(sum(events), 0) from run_progress where run_id = ?", Integer.class,
                        run) == 20);
        assertThat(jdbc.queryForObject("select count(*) from run_progress where run_id = ?", Integer.class, run))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select latest_date from data_freshness where dataset = 'analytics' and subject = ?",
                LocalDate.class, portfolio)).isEqualTo(LocalDate.of(2024, 12, 20));
    }

    @Test
    void theLagOfEveryGroupIsReadFromTheBrokerAndIsZeroOnceTheObserverHasConsumedEverything() throws Exception {
        send(Topics.PRICES_READY, "RTLG", pricesReady(UUID.randomUUID(), "RTLG", LocalDate.of(2024, 12, 30)));
        KafkaTestClient.awaitConsumed(GROUP);
        JsonNode groups = get("/api/lag").get("groups");
        JsonNode observer = null;
        for (JsonNode g : groups) {
            if (g.get("group").asString().equals(GROUP)) {
                observer = g;
            }
        }
        assertThat(observer).as("the observer's group in " + groups).isNotNull();
        assertThat(observer.get("lag").asLong()).isZero();
        assertThat(observer.get("members").asInt()).isPositive();
        List<String> topics = new java.util.ArrayList<>();
        observer.get("topics").forEach(t -> topics.add(t.get("topic").asString()));
        assertThat(topics).contains(Topics.PRICES_READY);
    }

    @Test
    void freshnessCountsTheSymbolsTheHostRefreshesDailyAndKeepsTheLatestDate() throws Exception {
        jdbc.update("insert into test_daily_symbol (symbol) values ('RTFD')");
        UUID run = UUID.randomUUID();
        send(Topics.PRICES_READY, "RTFD", pricesReady(run, "RTFD", LocalDate.of(2024, 12, 30)));
        send(Topics.PRICES_READY, "RTFD", pricesReady(run, "RTFD", LocalDate.of(2024, 12, 27)));
        send(Topics.PRICES_READY, "RTFW", pricesReady(run, "RTFW", LocalDate.of(2024, 12, 30))); // refreshed weekly

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.queryForObject(
                "select count(*) from data_freshness where subject in ('RTFD', 'RTFW')", Integer.class) == 2);
        KafkaTestClient.awaitConsumed(GROUP);
        JsonNode all = get("/api/freshness?dataset=prices&minDays=0&limit=5000");
        assertThat(all.toString()).contains("\"subject\":\"RTFD\",\"latestDate\":\"2024-12-30\"").doesNotContain("RTFW");
    }

    @Test
    void aRecordItCannotReadIsSkippedWithoutADeadLetterAndTheNextOnesCount() throws Exception {
        UUID run = UUID.randomUUID();
        send(Topics.PRICES_READY, "RTBAD", "{not json");
        send(Topics.PRICES_READY, "RTBAE", "{\"eventId\":\"x\",\"payload\":{}}");
        send(Topics.PRICES_READY, "RTOK", pricesReady(run, "RTOK", LocalDate.of(2024, 12, 30)));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertThat(
                status("/api/runs/" + run)).isEqualTo(200));
        KafkaTestClient.awaitConsumed(GROUP);
        assertThat(KafkaTestClient.readAll(Topics.deadLetter(Topics.PRICES_READY),
                r -> r.key() != null && r.key().startsWith("RTBA"))).isEmpty();
    }

    @Test
    void theObserverHasAnErrorHandlerOfItsOwnThatDoesNotDeadLetter() {
        AbstractMessageListenerContainer<?, ?> container =
                (AbstractMessageListenerContainer<?, ?>) listeners.getListenerContainer("run-tracking.progress");
        assertThat(container).isNotNull();
        assertThat(container.getCommonErrorHandler()).isNotNull().isNotSameAs(servicesErrorHandler);
        assertThat(container.getContainerProperties().getTopics()).contains(Topics.PRICES_READY, Topics.RUN_STATUS,
                Topics.deadLetter(Topics.SYMBOL_ADDED), Topics.deadLetter(Topics.POSITION_EVENTS));
    }

    private String pricesReady(UUID run, String symbol, LocalDate through) {
        return codec.encode(EventEnvelope.of(UUID.randomUUID(), run, Instant.now(), new PricesReady(symbol, through,
                false, List.of(new PriceBar(through, 10.0, 11.0, 9.0, 10.5, 10.5, 1000L)))));
    }

    private static String envelope(UUID run, String type, String payload) {
        return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"schemaVersion\":1,"
                + "\"occurredAt\":\"2024-12-31T22:00:00Z\",\"runId\":\"" + run + "\",\"payload\":" + payload + "}";
    }

    private static void send(String topic, String key, String value) {
        KafkaTestClient.send(topic, key, value);
    }

    private static void sendDeadLetter(String topic, String key, String value, String group, String reason)
            throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            ProducerRecord<String, String> dead = new ProducerRecord<>(topic, key, value);
            dead.headers().add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, group.getBytes(StandardCharsets.UTF_8));
            dead.headers().add(ListenerErrorHandling.REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
            producer.send(dead).get();
        }
    }

    private int status(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
