package io.riskstream.common.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code riskstream.kafka.*}: partitions per topic (how far a service scales out), replication, and the copies a write
 * needs ({@code min-insync-replicas}; unset: the broker's default), set on the topics the services create.
 */
@ConfigurationProperties("riskstream.kafka")
public record KafkaTopicSettings(@DefaultValue("6") int partitions,
                                 @DefaultValue("1") short replicationFactor,
                                 Integer minInsyncReplicas,
                                 @DefaultValue("true") boolean createTopics) {

    public KafkaTopicSettings {
        if (minInsyncReplicas != null && (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor)) {
            throw new IllegalArgumentException("riskstream.kafka.min-insync-replicas " + minInsyncReplicas
                    + " must be between 1 and the replication factor " + replicationFactor);
        }
    }
}
