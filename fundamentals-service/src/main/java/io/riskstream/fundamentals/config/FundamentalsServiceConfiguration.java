package io.riskstream.fundamentals.config;

import io.riskstream.common.calendar.NyseCalendar;
import io.riskstream.marketdata.MarketDataProvider;
import io.riskstream.common.outbox.OutboxWriter;
import io.riskstream.fundamentals.adapters.jdbc.JdbcStatementStore;
import io.riskstream.fundamentals.application.DailyFundamentalsRefresh;
import io.riskstream.fundamentals.application.FetchFundamentals;
import io.riskstream.fundamentals.application.RefreshFundamentals;
import io.riskstream.fundamentals.application.StatementStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class FundamentalsServiceConfiguration {

    @Bean
    StatementStore statementStore(NamedParameterJdbcTemplate jdbc) {
        return new JdbcStatementStore(jdbc);
    }

    @Bean
    FetchFundamentals fetchFundamentals(StatementStore statements, MarketDataProvider provider, OutboxWriter outbox,
                                        PlatformTransactionManager txManager, Clock clock,
                                        @Value("${riskstream.fundamentals.quarters:12}") int quarters,
                                        @Value("${riskstream.fundamentals.years:5}") int years) {
        return new FetchFundamentals(statements, provider, outbox, new TransactionTemplate(txManager), clock, quarters,
                years);
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
