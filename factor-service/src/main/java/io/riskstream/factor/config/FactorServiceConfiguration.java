package io.riskstream.factor.config;

import io.riskstream.common.application.EventPublisher;
import io.riskstream.common.application.UnitOfWork;
import io.riskstream.common.marketdata.PriceColumn;
import io.riskstream.factor.adapters.jdbc.JdbcExposureStore;
import io.riskstream.factor.adapters.jdbc.JdbcPriceWindowStore;
import io.riskstream.factor.adapters.jdbc.JdbcSymbolMetricsStore;
import io.riskstream.factor.adapters.jdbc.JdbcSymbolProfileStore;
import io.riskstream.factor.application.ApplyProfileUpdate;
import io.riskstream.factor.application.ExposureStore;
import io.riskstream.factor.application.PriceWindowStore;
import io.riskstream.factor.application.RecordSymbolMetrics;
import io.riskstream.factor.application.RefreshExposures;
import io.riskstream.factor.application.SymbolMetricsStore;
import io.riskstream.factor.application.SymbolProfileStore;
import io.riskstream.factor.domain.exposure.SymbolExposureModel;
import io.riskstream.factor.domain.factor.FactorSettings;
import io.riskstream.factor.domain.metrics.SymbolMetricsCalculation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class FactorServiceConfiguration {

    @Bean
    PriceWindowStore priceWindowStore(NamedParameterJdbcTemplate jdbc) {
        return new JdbcPriceWindowStore(jdbc);
    }

    @Bean
    ExposureStore exposureStore(NamedParameterJdbcTemplate jdbc) {
        return new JdbcExposureStore(jdbc);
    }

    @Bean
    SymbolMetricsStore symbolMetricsStore(NamedParameterJdbcTemplate jdbc) {
        return new JdbcSymbolMetricsStore(jdbc);
    }

    @Bean
    SymbolProfileStore symbolProfileStore(NamedParameterJdbcTemplate jdbc) {
        return new JdbcSymbolProfileStore(jdbc);
    }

    @Bean
    RecordSymbolMetrics recordSymbolMetrics(PriceWindowStore prices, SymbolMetricsStore metrics,
                                            SymbolProfileStore profiles, FactorServiceSettings settings) {
        return new RecordSymbolMetrics(prices, metrics, profiles, new SymbolMetricsCalculation(),
                PriceColumn.parse(settings.priceColumn()));
    }

    @Bean
    SymbolExposureModel symbolExposureModel(FactorServiceSettings settings) {
        return new SymbolExposureModel(FactorSettings.defaults().withRidgeAlpha(settings.ridgeAlpha()));
    }

    @Bean
    RefreshExposures refreshExposures(PriceWindowStore prices, ExposureStore exposures, SymbolExposureModel model,
                                      EventPublisher events, UnitOfWork unitOfWork, Clock clock,
                                      FactorServiceSettings settings, RecordSymbolMetrics metrics) {
        return new RefreshExposures(prices, exposures, model, events, unitOfWork, clock,
                PriceColumn.parse(settings.priceColumn()), settings.horizonDays(), settings.datesPerEvent(), metrics,
                settings.barsPerUnitOfWork());
    }

    @Bean
    ApplyProfileUpdate applyProfileUpdate(ExposureStore exposures, EventPublisher events, UnitOfWork unitOfWork,
                                          Clock clock, FactorServiceSettings settings, RecordSymbolMetrics metrics) {
        return new ApplyProfileUpdate(exposures, events, unitOfWork, clock, settings.datesPerEvent(), metrics);
    }
}
