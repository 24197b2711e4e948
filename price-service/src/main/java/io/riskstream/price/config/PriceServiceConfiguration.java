package io.riskstream.price.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.riskstream.common.application.EventPublisher;
import io.riskstream.common.application.UnitOfWork;
import io.riskstream.common.calendar.MarketClock;
import io.riskstream.marketdata.MarketDataProvider;
import io.riskstream.price.adapters.jdbc.DataAccessStoreFailures;
import io.riskstream.price.adapters.jdbc.JdbcBarStore;
import io.riskstream.price.adapters.jdbc.JdbcUniverseStore;
import io.riskstream.price.adapters.metrics.MicrometerPriceMetrics;
import io.riskstream.price.adapters.runs.TrackedRuns;
import io.riskstream.price.application.AddToUniverse;
import io.riskstream.price.application.BackfillHistory;
import io.riskstream.price.application.BarStore;
import io.riskstream.price.application.BenchmarkBootstrap;
import io.riskstream.price.application.DailyCloseRefresh;
import io.riskstream.price.application.OnboardSymbol;
import io.riskstream.price.application.PriceFetch;
import io.riskstream.price.application.PriceHistory;
import io.riskstream.price.application.PriceMetrics;
import io.riskstream.price.application.RunReports;
import io.riskstream.price.application.UniverseAnnouncements;
import io.riskstream.price.application.UniverseStore;
import io.riskstream.price.domain.UniverseRefreshDay;
import io.riskstream.runs.application.RunStore;
import io.riskstream.runs.config.RunTrackingConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.time.Clock;

/**
 * Builds the use cases from their ports; the application classes carry no Spring annotations. Run tracking is a
 * module of its own, embedded in this process.
 */
@Configuration(proxyBeanMethods = false)
@Import(RunTrackingConfiguration.class)
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
    PriceMetrics priceMetrics(MeterRegistry meters) {
        return new MicrometerPriceMetrics(meters);
    }

    @Bean
    PriceFetch priceFetch(BarStore bars, UniverseStore universe, MarketDataProvider provider, MarketClock marketClock,
                          PriceMetrics metrics, PriceSettings settings) {
        return new PriceFetch(bars, universe, provider, marketClock.calendar(), metrics, settings.historyDays());
    }

    @Bean
    PriceHistory priceHistory(BarStore bars, UniverseStore universe, EventPublisher events, Clock clock,
                              PriceMetrics metrics) {
        return new PriceHistory(bars, universe, events, clock, metrics);
    }

    @Bean
    RunReports runReports(RunStore runs, EventPublisher events, Clock clock) {
        return new RunReports(new TrackedRuns(runs), events, clock);
    }

    @Bean
    UniverseAnnouncements universeAnnouncements(UniverseStore universe, EventPublisher events, Clock clock) {
        return new UniverseAnnouncements(universe, events, clock);
    }

    @Bean
    AddToUniverse addToUniverse(UniverseStore universe, PriceFetch fetch, PriceHistory history, MarketClock marketClock,
                                UnitOfWork unitOfWork, RunReports reports, UniverseAnnouncements announcements) {
        return new AddToUniverse(universe, fetch, history, marketClock, unitOfWork, reports, announcements);
    }

    @Bean
    BackfillHistory backfillHistory(UniverseStore universe, PriceFetch fetch, PriceHistory history,
                                    UnitOfWork unitOfWork, RunReports reports, UniverseAnnouncements announcements,
                                    ThreadPoolTaskExecutor backfillExecutor) {
        return new BackfillHistory(universe, fetch, history, unitOfWork, reports, announcements, backfillExecutor);
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
    OnboardSymbol onboardSymbol(UniverseStore universe, PriceFetch fetch, PriceHistory history, MarketClock marketClock,
                                UnitOfWork unitOfWork, RunReports reports) {
        return new OnboardSymbol(universe, fetch, history, marketClock, unitOfWork, reports);
    }

    @Bean
    DailyCloseRefresh dailyCloseRefresh(UniverseStore universe, PriceFetch fetch, PriceHistory history,
                                        MarketDataProvider provider, MarketClock marketClock, UnitOfWork unitOfWork,
                                        PriceSettings settings, RunReports reports) {
        return new DailyCloseRefresh(universe, fetch, history, provider, marketClock.calendar(), unitOfWork,
                new DataAccessStoreFailures(), new UniverseRefreshDay(settings.universeRefreshDay()), reports,
                settings.benchmarks());
    }

    @Bean
    BenchmarkBootstrap benchmarkBootstrap(PriceFetch fetch, PriceHistory history, MarketClock marketClock,
                                          UnitOfWork unitOfWork, PriceSettings settings,
                                          UniverseAnnouncements announcements) {
        return new BenchmarkBootstrap(fetch, history, marketClock, unitOfWork, settings.benchmarks(), announcements);
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
