package io.riskstream.price.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.LocalTime;
import java.time.ZoneId;

/**
 * {@code riskstream.daily-close.*}: whether this service schedules the daily close, and when (default 18:30 New
 * York time on every NYSE trading day). The check interval is read by the scheduler's annotation.
 */
@ConfigurationProperties("riskstream.daily-close")
public record DailyCloseSettings(@DefaultValue("true") boolean schedulerEnabled,
                                 @DefaultValue("18:30") LocalTime at,
                                 @DefaultValue("America/New_York") ZoneId zone) {
}
