package io.riskstream.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * What the benchmark watches on the broker, without touching the services: every portfolio-analytics-ready (when
 * each (portfolio, date) was announced), the end offsets of the topics (events per second), and the consumer lag of
 * every group sampled over time.
 */
final class PipelineProbe implements AutoCloseable {

    static final List<String> TOPICS = List.of("position-events", "symbol-added", "daily-close", "prices-ready",
            "profile-updated", "fundamentals-ready", "factors-ready", "portfolio-analytics-ready");

    /** A (portfolio, date) announced with full coverage, and when the benchmark saw it (System.nanoTime()). */
    record Announced(String portfolioId, LocalDate date, boolean partial, long seenAtNanos) {
    }

    record LagSample(long atNanos, Map<String, Long> lagByGroup) {
    }

    private final Admin admin;
    private final KafkaConsumer<String, String> consumer;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Map<LocalDate, Announced>> announced = new ConcurrentHashMap<>();
    private final List<LagSample> lag = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Thread reader;
    private final Thread sampler;
    private volatile boolean running = true;

    PipelineProbe(String bootstrap) {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        this.admin = Admin.create(admin);
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(c);
        this.reader = Thread.ofPlatform().daemon().name("bench-analytics-reader").unstarted(this::readAnalytics);
        this.sampler = Thread.ofPlatform().daemon().name("bench-lag-sampler").unstarted(this::sampleLag);
    }

    void start() {
        reader.start();
        sampler.start();
    }

    /** The (portfolio, date) pairs announced so far that satisfy {@code filter}. */
    long count(Predicate<Announced> filter) {
        return announced.values().stream().flatMap(m -> m.values().stream()).filter(filter).count();
    }

    Announced find(String portfolioId, LocalDate date) {
        Map<LocalDate, Announced> dates = announced.get(portfolioId);
        return dates == null ? null : dates.get(date);
    }

    /** topic → sum of its partitions' end offsets. */
    Map<String, Long> endOffsets() {
        try {
            Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
            for (var d : admin.describeTopics(existingTopics()).allTopicNames().get(10, TimeUnit.SECONDS).values()) {
                d.partitions().forEach(p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
            }
            Map<String, Long> sums = new TreeMap<>();
            admin.listOffsets(request).all().get(10, TimeUnit.SECONDS)
                    .forEach((tp, info) -> sums.merge(tp.topic(), info.offset(), Long::sum));
            return sums;
        } catch (Exception e) {
            throw new IllegalStateException("reading topic end offsets failed: " + e.getMessage(), e);
        }
    }

    List<LagSample> lagSamples() {
        synchronized (lag) {
            return List.copyOf(lag);
        }
    }

    private Set<String> existingTopics() throws Exception {
        Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        return TOPICS.stream().filter(names::contains).collect(java.util.stream.Collectors.toSet());
    }

    private void readAnalytics() {
        String topic = "portfolio-analytics-ready";
        List<TopicPartition> partitions = List.of();
        while (running && partitions.isEmpty()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            partitions = infos == null ? List.of() : infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                sleep(500);
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        while (running) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                try {
                    JsonNode payload = json.readTree(r.value()).get("payload");
                    String id = payload.get("portfolioId").asString();
                    LocalDate date = LocalDate.parse(payload.get("date").asString());
                    Announced a = new Announced(id, date, payload.get("partial").asBoolean(), System.nanoTime());
                    // keep the first complete announcement: the moment the result was there
                    announced.computeIfAbsent(id, k -> new ConcurrentHashMap<>())
                            .merge(date, a, (old, now) -> old.partial() && !now.partial() ? now : old);
                } catch (RuntimeException e) {
                    // not an analytics event the benchmark understands: not its concern
                }
            }
        }
    }

    private void sampleLag() {
        while (running) {
            try {
                Map<String, Long> byGroup = new TreeMap<>();
                List<String> groups = admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS).stream()
                        .map(ConsumerGroupListing::groupId).toList();
                Map<TopicPartition, OffsetSpec> ends = new java.util.HashMap<>();
                Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new java.util.HashMap<>();
                for (String g : groups) {
                    Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(g)
                            .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                    committed.put(g, offsets);
                    offsets.keySet().forEach(tp -> ends.put(tp, OffsetSpec.latest()));
                }
                var endOffsets = admin.listOffsets(ends).all().get(10, TimeUnit.SECONDS);
                committed.forEach((g, offsets) -> offsets.forEach((tp, om) -> {
                    if (om != null && endOffsets.containsKey(tp)) {
                        byGroup.merge(g, Math.max(0, endOffsets.get(tp).offset() - om.offset()), Long::sum);
                    }
                }));
                lag.add(new LagSample(System.nanoTime(), byGroup));
            } catch (Exception e) {
                // a sample missed (broker busy): the next one follows
            }
            sleep(2000);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            reader.join(2000);
            sampler.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(Duration.ofSeconds(2));
        admin.close(Duration.ofSeconds(2));
    }
}
