package io.riskstream.profile.config;

import io.riskstream.common.application.EventPublisher;
import io.riskstream.common.application.UnitOfWork;
import io.riskstream.common.calendar.MarketClock;
import io.riskstream.common.calendar.NyseCalendar;
import io.riskstream.marketdata.MarketDataProvider;
import io.riskstream.profile.adapters.jdbc.JdbcProfileStore;
import io.riskstream.profile.application.CreateMissingProfile;
import io.riskstream.profile.application.DailyProfileRefresh;
import io.riskstream.profile.application.ProfileStore;
import io.riskstream.profile.application.RefreshProfiles;
import io.riskstream.profile.application.RequestedRefresh;
import io.riskstream.profile.application.SessionClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

@Configuration(proxyBeanMethods = false)
class ProfileServiceConfiguration {

    @Bean
    ProfileStore profileStore(NamedParameterJdbcTemplate jdbc) {
        return new JdbcProfileStore(jdbc);
    }

    @Bean
    RefreshProfiles refreshProfiles(ProfileStore profiles, MarketDataProvider provider, EventPublisher events,
                                    UnitOfWork unitOfWork, Clock clock) {
        return new RefreshProfiles(profiles, provider, events, unitOfWork, clock);
    }

    @Bean
    CreateMissingProfile createMissingProfile(ProfileStore profiles, RefreshProfiles refresh,
                                              MarketDataProvider provider) {
        return new CreateMissingProfile(profiles, refresh, provider);
    }

    @Bean
    SessionClock sessionClock(MarketClock marketClock) {
        return new SessionClock() {
            @Override
            public LocalDate latestCompletedSession() {
                return marketClock.latestCompletedSession();
            }

            @Override
            public Instant closeOf(LocalDate session) {
                return marketClock.closeOf(session);
            }
        };
    }

    @Bean
    DailyProfileRefresh dailyProfileRefresh(ProfileStore profiles, RefreshProfiles refresh, UnitOfWork unitOfWork,
                                            Clock clock, NyseCalendar calendar) {
        return new DailyProfileRefresh(profiles, refresh, unitOfWork, clock, calendar);
    }

    @Bean
    RequestedRefresh requestedRefresh(ProfileStore profiles, RefreshProfiles refresh, Clock clock,
                                      SessionClock sessions) {
        return new RequestedRefresh(profiles, refresh, clock, sessions);
    }
}
