package io.riskstream.common.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedDeadLetterRecovererTest {

    private final BoundedDeadLetterRecoverer recoverer = new BoundedDeadLetterRecoverer(
            new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of())),
            (record, ex) -> new TopicPartition(record.topic() + ".DLT", -1));

    @Test
    void aRecordTooLargeToPublishAgainIsDeadLetteredCutWithItsOriginalLengthInAHeader() {
        String huge = "{\"symbol\":\"" + "X".repeat(5 * 1024 * 1024) + "\"}";
        ProducerRecord<Object, Object> dead = recoverer.createProducerRecord(
                new ConsumerRecord<>("prices-ready", 1, 11, "POISON", huge), new TopicPartition("prices-ready.DLT", -1),
                new RecordHeaders(), null, null);
        assertThat(dead.topic()).isEqualTo("prices-ready.DLT");
        assertThat(dead.key()).isEqualTo("POISON");
        assertThat((String) dead.value()).hasSize(BoundedDeadLetterRecoverer.KEPT_CHARS).isEqualTo(huge.substring(0,
                BoundedDeadLetterRecoverer.KEPT_CHARS));
        assertThat(new String(dead.headers().lastHeader(BoundedDeadLetterRecoverer.TRUNCATED_HEADER).value(),
                StandardCharsets.UTF_8)).isEqualTo(String.valueOf(huge.length()));
    }

    @Test
    void anOrdinaryRecordIsDeadLetteredAsItIs() {
        ProducerRecord<Object, Object> dead = recoverer.createProducerRecord(
                new ConsumerRecord<>("prices-ready", 0, 3, "AAPL", "{\"eventId\": not json"),
                new TopicPartition("prices-ready.DLT", -1), new RecordHeaders(), null, null);
        assertThat(dead.value()).isEqualTo("{\"eventId\": not json");
        assertThat(dead.headers().lastHeader(BoundedDeadLetterRecoverer.TRUNCATED_HEADER)).isNull();
    }
}
