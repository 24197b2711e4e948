package io.riskstream.common.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

/**
 * Every consumer group's committed offset, end offset and members per partition, read from the broker: what
 * {@code bin/riskstream lag} prints and the operator page shows. (Each service's {@link ConsumerLagMonitor} measures its
 * own group continuously, in seconds too; this is a one-off reading of all of them.)
 */
public final class ConsumerGroupLag {

    public record Partition(String group, String topic, int partition, long committed, long end, int members) {
        public long lag() {
            return Math.max(0, end - committed);
        }

        /** {@code group|topic|partition}, the key of {@link #sample}'s map. */
        public String key() {
            return group + "|" + topic + "|" + partition;
        }
    }

    private ConsumerGroupLag() {
    }

    /** The partitions of every group that has committed offsets, keyed and sorted by group, topic and partition. */
    public static Map<String, Partition> sample(Admin admin) throws InterruptedException, ExecutionException {
        Map<String, Partition> partitions = new TreeMap<>();
        List<String> groups = admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId).toList();
        if (groups.isEmpty()) {
            return partitions;
        }
        Map<String, ConsumerGroupDescription> descriptions = admin.describeConsumerGroups(groups).all().get();
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get());
            committed.values().removeIf(o -> o == null);
            if (committed.isEmpty()) {
                continue;
            }
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            committed.keySet().forEach(tp -> request.put(tp, OffsetSpec.latest()));
            var ends = admin.listOffsets(request).all().get();
            int members = descriptions.containsKey(group) ? descriptions.get(group).members().size() : 0;
            committed.forEach((tp, offset) -> {
                Partition p = new Partition(group, tp.topic(), tp.partition(), offset.offset(), ends.get(tp).offset(),
                        members);
                partitions.put(p.key(), p);
            });
        }
        return partitions;
    }
}
