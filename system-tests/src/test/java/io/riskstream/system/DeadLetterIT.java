package io.riskstream.system;

import io.riskstream.common.event.Topics;
import io.riskstream.common.kafka.ListenerErrorHandling;
import io.riskstream.testsupport.KafkaTestClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On every consumed topic, a malformed record goes to {@code <topic>.DLT} with the reason in its headers (once per
 * consuming service), and the valid record behind it is still processed.
 */
class DeadLetterIT {

    private final RiskstreamSystem system = RiskstreamSystem.shared();

    record Case(String topic, List<String> groups, String validKey, String validRecord, String checkService,
                String checkSql) {
        @Override
        public String toString() {
            return topic;
        }
    }

    static Stream<Case> consumedTopics() {
        String run = UUID.randomUUID().toString();
        String envelope = "{\"eventId\":\"%s\",\"type\":\"%s\",\"schemaVersion\":1,\"occurredAt\":\"2024-12-31T22:00:00Z\","
                + "\"runId\":\"" + run + "\",\"payload\":%s}";
        UUID portfolio = UUID.randomUUID();
        return Stream.of(
                new Case(Topics.SYMBOL_ADDED, List.of("price-service", "profile-service", "fundamentals-service"), "DLTA",
                        envelope.formatted(UUID.randomUUID(), "symbol-added", "{\"symbol\":\"DLTA\",\"tier\":\"WATCHLIST\"}"),
                        "price-service", "select count(*) from symbol_universe where symbol = 'DLTA'"),
                new Case(Topics.DAILY_CLOSE, List.of("price-service", "profile-service", "fundamentals-service"),
                        "2024-12-28", envelope.formatted(UUID.randomUUID(), "daily-close", "{\"tradingDate\":\"2024-12-28\"}"),
                        null, null),
                new Case(Topics.PRICES_READY, List.of("factor-service", "portfolio-service"), "DLTP",
                        envelope.formatted(UUID.randomUUID(), "prices-ready", "{\"symbol\":\"DLTP\",\"through\":\"2024-12-31\","
                                + "\"historyReplaced\":false,\"bars\":[{\"date\":\"2024-12-31\",\"adjClose\":12.5}]}"),
                        "factor-service", "select count(*) from price_point where symbol = 'DLTP'"),
                new Case(Topics.PROFILE_UPDATED, List.of("factor-service", "portfolio-service"), "DLTR",
                        envelope.formatted(UUID.randomUUID(), "profile-updated", "{\"symbol\":\"DLTR\",\"tier\":\"DAILY\","
                                + "\"profile\":{\"name\":\"Dlt Corp\",\"sector\":\"Energy\",\"etf\":false,\"fund\":false,\"beta\":1.2}}"),
                        "portfolio-service", "select count(*) from symbol_profile where symbol = 'DLTR'"),
                new Case(Topics.FACTORS_READY, List.of("portfolio-service"), "DLTF",
                        envelope.formatted(UUID.randomUUID(), "factors-ready", "{\"symbol\":\"DLTF\",\"exposures\":[{"
                                + "\"calculationDate\":\"2024-12-31\",\"factors\":{\"market_beta\":{\"beta\":1.1}}}]}"),
                        "portfolio-service", "select count(*) from symbol_betas where symbol = 'DLTF'"),
                new Case(Topics.POSITION_EVENTS, List.of("portfolio-service"), portfolio.toString(),
                        envelope.formatted(UUID.randomUUID(), "position-event", "{\"portfolioId\":\"" + portfolio + "\","
                                + "\"action\":\"OPENED\",\"portfolio\":{\"name\":\"from event\",\"equity\":100000},"
                                + "\"position\":{\"positionId\":\"" + UUID.randomUUID() + "\",\"symbol\":\"DLTE\","
                                + "\"quantity\":10,\"entryPrice\":5,\"entryDate\":\"2024-06-28\"}}"),
                        "portfolio-service", "select count(*) from portfolio where id = '" + portfolio + "'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consumedTopics")
    void aMalformedRecordIsDeadLetteredWithItsReasonAndTheNextRecordIsProcessed(Case c) {
        String poisonKey = "poison-" + UUID.randomUUID();
        KafkaTestClient.send(c.topic(), poisonKey, "{\"eventId\": not json");
        KafkaTestClient.send(c.topic(), c.validKey(), c.validRecord());

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> dead = KafkaTestClient.readAll(Topics.deadLetter(c.topic()),
                    r -> poisonKey.equals(r.key()));
            assertThat(dead).hasSize(c.groups().size());
            for (ConsumerRecord<String, String> record : dead) {
                String reason = new String(record.headers().lastHeader(ListenerErrorHandling.REASON_HEADER).value(),
                        StandardCharsets.UTF_8);
                assertThat(reason).contains("MalformedEventException").contains("not valid JSON");
                assertThat(record.headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
                assertThat(record.value()).isEqualTo("{\"eventId\": not json");
            }
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String group : c.groups()) {
                assertThat(KafkaTestClient.lag(group, c.topic())).as("lag of %s on %s", group, c.topic()).isZero();
            }
        });
        if (c.checkSql() != null) {
            assertThat(system.jdbc(c.checkService()).queryForObject(c.checkSql(), Long.class)).isPositive();
        }
        assertThat(KafkaTestClient.readAll(Topics.deadLetter(c.topic()), r -> c.validKey().equals(r.key()))).isEmpty();
    }
}
