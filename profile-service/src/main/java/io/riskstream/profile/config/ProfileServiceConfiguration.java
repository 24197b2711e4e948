package io.riskstream.profile.config;

import io.riskstream.common.marketdata.MarketDataProvider;
import io.riskstream.common.outbox.OutboxWriter;
import io.riskstream.profile.adapters.jdbc.JdbcProfileStore;
import io.riskstream.profile.application.CreateMissingProfile;
import io.riskstream.profile.application.ProfileStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class ProfileServiceConfiguration {

    @Bean
    ProfileStore profileStore(NamedParameterJdbcTemplate jdbc) {
        return new JdbcProfileStore(jdbc);
    }

    @Bean
    CreateMissingProfile createMissingProfile(ProfileStore profiles, MarketDataProvider provider, OutboxWriter outbox,
                                              PlatformTransactionManager txManager, Clock clock) {
        return new CreateMissingProfile(profiles, provider, outbox, new TransactionTemplate(txManager), clock);
    }
}
