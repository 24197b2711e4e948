package io.riskstream.common.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code riskstream.environment} ({@code RISKSTREAM_ENVIRONMENT}): {@code production} unless set. Only the
 * {@code development} environment — what {@code bin/riskstream}, the fault suite and the tests run in — may use the
 * simulated market; anywhere else a chain naming {@code simulated} is refused at start-up, so synthetic prices can
 * never be served as real ones.
 */
@ConfigurationProperties("riskstream")
public record EnvironmentSettings(@DefaultValue("production") String environment) {

    public static final String DEVELOPMENT = "development";

    public boolean development() {
        return DEVELOPMENT.equalsIgnoreCase(environment == null ? "" : environment.trim());
    }
}
