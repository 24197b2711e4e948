package io.riskstream.marketdata.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.riskstream.common.config.EnvironmentSettings;
import io.riskstream.common.config.RiskstreamAutoConfiguration;
import io.riskstream.marketdata.JdbcProviderQuota;
import io.riskstream.marketdata.MarketDataProvider;
import io.riskstream.marketdata.MarketDataProviders;
import io.riskstream.marketdata.ProviderHealth;
import io.riskstream.marketdata.ProviderQuota;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;

/**
 * What a service that fetches market data gets from this module: the provider chain of its settings, the providers'
 * health (and its readiness check) and the daily quota its replicas share.
 */
@AutoConfiguration(after = RiskstreamAutoConfiguration.class)
@EnableConfigurationProperties(MarketDataSettings.class)
public class MarketDataAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProviderHealth providerHealth(ObjectProvider<MeterRegistry> meters) {
        return new ProviderHealth(meters.getIfAvailable(SimpleMeterRegistry::new), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    ProviderQuota providerQuota(MarketDataSettings settings, Clock clock,
                                ObjectProvider<NamedParameterJdbcTemplate> jdbc,
                                ObjectProvider<PlatformTransactionManager> txManager) {
        NamedParameterJdbcTemplate template = jdbc.getIfAvailable();
        PlatformTransactionManager tm = txManager.getIfAvailable();
        // the service's database: every replica spends the same quota (the table comes with the service's changelog)
        return settings.sharedQuota() && template != null && tm != null ? new JdbcProviderQuota(template, tm, clock)
                : ProviderQuota.inMemory(clock);
    }

    /** Lazy: built (and a forbidden chain refused) where a service uses market data. */
    @Bean
    @Lazy
    @ConditionalOnMissingBean
    MarketDataProvider marketDataProvider(MarketDataSettings settings, EnvironmentSettings environment, Clock clock,
                                          ObjectProvider<MeterRegistry> meters, ProviderHealth health,
                                          ProviderQuota quota) {
        return MarketDataProviders.create(settings, new MarketDataProviders.Context(clock,
                meters.getIfAvailable(SimpleMeterRegistry::new), health, quota, environment.development()));
    }

    /** The readiness check of the providers, where actuator's health support is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class MarketDataHealth {

        @Bean
        @ConditionalOnMissingBean(name = "marketDataHealthIndicator")
        MarketDataHealthIndicator marketDataHealthIndicator(ProviderHealth health) {
            return new MarketDataHealthIndicator(health);
        }
    }
}
