package io.riskstream.common.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;

/**
 * spring-kafka's dead-letter publisher, except that a record too large to be published again (larger than a
 * producer request or the broker's message limit allows) is dead-lettered with its value cut to its first
 * {@value #KEPT_CHARS} characters and a header giving the original length. Without that, the dead letter of an
 * oversized record could never be sent, the error handler would seek back to it forever, and its partition would
 * stop.
 */
final class BoundedDeadLetterRecoverer extends DeadLetterPublishingRecoverer {

    /** Values above this are cut: well below the 1 MiB producer and broker defaults. */
    static final int MAX_VALUE_CHARS = 256 * 1024;
    static final int KEPT_CHARS = 64 * 1024;
    static final String TRUNCATED_HEADER = "riskstream-dlt-truncated-from-chars";

    BoundedDeadLetterRecoverer(KafkaOperations<?, ?> template,
                               BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination) {
        super(template, destination);
    }

    @Override
    protected ProducerRecord<Object, Object> createProducerRecord(ConsumerRecord<?, ?> record,
                                                                  TopicPartition topicPartition, Headers headers,
                                                                  byte[] key, byte[] value) {
        ProducerRecord<Object, Object> dead = super.createProducerRecord(record, topicPartition, headers, key, value);
        int length = dead.value() instanceof String s ? s.length() : dead.value() instanceof byte[] b ? b.length : 0;
        if (length <= MAX_VALUE_CHARS) {
            return dead;
        }
        Object kept = dead.value() instanceof String s ? s.substring(0, KEPT_CHARS)
                : java.util.Arrays.copyOf((byte[]) dead.value(), KEPT_CHARS);
        dead.headers().add(TRUNCATED_HEADER, String.valueOf(length).getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(dead.topic(), dead.partition(), dead.timestamp(), dead.key(), kept, dead.headers());
    }
}
