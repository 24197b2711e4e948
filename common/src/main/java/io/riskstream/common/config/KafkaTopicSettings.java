package io.riskstream.common.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code riskstream.kafka.*}: partitions per topic (how far a service scales out) and replication. */
@ConfigurationProperties("riskstream.kafka")
public record KafkaTopicSettings(@DefaultValue("6") int partitions,
                                 @DefaultValue("1") short replicationFactor,
                                 @DefaultValue("true") boolean createTopics) {
}
