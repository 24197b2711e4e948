package io.riskstream.fundamentals.config;

import io.riskstream.common.application.EventPublisher;
import io.riskstream.common.application.UnitOfWork;
import io.riskstream.common.calendar.NyseCalendar;
import io.riskstream.marketdata.MarketDataProvider;
import io.riskstream.fundamentals.adapters.jdbc.JdbcStatementStore;
import io.riskstream.fundamentals.application.DailyFundamentalsRefresh;
import io.riskstream.fundamentals.application.FetchFundamentals;
import io.riskstream.fundamentals.application.RefreshFundamentals;
import io.riskstream.fundamentals.application.StatementStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.time.Clock;
import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class FundamentalsServiceConfiguration {

    @Bean
    StatementStore statementStore(NamedParameterJdbcTemplate jdbc) {
        return new JdbcStatementStore(jdbc);
    }

    @Bean
    FetchFundamentals fetchFundamentals(StatementStore statements, MarketDataProvider provider, EventPublisher events,
                                        UnitOfWork unitOfWork, Clock clock,
                                        @Value("${riskstream.fundamentals.quarters:12}") int quarters,
                                        @Value("${riskstream.fundamentals.years:5}") int years) {
        return new FetchFundamentals(statements, provider, events, unitOfWork, clock, quarters, years);
    }

    @Bean
    DailyFundamentalsRefresh dailyFundamentalsRefresh(StatementStore statements, FetchFundamentals fetch, Clock clock,
                                                      @Value("${riskstream.fundamentals.sweep-interval:7d}") Duration sweep,
                                                      NyseCalendar calendar) {
        return new DailyFundamentalsRefresh(statements, fetch, clock, sweep, calendar);
    }

    @Bean
    RefreshFundamentals refreshFundamentals(StatementStore statements, FetchFundamentals fetch, Clock clock,
                                            @Value("${riskstream.fundamentals.sweep-interval:7d}") Duration sweep) {
        return new RefreshFundamentals(statements, fetch, clock, sweep);
    }
}
