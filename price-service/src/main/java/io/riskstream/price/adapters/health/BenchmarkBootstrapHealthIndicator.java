package io.riskstream.price.adapters.health;

import io.riskstream.price.application.BenchmarkBootstrap;
import io.riskstream.price.config.PriceSettings;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code benchmarkBootstrap} in price-service's readiness: DOWN, with the provider's error, until the benchmark ETFs
 * are current (factor-service can compute nothing without them); the bootstrap is retried meanwhile.
 */
@Component("benchmarkBootstrapHealthIndicator")
class BenchmarkBootstrapHealthIndicator extends AbstractHealthIndicator {

    private final BenchmarkBootstrap bootstrap;
    private final boolean enabled;

    BenchmarkBootstrapHealthIndicator(BenchmarkBootstrap bootstrap, PriceSettings settings) {
        super("benchmark bootstrap check failed");
        this.bootstrap = bootstrap;
        this.enabled = settings.bootstrapBenchmarks();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (!enabled) {
            builder.up().withDetail("bootstrap", "disabled");
            return;
        }
        bootstrap.problem().ifPresentOrElse(p -> builder.down().withDetail("pending", p),
                () -> builder.up().withDetail("benchmarks", "current"));
    }
}
