package io.riskstream.system;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.riskstream.common.event.Topics;
import io.riskstream.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lag gauges follow a consumer that stops consuming: factor-service's prices-ready listener is paused, records
 * wait and the gauges rise; resumed, it catches up and they fall to zero. The listener counters count the records,
 * and a malformed one is counted as dead-lettered.
 */
class ConsumerLagIT {

    private static final String GROUP = "factor-service";
    private final RiskstreamSystem system = RiskstreamSystem.shared();

    @Test
    void thePausedConsumersLagRisesAndFallsToZeroWhenItResumes() {
        ConfigurableApplicationContext factor = system.context("factor-service");
        MeterRegistry meters = factor.getBean(MeterRegistry.class);
        MessageListenerContainer container = factor.getBean(KafkaListenerEndpointRegistry.class)
                .getListenerContainer("factor-service.prices-ready");
        double processedBefore = counter(meters, "riskstream.records.processed");
        double deadBefore = counter(meters, "riskstream.dlt.records");

        container.pause();
        try {
            await().atMost(Duration.ofSeconds(30)).until(container::isContainerPaused);
            String run = UUID.randomUUID().toString();
            for (int i = 0; i < 6; i++) {
                String symbol = "LAG" + (char) ('A' + i);
                KafkaTestClient.send(Topics.PRICES_READY, symbol, ("{\"eventId\":\"%s\",\"type\":\"prices-ready\","
                        + "\"schemaVersion\":1,\"occurredAt\":\"2024-12-31T22:00:00Z\",\"runId\":\"%s\",\"payload\":"
                        + "{\"symbol\":\"%s\",\"through\":\"2024-12-31\",\"historyReplaced\":false,"
                        + "\"bars\":[{\"date\":\"2024-12-31\",\"adjClose\":12.5}]}}").formatted(UUID.randomUUID(), run, symbol));
            }
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(gaugeSum(meters, "riskstream.consumer.lag.records")).isGreaterThanOrEqualTo(6);
                assertThat(gaugeMax(meters, "riskstream.consumer.lag.seconds")).isPositive();
            });
            assertThat(Http.get(system.url("factor-service") + "/actuator/prometheus").body())
                    .contains("riskstream_consumer_lag_records{group=\"factor-service\"")
                    .contains("riskstream_consumer_lag_seconds{group=\"factor-service\"");
        } finally {
            container.resume();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(gaugeSum(meters, "riskstream.consumer.lag.records")).isZero();
            assertThat(gaugeMax(meters, "riskstream.consumer.lag.seconds")).isZero();
        });
        assertThat(counter(meters, "riskstream.records.processed") - processedBefore).isGreaterThanOrEqualTo(6);

        KafkaTestClient.send(Topics.PRICES_READY, "LAG-POISON", "{\"eventId\": not json");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(counter(meters, "riskstream.dlt.records") - deadBefore).isEqualTo(1));
    }

    private static double gaugeSum(MeterRegistry meters, String name) {
        return meters.find(name).tag("group", GROUP).tag("topic", Topics.PRICES_READY).gauges().stream()
                .mapToDouble(Gauge::value).sum();
    }

    private static double gaugeMax(MeterRegistry meters, String name) {
        return meters.find(name).tag("group", GROUP).tag("topic", Topics.PRICES_READY).gauges().stream()
                .mapToDouble(Gauge::value).max().orElse(0);
    }

    private static double counter(MeterRegistry meters, String name) {
        return meters.find(name).tag("group", GROUP).tag("topic", Topics.PRICES_READY).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }
}
