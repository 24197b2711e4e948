package io.riskstream.common.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** {@code riskstream.lag-monitor.*}: whether and how often a service measures its own consumer group's lag. */
@ConfigurationProperties("riskstream.lag-monitor")
public record LagMonitorSettings(@DefaultValue("true") boolean enabled,
                                 @DefaultValue("15s") Duration interval,
                                 @DefaultValue("5s") Duration timeout) {
}
