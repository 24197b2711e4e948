package io.riskstream.portfolio.config;

import io.riskstream.common.application.EventPublisher;
import io.riskstream.common.application.UnitOfWork;
import io.riskstream.common.calendar.MarketClock;
import io.riskstream.portfolio.adapters.jdbc.JdbcAnalyticsStore;
import io.riskstream.portfolio.adapters.jdbc.JdbcPortfolioStore;
import io.riskstream.portfolio.adapters.jdbc.JdbcRefreshQueue;
import io.riskstream.portfolio.adapters.jdbc.JdbcRiskStore;
import io.riskstream.portfolio.adapters.jdbc.JdbcSymbolDataStore;
import io.riskstream.portfolio.adapters.jdbc.JdbcSymbolProfileStore;
import io.riskstream.portfolio.adapters.jdbc.JdbcHoldingLocks;
import io.riskstream.portfolio.adapters.jdbc.JdbcTagStore;
import io.riskstream.portfolio.adapters.jdbc.SnapshotUnitOfWork;
import io.riskstream.portfolio.application.AnalyticsAnnouncements;
import io.riskstream.portfolio.application.AnalyticsStore;
import io.riskstream.portfolio.application.DrainRefreshQueue;
import io.riskstream.portfolio.application.PortfolioCommands;
import io.riskstream.portfolio.application.PortfolioStore;
import io.riskstream.portfolio.application.HoldingLocks;
import io.riskstream.portfolio.application.PositionTags;
import io.riskstream.portfolio.application.ReadyPortfolios;
import io.riskstream.portfolio.application.RecordPosition;
import io.riskstream.portfolio.application.RefreshChunk;
import io.riskstream.portfolio.application.RefreshQueue;
import io.riskstream.portfolio.application.RequestRefresh;
import io.riskstream.portfolio.application.RiskStore;
import io.riskstream.portfolio.application.ReadContributions;
import io.riskstream.portfolio.application.RunStages;
import io.riskstream.portfolio.application.StoreFactors;
import io.riskstream.portfolio.application.StorePrices;
import io.riskstream.portfolio.application.StoreProfile;
import io.riskstream.portfolio.application.SymbolDataStore;
import io.riskstream.portfolio.application.SymbolProfiles;
import io.riskstream.portfolio.application.ValueDates;
import io.riskstream.portfolio.domain.DateValuation;
import io.riskstream.portfolio.domain.Readiness;
import io.riskstream.portfolio.domain.risk.RiskAnalysis;
import io.riskstream.portfolio.domain.risk.StressCatalogue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;

/** The stores, the domain services and the use cases, wired by hand: no Spring in application or domain. */
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
    RefreshQueue refreshQueue(NamedParameterJdbcTemplate jdbc) {
        return new JdbcRefreshQueue(jdbc);
    }

    @Bean
    RiskStore riskStore(NamedParameterJdbcTemplate jdbc) {
        return new JdbcRiskStore(jdbc);
    }

    @Bean
    SymbolProfiles symbolProfiles(NamedParameterJdbcTemplate jdbc) {
        return new JdbcSymbolProfileStore(jdbc);
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
    RequestRefresh requestRefresh(RefreshQueue queue, AnalyticsStore analytics, MarketClock market,
                                  RiskAnalysis risk, PortfolioSettings settings) {
        return new RequestRefresh(queue, analytics, market.calendar(), settings.riskAnalytics() ? risk : null);
    }

    @Bean
    DrainRefreshQueue drainRefreshQueue(RefreshQueue queue, PortfolioStore portfolios, SymbolDataStore symbols,
                                        AnalyticsStore analytics, SymbolProfiles profiles, EventPublisher events,
                                        PlatformTransactionManager transactions, MarketClock market,
                                        PortfolioSettings settings, Clock clock, RiskAnalysis risk) {
        Readiness readiness = new Readiness(settings.readinessGrace());
        ValueDates values = new ValueDates(symbols, profiles, analytics, queue,
                settings.riskAnalytics() ? new DateValuation(market.calendar(), risk)
                        : DateValuation.withoutRiskAnalytics(market.calendar()),
                new AnalyticsAnnouncements(events, clock));
        // a chunk reads one snapshot: the waiting dates' versions and the data computed from them belong together
        return new DrainRefreshQueue(queue, new ReadyPortfolios(portfolios, symbols, readiness, clock),
                new RefreshChunk(queue, portfolios, symbols, readiness, clock, values),
                new SnapshotUnitOfWork(transactions));
    }

    @Bean
    ReadContributions readContributions(PortfolioStore portfolios, AnalyticsStore analytics, RiskStore risk,
                                        SymbolDataStore symbols) {
        return new ReadContributions(portfolios, analytics, risk, symbols);
    }

    @Bean
    RunStages runStages(EventPublisher events, Clock clock) {
        return new RunStages(events, clock);
    }

    @Bean
    HoldingLocks holdingLocks(NamedParameterJdbcTemplate jdbc) {
        return new JdbcHoldingLocks(jdbc);
    }

    @Bean
    PositionTags positionTags(NamedParameterJdbcTemplate jdbc, PortfolioStore portfolios, SymbolProfiles profiles,
                              UnitOfWork unitOfWork, HoldingLocks locks) {
        return new PositionTags(new JdbcTagStore(jdbc), portfolios, profiles, unitOfWork, locks);
    }

    @Bean
    PortfolioCommands portfolioCommands(PortfolioStore portfolios, EventPublisher events, RunStages stages,
                                        Clock clock, PositionTags tags, RequestRefresh refresh,
                                        DrainRefreshQueue drain, UnitOfWork unitOfWork, MarketClock market,
                                        HoldingLocks locks) {
        return new PortfolioCommands(portfolios, new RecordPosition(portfolios, events, stages, clock, locks), tags, refresh,
                drain, unitOfWork, market);
    }

    @Bean
    StorePrices storePrices(SymbolDataStore symbols, PortfolioStore portfolios, RequestRefresh refresh,
                            UnitOfWork unitOfWork, HoldingLocks locks) {
        return new StorePrices(symbols, portfolios, refresh, unitOfWork, locks);
    }

    @Bean
    StoreFactors storeFactors(SymbolDataStore symbols, PortfolioStore portfolios, RequestRefresh refresh,
                              RunStages stages, UnitOfWork unitOfWork, HoldingLocks locks) {
        return new StoreFactors(symbols, portfolios, refresh, stages, unitOfWork, locks);
    }

    @Bean
    StoreProfile storeProfile(SymbolProfiles profiles, PortfolioStore portfolios, PositionTags tags,
                              RequestRefresh refresh, UnitOfWork unitOfWork, HoldingLocks locks) {
        return new StoreProfile(profiles, portfolios, tags, refresh, unitOfWork, locks);
    }
}
