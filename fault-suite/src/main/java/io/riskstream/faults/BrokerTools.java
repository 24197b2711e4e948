package io.riskstream.faults;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** What the scenarios do on the broker from outside the services: read, re-send, poison, rewind, measure lag. */
final class BrokerTools implements AutoCloseable {

    private final String bootstrap;
    private final Admin admin;
    private final KafkaProducer<String, String> producer;

    BrokerTools(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties a = new Properties();
        a.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        this.admin = Admin.create(a);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /**
     * Records waiting per consumer group over every topic: log end minus committed offset, and for a partition assigned
     * to a member but never committed (a consumer still retrying its first record) log end minus log start.
     */
    Map<String, Long> lagByGroup() throws InterruptedException {
        Map<String, Long> lag = new HashMap<>();
        try {
            List<String> groups = admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId)
                    .toList();
            var descriptions = admin.describeConsumerGroups(groups).all().get();
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get());
                Set<TopicPartition> neverCommitted = new HashSet<>();
                for (MemberDescription member : descriptions.get(group).members()) {
                    for (TopicPartition tp : member.assignment().topicPartitions()) {
                        if (committed.get(tp) == null) {
                            neverCommitted.add(tp);
                        }
                    }
                }
                committed.keySet().removeAll(neverCommitted);
                if (committed.isEmpty() && neverCommitted.isEmpty()) {
                    continue;
                }
                Set<TopicPartition> all = new HashSet<>(committed.keySet());
                all.addAll(neverCommitted);
                var ends = offsets(all, OffsetSpec.latest());
                var starts = offsets(neverCommitted, OffsetSpec.earliest());
                long n = 0;
                for (var e : committed.entrySet()) {
                    n += ends.get(e.getKey()) - (e.getValue() == null ? 0 : e.getValue().offset());
                }
                for (TopicPartition tp : neverCommitted) {
                    n += ends.get(tp) - starts.get(tp);
                }
                lag.put(group, n);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("measuring consumer lag: " + e.getCause(), e.getCause());
        }
        return lag;
    }

    private Map<TopicPartition, Long> offsets(Set<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        if (!partitions.isEmpty()) {
            Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> spec));
            admin.listOffsets(request).all().get().forEach((tp, info) -> offsets.put(tp, info.offset()));
        }
        return offsets;
    }

    /** Every record of a topic, from offset 0 to the end as of now. */
    List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> out = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            return out;
        }
    }

    long count(String topic) {
        try {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
            Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(
                    p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            Map<TopicPartition, OffsetSpec> earliest = partitions.stream().collect(Collectors.toMap(
                    p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.earliest()));
            var ends = admin.listOffsets(latest).all().get();
            var starts = admin.listOffsets(earliest).all().get();
            return ends.entrySet().stream().mapToLong(e -> e.getValue().offset() - starts.get(e.getKey()).offset()).sum();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                return 0;
            }
            throw new IllegalStateException("counting " + topic + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends each selected record of the topic once more, with its key, value and headers: a duplicate delivery. */
    int resend(String topic, Predicate<ConsumerRecord<String, String>> which) {
        int n = 0;
        for (ConsumerRecord<String, String> r : readAll(topic)) {
            if (which.test(r)) {
                producer.send(new ProducerRecord<>(topic, null, r.key(), r.value(), r.headers()));
                n++;
            }
        }
        producer.flush();
        return n;
    }

    void send(String topic, String key, String value) {
        producer.send(new ProducerRecord<>(topic, key, value));
    }

    void flush() {
        producer.flush();
    }

    /** Rewinds a (stopped) consumer group to offset 0 on a topic, so its next start replays the whole topic. */
    void rewind(String group, String topic) throws InterruptedException {
        try {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
            Map<TopicPartition, OffsetAndMetadata> zero = new HashMap<>();
            partitions.forEach(p -> zero.put(new TopicPartition(topic, p.partition()), new OffsetAndMetadata(0)));
            // the group must have no members: the broker refuses to move a live group's offsets, so retry a while
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (true) {
                try {
                    admin.alterConsumerGroupOffsets(group, zero).all().get();
                    return;
                } catch (ExecutionException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("rewinding " + group + " on " + topic + ": " + e.getCause());
                    }
                    Thread.sleep(1000);
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("rewinding " + group + " on " + topic + ": " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
