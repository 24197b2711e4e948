package io.riskstream.factor.config;

import io.riskstream.common.factors.FactorCatalogue;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code riskstream.factors.*}. The benchmark ETFs are the factor catalogue's (not a setting: they are the model's
 * regressors); {@code horizon-days}, how far back exposures are computed when history arrives, defaults to the
 * catalogue's, from which price-service's history depth is derived.
 */
@ConfigurationProperties("riskstream.factors")
public record FactorServiceSettings(@DefaultValue("adj_close") String priceColumn,
                                    Integer horizonDays,
                                    @DefaultValue("1.0") double ridgeAlpha,
                                    @DefaultValue("40") int datesPerEvent) {

    public FactorServiceSettings {
        horizonDays = horizonDays == null ? FactorCatalogue.HORIZON_DAYS : horizonDays;
    }
}
