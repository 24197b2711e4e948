package io.riskstream.price.config;

import io.riskstream.common.application.EventPublisher;
import io.riskstream.common.application.UnitOfWork;
import io.riskstream.common.calendar.MarketClock;
import io.riskstream.price.adapters.jdbc.JdbcDailyCloseTriggers;
import io.riskstream.price.adapters.scheduling.DailyCloseScheduler;
import io.riskstream.price.application.DailyCloseTriggers;
import io.riskstream.price.application.RunReports;
import io.riskstream.price.application.TriggerDailyClose;
import io.riskstream.price.domain.DailyCloseSchedule;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The daily-close trigger: the operator endpoint and, unless disabled, the minute scheduler. */
@Configuration(proxyBeanMethods = false)
class DailyCloseConfiguration {

    @Bean
    DailyCloseTriggers dailyCloseTriggers(NamedParameterJdbcTemplate jdbc) {
        return new JdbcDailyCloseTriggers(jdbc);
    }

    @Bean
    TriggerDailyClose triggerDailyClose(DailyCloseTriggers triggers, RunReports runs, EventPublisher events,
                                        MarketClock marketClock, DailyCloseSettings settings, UnitOfWork unitOfWork) {
        return new TriggerDailyClose(triggers, runs, events, marketClock.calendar(),
                new DailyCloseSchedule(settings.at(), settings.zone()), marketClock.clock(), unitOfWork);
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
