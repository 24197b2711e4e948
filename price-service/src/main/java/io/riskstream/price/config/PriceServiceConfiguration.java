package io.riskstream.price.config;

import io.riskstream.common.calendar.MarketClock;
import io.riskstream.marketdata.MarketDataProvider;
import io.riskstream.common.outbox.OutboxWriter;
import io.riskstream.price.adapters.jdbc.JdbcBarStore;
import io.riskstream.price.adapters.jdbc.JdbcUniverseStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.riskstream.price.application.BackfillHistory;
import io.riskstream.price.application.BarStore;
import io.riskstream.price.application.BenchmarkBootstrap;
import io.riskstream.price.application.DailyCloseRefresh;
import io.riskstream.price.application.OnboardSymbol;
import io.riskstream.price.application.PriceHistory;
import io.riskstream.price.application.RunReports;
import io.riskstream.price.application.RunStore;
import io.riskstream.price.application.UniverseAnnouncements;
import io.riskstream.price.application.UniverseStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/** Builds the use cases from their ports; the application classes carry no Spring annotations. */
@Configuration(proxyBeanMethods = false)
class PriceServiceConfiguration {

    @Bean
    BarStore barStore(NamedParameterJdbcTemplate jdbc) {
        return new JdbcBarStore(jdbc);
    }

    @Bean
    UniverseStore universeStore(NamedParameterJdbcTemplate jdbc) {
        return new JdbcUniverseStore(jdbc);
    }

    @Bean
    PriceHistory priceHistory(BarStore bars, UniverseStore universe, MarketDataProvider provider, MarketClock marketClock,
                              OutboxWriter outbox, Clock clock, MeterRegistry meters, PriceSettings settings) {
        return new PriceHistory(bars, universe, provider, marketClock.calendar(), outbox, clock, meters,
                settings.historyDays());
    }

    @Bean
    RunReports runReports(OutboxWriter outbox, Clock clock) {
        return new RunReports(outbox, clock);
    }

    @Bean
    UniverseAnnouncements universeAnnouncements(OutboxWriter outbox, Clock clock) {
        return new UniverseAnnouncements(outbox, clock);
    }

    @Bean
    BackfillHistory backfillHistory(UniverseStore universe, PriceHistory history, RunStore runs,
                                    PlatformTransactionManager txManager, RunReports reports,
                                    UniverseAnnouncements announcements, ThreadPoolTaskExecutor backfillExecutor) {
        return new BackfillHistory(universe, history, runs, new TransactionTemplate(txManager), reports, announcements,
                backfillExecutor);
    }

    /**
     * Operators' backfills, one after another in the order accepted (they share the provider's limits). On shutdown
     * the one running may finish within the grace period; the queue is not kept across restarts.
     */
    @Bean
    ThreadPoolTaskExecutor backfillExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setThreadNamePrefix("backfill-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        return executor;
    }

    @Bean
    OnboardSymbol onboardSymbol(UniverseStore universe, PriceHistory history, MarketClock marketClock,
                                PlatformTransactionManager txManager, RunReports reports) {
        return new OnboardSymbol(universe, history, marketClock, new TransactionTemplate(txManager), reports);
    }

    @Bean
    DailyCloseRefresh dailyCloseRefresh(UniverseStore universe, PriceHistory history, MarketDataProvider provider,
                                        MarketClock marketClock, PlatformTransactionManager txManager,
                                        PriceSettings settings, RunReports reports) {
        return new DailyCloseRefresh(universe, history, provider, marketClock.calendar(),
                new TransactionTemplate(txManager), settings.universeRefreshDay(), reports, settings.benchmarks());
    }

    @Bean
    BenchmarkBootstrap benchmarkBootstrap(UniverseStore universe, PriceHistory history, MarketClock marketClock,
                                          PlatformTransactionManager txManager, PriceSettings settings,
                                          UniverseAnnouncements announcements) {
        return new BenchmarkBootstrap(universe, history, marketClock, new TransactionTemplate(txManager),
                settings.benchmarks(), announcements);
    }

    /**
     * At start-up, once; when the provider cannot answer (down, refusing the key), the service starts anyway and the
     * bootstrap is retried in the background with a growing pause (readiness says so meanwhile).
     */
    @Bean
    BenchmarkBootstrapRunner benchmarkBootstrapRunner(BenchmarkBootstrap bootstrap, PriceSettings settings) {
        return new BenchmarkBootstrapRunner(bootstrap, settings.bootstrapBenchmarks(), settings.bootstrapRetry());
    }
}
