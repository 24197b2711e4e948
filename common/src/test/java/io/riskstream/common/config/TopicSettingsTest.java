package io.riskstream.common.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicSettingsTest {

    private static List<NewTopic> topics(KafkaTopicSettings settings) {
        return RiskstreamAutoConfiguration.topics(settings);
    }

    @Test
    void everyTopicAndItsDeadLetterTopicGetsTheReplicationAndTheMinimumInSyncReplicas() {
        List<NewTopic> topics = topics(new KafkaTopicSettings(6, (short) 3, 2, true));
        assertThat(topics).isNotEmpty().allSatisfy(t -> {
            assertThat(t.replicationFactor()).isEqualTo((short) 3);
            assertThat(t.configs()).containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
        });
        assertThat(topics).anySatisfy(t -> assertThat(t.name()).endsWith(".DLT"));
    }

    @Test
    void unsetLeavesTheBrokersDefault() {
        assertThat(topics(new KafkaTopicSettings(6, (short) 1, null, true)))
                .allSatisfy(t -> assertThat(t.configs() == null ? java.util.Map.<String, String>of() : t.configs())
                        .doesNotContainKey(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG));
    }

    @Test
    void moreInSyncReplicasThanCopiesIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new KafkaTopicSettings(6, (short) 1, 2, true))
                .hasMessageContaining("riskstream.kafka.min-insync-replicas 2")
                .hasMessageContaining("replication factor 1");
    }
}
