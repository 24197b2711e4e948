package io.riskstream.testsupport;

import io.riskstream.common.event.Topics;
import io.riskstream.common.kafka.ListenerErrorHandling;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.support.KafkaHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Raw access to the test broker: send any bytes, read a whole topic from the beginning. */
public final class KafkaTestClient {

    private KafkaTestClient() {
    }

    public static void send(String topic, String key, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.bootstrapServers(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("send to " + topic + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Every record currently in {@code topic}, read from offset 0 of each partition up to the end offsets taken at
     * the start. Fails, rather than returning part of the topic, when the end is not reached within 20 seconds.
     */
    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> out = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            List<String> behind = partitions.stream().filter(tp -> consumer.position(tp) < end.get(tp))
                    .map(tp -> tp.partition() + " at " + consumer.position(tp) + " of " + end.get(tp)).toList();
            if (!behind.isEmpty()) {
                throw new IllegalStateException("read only part of " + topic + " in 20 s: partition(s) " + behind);
            }
            return out.stream().filter(r -> r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))).toList();
        }
    }

    public static List<ConsumerRecord<String, String>> readAll(String topic, Predicate<ConsumerRecord<String, String>> filter) {
        return readAll(topic).stream().filter(filter).collect(Collectors.toList());
    }

    /**
     * The reason header of the one dead letter that {@code group} wrote from {@code topic} and that {@code which}
     * selects (by key or value); fails unless there is exactly one.
     */
    public static String deadLetterReason(String topic, String group, Predicate<ConsumerRecord<String, String>> which) {
        List<ConsumerRecord<String, String>> dead = readAll(Topics.deadLetter(topic),
                r -> which.test(r) && group.equals(header(r, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)));
        assertThat(dead).as("dead letters of group %s on %s", group, topic).hasSize(1);
        return header(dead.getFirst(), ListenerErrorHandling.REASON_HEADER);
    }

    /** A header's value as text, or null when the record has none of that name. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * Waits until {@code group} has consumed everything sent so far on every partition it has a committed offset on:
     * the baseline a test takes after it (a meter, a row count) is no longer moved by an earlier test's records.
     */
    public static void awaitConsumed(String group) {
        org.awaitility.Awaitility.await("group " + group + " consumed every record").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100)).until(() -> totalLag(group) == 0);
    }

    private static long totalLag(String group) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.bootstrapServers()))) {
            var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> request = committed.keySet().stream()
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            long lag = 0;
            for (var e : admin.listOffsets(request).all().get().entrySet()) {
                var c = committed.get(e.getKey());
                lag += e.getValue().offset() - (c == null ? 0 : c.offset());
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException("lag of " + group + ": " + e.getMessage(), e);
        }
    }

    /** Total records waiting for {@code group} on {@code topic} (end offsets minus committed offsets). */
    public static long lag(String group, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.bootstrapServers()))) {
            var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
            Map<TopicPartition, OffsetSpec> request = partitions.stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(request).all().get();
            long lag = 0;
            for (var e : ends.entrySet()) {
                var c = committed.get(e.getKey());
                lag += e.getValue().offset() - (c == null ? 0 : c.offset());
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException("lag of " + group + " on " + topic + ": " + e.getMessage(), e);
        }
    }
}
