package io.riskstream.price.config;

import io.riskstream.common.calendar.MarketClock;
import io.riskstream.common.outbox.OutboxWriter;
import io.riskstream.price.adapters.jdbc.JdbcDailyCloseTriggers;
import io.riskstream.price.adapters.jdbc.JdbcRunStore;
import io.riskstream.price.application.RunStore;
import io.riskstream.price.application.TrackRunProgress;
import io.riskstream.price.adapters.scheduling.DailyCloseScheduler;
import io.riskstream.price.application.DailyCloseTriggers;
import io.riskstream.price.application.TriggerDailyClose;
import io.riskstream.price.domain.DailyCloseSchedule;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The daily-close trigger (operator endpoint and, unless disabled, the minute scheduler) and run tracking. */
@Configuration(proxyBeanMethods = false)
class DailyCloseConfiguration {

    @Bean
    DailyCloseTriggers dailyCloseTriggers(NamedParameterJdbcTemplate jdbc) {
        return new JdbcDailyCloseTriggers(jdbc);
    }

    @Bean
    RunStore runStore(NamedParameterJdbcTemplate jdbc) {
        return new JdbcRunStore(jdbc);
    }

    @Bean
    TrackRunProgress trackRunProgress(RunStore runs) {
        return new TrackRunProgress(runs);
    }

    @Bean
    TriggerDailyClose triggerDailyClose(DailyCloseTriggers triggers, RunStore runs, OutboxWriter outbox,
                                        MarketClock marketClock, DailyCloseSettings settings,
                                        PlatformTransactionManager txManager) {
        return new TriggerDailyClose(triggers, runs, outbox, marketClock.calendar(),
                new DailyCloseSchedule(settings.at(), settings.zone()), marketClock.clock(),
                new TransactionTemplate(txManager));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(name = "riskstream.daily-close.scheduler-enabled", havingValue = "true", matchIfMissing = true)
    static class Scheduling {

        @Bean
        DailyCloseScheduler dailyCloseScheduler(TriggerDailyClose trigger) {
            return new DailyCloseScheduler(trigger);
        }
    }
}
