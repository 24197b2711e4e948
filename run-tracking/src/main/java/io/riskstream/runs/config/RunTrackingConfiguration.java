package io.riskstream.runs.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.riskstream.common.application.UnitOfWork;
import io.riskstream.common.calendar.MarketClock;
import io.riskstream.common.json.EventCodec;
import io.riskstream.common.kafka.ListenerErrorHandling;
import io.riskstream.runs.adapters.http.LagController;
import io.riskstream.runs.adapters.http.RunController;
import org.springframework.kafka.core.KafkaAdmin;
import io.riskstream.runs.adapters.jdbc.JdbcFreshnessStore;
import io.riskstream.runs.adapters.jdbc.JdbcRunStore;
import io.riskstream.runs.adapters.kafka.RunProgressListener;
import io.riskstream.runs.adapters.metrics.FreshnessGauges;
import io.riskstream.runs.adapters.metrics.RunGauges;
import io.riskstream.runs.application.DataFreshness;
import io.riskstream.runs.application.FreshnessStore;
import io.riskstream.runs.application.RunStatusQueries;
import io.riskstream.runs.application.RunStore;
import io.riskstream.runs.application.TrackRunProgress;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

import java.time.Clock;
import java.time.Duration;

/**
 * Run tracking inside a host service, which imports this configuration ({@code @Import}): its stores, the observer
 * of every stage's events (in the host's consumer group), the runs and freshness API and the gauges. The host's
 * Liquibase changelog includes {@code db/changelog/run-tracking.yaml} and provides the view
 * {@code daily_refreshed_symbol(symbol)}.
 */
@Configuration(proxyBeanMethods = false)
public class RunTrackingConfiguration {

    /** One freshness query per few seconds however many gauges a scrape reads. */
    private static final Duration GAUGE_MAX_AGE = Duration.ofSeconds(5);
    /** Run states cost a few queries per run: recounted at most every 30 s. */
    private static final Duration RUN_GAUGE_MAX_AGE = Duration.ofSeconds(30);

    @Bean
    RunStore runStore(NamedParameterJdbcTemplate jdbc) {
        return new JdbcRunStore(jdbc);
    }

    @Bean
    FreshnessStore freshnessStore(NamedParameterJdbcTemplate jdbc) {
        return new JdbcFreshnessStore(jdbc);
    }

    @Bean
    TrackRunProgress trackRunProgress(RunStore runs, FreshnessStore freshness, UnitOfWork unitOfWork) {
        return new TrackRunProgress(runs, freshness, unitOfWork);
    }

    @Bean
    RunProgressListener runProgressListener(TrackRunProgress track, EventCodec codec) {
        return new RunProgressListener(track, codec);
    }

    /** The observer's container: its own error handling, which retries but never dead-letters. */
    @Bean
    ContainerPostProcessor<String, String, AbstractMessageListenerContainer<String, String>> runTrackingObserverContainer() {
        return container -> container.setCommonErrorHandler(
                ListenerErrorHandling.observerErrorHandler(ListenerErrorHandling.Settings.defaults()));
    }

    @Bean
    RunStatusQueries runStatusQueries(RunStore runs) {
        return new RunStatusQueries(runs);
    }

    @Bean
    DataFreshness dataFreshness(FreshnessStore store, MarketClock marketClock) {
        return new DataFreshness(store, marketClock);
    }

    @Bean
    RunController runController(RunStatusQueries runs, DataFreshness freshness) {
        return new RunController(runs, freshness);
    }

    @Bean
    LagController lagController(KafkaAdmin kafkaAdmin) {
        return new LagController(kafkaAdmin);
    }

    @Bean
    RunGauges runGauges(RunStatusQueries runs, MeterRegistry meters, Clock clock) {
        return new RunGauges(runs, meters, clock, RUN_GAUGE_MAX_AGE);
    }

    @Bean
    FreshnessGauges freshnessGauges(DataFreshness freshness, MeterRegistry meters, Clock clock) {
        return new FreshnessGauges(freshness, meters, clock, GAUGE_MAX_AGE);
    }
}
