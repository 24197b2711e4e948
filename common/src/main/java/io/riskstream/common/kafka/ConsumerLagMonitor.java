package io.riskstream.common.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Measures the service's own consumer group every few seconds and exposes, per topic and partition:
 * {@code riskstream_consumer_lag_records} (log end minus committed offset), {@code riskstream_consumer_lag_seconds}
 * (age of the oldest unconsumed record, read at the committed offset; 0 without lag) and
 * {@code riskstream_consumer_committed_offset}; per group {@code riskstream_consumer_group_members}. Partitions the
 * group is assigned but never committed count from their earliest offset (the services read from the earliest).
 * Measured from the broker, not the listener, so a paused, stuck or stopped consumer shows as lag.
 */
public class ConsumerLagMonitor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLagMonitor.class);

    /** The latest sample of one partition. */
    public record PartitionLag(long committed, long records, double seconds) {
    }

    private final Map<String, Object> clientConfig;
    private final String group;
    private final MeterRegistry meters;
    private final LagMonitorSettings settings;
    private final Clock clock;
    private final Map<TopicPartition, PartitionLag> latest = new ConcurrentHashMap<>();
    private volatile int members;
    private volatile boolean running;
    private ScheduledExecutorService executor;
    private Admin admin;
    private KafkaConsumer<byte[], byte[]> reader;
    private boolean warned;

    public ConsumerLagMonitor(Map<String, Object> adminConfig, String group, MeterRegistry meters,
                              LagMonitorSettings settings, Clock clock) {
        this.clientConfig = Map.copyOf(adminConfig);
        this.group = group;
        this.meters = meters;
        this.settings = settings;
        this.clock = clock;
        Gauge.builder("riskstream.consumer.group.members", this, m -> m.members).tag("group", group)
                .description("members of the service's consumer group (0: no consumer is running)").register(meters);
    }

    public Map<TopicPartition, PartitionLag> latest() {
        return Map.copyOf(latest);
    }

    /** One measurement; public so a test or an operator endpoint can force one. */
    public synchronized void sample() {
        try {
            Admin client = admin();
            long timeout = settings.timeout().toMillis();
            Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(timeout, TimeUnit.MILLISECONDS);
            ConsumerGroupDescription description = client.describeConsumerGroups(List.of(group)).describedGroups()
                    .get(group).get(timeout, TimeUnit.MILLISECONDS);
            members = description.members().size();
            Set<TopicPartition> partitions = new HashSet<>(committed.keySet());
            for (MemberDescription member : description.members()) {
                partitions.addAll(member.assignment().topicPartitions());
            }
            if (partitions.isEmpty()) {
                return;
            }
            Map<TopicPartition, Long> ends = offsets(client, partitions, OffsetSpec.latest(), timeout);
            Map<TopicPartition, Long> starts = offsets(client, partitions, OffsetSpec.earliest(), timeout);
            Map<TopicPartition, Long> positions = new HashMap<>();
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata c = committed.get(tp);
                positions.put(tp, Math.max(c == null ? 0 : c.offset(), starts.getOrDefault(tp, 0L)));
            }
            Map<TopicPartition, Long> lagging = new HashMap<>();
            positions.forEach((tp, position) -> {
                if (ends.getOrDefault(tp, position) > position) {
                    lagging.put(tp, position);
                }
            });
            Map<TopicPartition, Long> timestamps = oldestTimestamps(lagging);
            long now = clock.millis();
            positions.forEach((tp, position) -> {
                long records = Math.max(0, ends.getOrDefault(tp, position) - position);
                Long ts = timestamps.get(tp);
                double seconds = records == 0 || ts == null ? 0 : Math.max(0, (now - ts) / 1000.0);
                record(tp, new PartitionLag(position, records, seconds));
            });
            warned = false;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // a broker outage shows in the services' health; one line per outage is enough here
            if (!warned) {
                log.warn("measuring the lag of consumer group {} failed: {}", group, e.toString());
                warned = true;
            }
        }
    }

    private static Map<TopicPartition, Long> offsets(Admin client, Set<TopicPartition> partitions, OffsetSpec spec,
                                                     long timeout) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = client.listOffsets(request).all()
                .get(timeout, TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        result.forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    /** The timestamp of the record at each position, read with an unsubscribed consumer (no group, no commits). */
    private Map<TopicPartition, Long> oldestTimestamps(Map<TopicPartition, Long> positions) {
        Map<TopicPartition, Long> timestamps = new HashMap<>();
        if (positions.isEmpty()) {
            return timestamps;
        }
        KafkaConsumer<byte[], byte[]> consumer = reader();
        consumer.assign(positions.keySet());
        positions.forEach(consumer::seek);
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        while (timestamps.size() < positions.size() && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                timestamps.putIfAbsent(tp, record.timestamp());
                consumer.pause(List.of(tp));
            }
        }
        consumer.assign(List.of());
        return timestamps;
    }

    private void record(TopicPartition tp, PartitionLag lag) {
        if (latest.put(tp, lag) == null) {
            Tags tags = Tags.of("group", group, "topic", tp.topic(), "partition", Integer.toString(tp.partition()));
            Gauge.builder("riskstream.consumer.lag.records", latest, m -> value(m, tp).records()).tags(tags)
                    .description("records waiting for the consumer group").register(meters);
            Gauge.builder("riskstream.consumer.lag.seconds", latest, m -> value(m, tp).seconds()).tags(tags)
                    .description("age of the oldest record waiting for the consumer group").register(meters);
            Gauge.builder("riskstream.consumer.committed.offset", latest, m -> value(m, tp).committed()).tags(tags)
                    .description("the consumer group's position").register(meters);
        }
    }

    private static PartitionLag value(Map<TopicPartition, PartitionLag> latest, TopicPartition tp) {
        return latest.getOrDefault(tp, new PartitionLag(0, 0, 0));
    }

    private Admin admin() {
        if (admin == null) {
            Map<String, Object> config = new HashMap<>(clientConfig);
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, group + "-lag-monitor");
            admin = Admin.create(config);
        }
        return admin;
    }

    private KafkaConsumer<byte[], byte[]> reader() {
        if (reader == null) {
            Map<String, Object> config = new HashMap<>();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, clientConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
            for (String key : List.of("security.protocol", "sasl.mechanism", "sasl.jaas.config", "ssl.truststore.location",
                    "ssl.truststore.password", "ssl.keystore.location", "ssl.keystore.password")) {
                if (clientConfig.containsKey(key)) {
                    config.put(key, clientConfig.get(key));
                }
            }
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, group + "-lag-reader");
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
            config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            reader = new KafkaConsumer<>(config);
        }
        return reader;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lag-monitor-" + group);
            t.setDaemon(true);
            return t;
        });
        long interval = settings.interval().toMillis();
        executor.scheduleWithFixedDelay(this::sample, interval, interval, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(settings.timeout().toMillis() * 2, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (reader != null) {
                reader.close(Duration.ofSeconds(1));
                reader = null;
            }
            if (admin != null) {
                admin.close(Duration.ofSeconds(1));
                admin = null;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
