package io.riskstream.common.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ListenerMetricsTest {

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final ListenerMetrics metrics = new ListenerMetrics(meters);
    private final List<ConsumerRecord<Object, Object>> records = List.of(record(0), record(1), record(2), record(3));
    private final ConsumerRecords<Object, Object> poll = new ConsumerRecords<>(
            Map.of(new TopicPartition("prices-ready", 0), records), Map.<TopicPartition, OffsetAndMetadata>of());

    @Test
    void aPollHandledCountsEachOfItsRecords() {
        metrics.success(poll, null);

        assertThat(count("riskstream.records.processed")).isEqualTo(4);
        assertThat(count("riskstream.records.failed")).isZero();
    }

    @Test
    void aNamedFailedRecordCountsAsFailedAndTheRecordsBeforeItAsProcessed() {
        metrics.failure(poll, new ListenerExecutionFailedException("listener failed",
                new BatchListenerFailedException("bad", new IllegalArgumentException("bad"), records.get(2))), null);

        assertThat(count("riskstream.records.processed")).isEqualTo(2);
        assertThat(count("riskstream.records.failed")).isEqualTo(1);
    }

    @Test
    void aFailureThatNamesNoRecordCountsEveryRecordAsFailed() {
        metrics.failure(poll, new IllegalStateException("down"), null);

        assertThat(count("riskstream.records.processed")).isZero();
        assertThat(count("riskstream.records.failed")).isEqualTo(4);
    }

    private double count(String name) {
        var counter = meters.find(name).tag("topic", "prices-ready").counter();
        return counter == null ? 0 : counter.count();
    }

    private static ConsumerRecord<Object, Object> record(long offset) {
        return new ConsumerRecord<>("prices-ready", 0, offset, "K" + offset, "v");
    }
}
