package io.riskstream.marketdata.config;

import io.riskstream.marketdata.ProviderHealth;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code marketData} in the readiness group: DOWN while a provider refuses the configured key or plan, with each
 * refusal's provider, endpoint, status and the provider's own reason ("Legacy Endpoint : ..."), so an operator sees
 * why from the probe itself. A transient outage is not a refusal: the service stays ready and retries.
 */
public class MarketDataHealthIndicator extends AbstractHealthIndicator {

    private final ProviderHealth health;

    public MarketDataHealthIndicator(ProviderHealth health) {
        super("market-data health check failed");
        this.health = health;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<ProviderHealth.Refusal> refusals = health.refusals();
        builder.status(refusals.isEmpty() ? "UP" : "DOWN").withDetail("providers", health.providers().stream().sorted()
                .toList());
        if (!refusals.isEmpty()) {
            builder.withDetail("refusals", refusals.stream().map(r -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("provider", r.provider());
                m.put("endpoint", r.endpoint());
                m.put("status", r.status());
                m.put("reason", r.reason());
                m.put("at", r.at().toString());
                return m;
            }).toList());
        }
    }
}
