package io.riskstream.factor.config;

import io.riskstream.common.factors.FactorCatalogue;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code riskstream.factors.*}. The benchmark ETFs are the factor catalogue's (not a setting: they are the model's
 * regressors); {@code horizon-days}, how far back exposures are computed when history arrives, defaults to the
 * catalogue's, from which price-service's history depth is derived. {@code bars-per-unit-of-work}: the prices-ready
 * records of a poll share a transaction until they carry that many bars (a daily close: one bar a record).
 */
@ConfigurationProperties("riskstream.factors")
public record FactorServiceSettings(@DefaultValue("adj_close") String priceColumn,
                                    Integer horizonDays,
                                    @DefaultValue("1.0") double ridgeAlpha,
                                    @DefaultValue("40") int datesPerEvent,
                                    @DefaultValue("2500") int barsPerUnitOfWork) {

    public FactorServiceSettings {
        horizonDays = horizonDays == null ? FactorCatalogue.HORIZON_DAYS : horizonDays;
        if (barsPerUnitOfWork < 1) {
            throw new IllegalArgumentException("riskstream.factors.bars-per-unit-of-work must be at least 1");
        }
    }
}
