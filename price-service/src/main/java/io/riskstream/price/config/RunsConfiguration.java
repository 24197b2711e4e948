package io.riskstream.price.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.riskstream.common.calendar.MarketClock;
import io.riskstream.price.adapters.jdbc.JdbcFreshnessStore;
import io.riskstream.price.adapters.metrics.FreshnessGauges;
import io.riskstream.price.adapters.metrics.RunGauges;
import io.riskstream.price.application.DataFreshness;
import io.riskstream.price.application.FreshnessStore;
import io.riskstream.price.application.RunStatusQueries;
import io.riskstream.price.application.RunStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.time.Clock;
import java.time.Duration;

/** The read side of runs, and data freshness with its gauges. */
@Configuration(proxyBeanMethods = false)
class RunsConfiguration {

    /** One freshness query per few seconds however many gauges a scrape reads. */
    private static final Duration GAUGE_MAX_AGE = Duration.ofSeconds(5);
    /** Run states cost a few queries per run: recounted at most every 30 s. */
    private static final Duration RUN_GAUGE_MAX_AGE = Duration.ofSeconds(30);

    @Bean
    RunStatusQueries runStatusQueries(RunStore runs) {
        return new RunStatusQueries(runs);
    }

    @Bean
    RunGauges runGauges(RunStatusQueries runs, MeterRegistry meters, Clock clock) {
        return new RunGauges(runs, meters, clock, RUN_GAUGE_MAX_AGE);
    }

    @Bean
    FreshnessStore freshnessStore(NamedParameterJdbcTemplate jdbc) {
        return new JdbcFreshnessStore(jdbc);
    }

    @Bean
    DataFreshness dataFreshness(FreshnessStore store, MarketClock marketClock) {
        return new DataFreshness(store, marketClock);
    }

    @Bean
    FreshnessGauges freshnessGauges(DataFreshness freshness, MeterRegistry meters, Clock clock) {
        return new FreshnessGauges(freshness, meters, clock, GAUGE_MAX_AGE);
    }
}
