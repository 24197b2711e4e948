package io.riskstream.common.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** {@code riskstream.outbox.*}: how often and how much the relay publishes, and how long published rows stay. */
@ConfigurationProperties("riskstream.outbox")
public record OutboxSettings(@DefaultValue("true") boolean enabled,
                             @DefaultValue("200ms") Duration pollInterval,
                             @DefaultValue("500") int batchSize,
                             @DefaultValue("30s") Duration sendTimeout,
                             @DefaultValue("7d") Duration retention) {
}
