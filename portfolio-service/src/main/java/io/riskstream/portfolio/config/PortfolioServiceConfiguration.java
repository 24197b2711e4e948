package io.riskstream.portfolio.config;

import io.riskstream.common.calendar.MarketClock;
import io.riskstream.common.outbox.OutboxWriter;
import io.riskstream.portfolio.adapters.jdbc.JdbcAnalyticsStore;
import io.riskstream.portfolio.adapters.jdbc.JdbcPortfolioStore;
import io.riskstream.portfolio.adapters.jdbc.JdbcRefreshQueue;
import io.riskstream.portfolio.adapters.jdbc.JdbcSymbolDataStore;
import io.riskstream.portfolio.adapters.jdbc.JdbcSymbolProfileStore;
import io.riskstream.portfolio.adapters.jdbc.JdbcRiskStore;
import io.riskstream.portfolio.adapters.jdbc.JdbcTagStore;
import io.riskstream.portfolio.application.AnalyticsStore;
import io.riskstream.portfolio.application.PortfolioAnalytics;
import io.riskstream.portfolio.application.PortfolioCommands;
import io.riskstream.portfolio.application.PortfolioStore;
import io.riskstream.portfolio.application.PositionTags;
import io.riskstream.portfolio.application.RiskStore;
import io.riskstream.portfolio.application.SymbolDataStore;
import io.riskstream.portfolio.application.SymbolProfiles;
import io.riskstream.portfolio.application.SymbolUpdates;
import io.riskstream.portfolio.domain.risk.RiskAnalysis;
import io.riskstream.portfolio.domain.risk.StressCatalogue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PortfolioServiceConfiguration {

    @Bean
    PortfolioStore portfolioStore(NamedParameterJdbcTemplate jdbc) {
        return new JdbcPortfolioStore(jdbc);
    }

    @Bean
    SymbolDataStore symbolDataStore(NamedParameterJdbcTemplate jdbc) {
        return new JdbcSymbolDataStore(jdbc);
    }

    @Bean
    AnalyticsStore analyticsStore(NamedParameterJdbcTemplate jdbc) {
        return new JdbcAnalyticsStore(jdbc);
    }

    @Bean
    PortfolioAnalytics portfolioAnalytics(PortfolioStore portfolios, SymbolDataStore symbols, AnalyticsStore analytics,
                                          SymbolProfiles profiles, NamedParameterJdbcTemplate jdbc, OutboxWriter outbox,
                                          PlatformTransactionManager txManager, MarketClock market,
                                          PortfolioSettings settings, Clock clock, RiskAnalysis riskAnalysis) {
        // drains read one snapshot: the waiting dates' versions and the data computed from them belong together
        TransactionTemplate drainTx = new TransactionTemplate(txManager);
        drainTx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        return new PortfolioAnalytics(portfolios, symbols, analytics, profiles, new JdbcRefreshQueue(jdbc), outbox,
                drainTx, market.calendar(), clock, settings.readinessGrace(), riskAnalysis);
    }

    /** The stress scenarios, read and checked once: a bad file stops the start with the scenario and field named. */
    @Bean
    StressCatalogue stressCatalogue(PortfolioSettings settings) {
        return StressScenarioFile.load(settings.stressScenarios());
    }

    @Bean
    RiskAnalysis riskAnalysis(StressCatalogue catalogue) {
        return new RiskAnalysis(catalogue);
    }

    @Bean
    PortfolioCommands portfolioCommands(PortfolioStore portfolios, PortfolioAnalytics analytics, OutboxWriter outbox,
                                        PlatformTransactionManager txManager, Clock clock, MarketClock market,
                                        PositionTags tags) {
        return new PortfolioCommands(portfolios, analytics, outbox, new TransactionTemplate(txManager), clock, market,
                tags);
    }

    @Bean
    SymbolUpdates symbolUpdates(SymbolDataStore symbols, PortfolioStore portfolios, PortfolioAnalytics analytics,
                                PlatformTransactionManager txManager, OutboxWriter outbox, Clock clock,
                                SymbolProfiles profiles, PositionTags tags) {
        return new SymbolUpdates(symbols, portfolios, analytics, new TransactionTemplate(txManager), outbox, clock,
                profiles, tags);
    }

    @Bean
    PositionTags positionTags(NamedParameterJdbcTemplate jdbc, PortfolioStore portfolios, SymbolProfiles profiles,
                              PlatformTransactionManager txManager) {
        return new PositionTags(new JdbcTagStore(jdbc), portfolios, profiles, new TransactionTemplate(txManager));
    }

    @Bean
    RiskStore riskStore(NamedParameterJdbcTemplate jdbc) {
        return new JdbcRiskStore(jdbc);
    }

    @Bean
    SymbolProfiles symbolProfiles(NamedParameterJdbcTemplate jdbc) {
        return new SymbolProfiles(new JdbcSymbolProfileStore(jdbc));
    }
}
