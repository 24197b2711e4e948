package io.riskstream.price.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.common.factors.FactorCatalogue;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class PriceSettingsTest {

    @Test
    void theHistoryDepthAndTheBenchmarksAreTheFactorCataloguesUnlessConfigured() {
        PriceSettings settings = bind(Map.of());

        assertThat(settings.historyDays()).isEqualTo(FactorCatalogue.PRICE_HISTORY_DAYS).isEqualTo(575);
        assertThat(settings.benchmarks()).isEqualTo(FactorCatalogue.benchmarkSymbols());
    }

    @Test
    void anOperatorOrATestMayStillSetThem() {
        PriceSettings settings = bind(Map.of("riskstream.prices.history-days", "30",
                "riskstream.prices.benchmarks", "RFSPY,RFTLT"));

        assertThat(settings.historyDays()).isEqualTo(30);
        assertThat(settings.benchmarks()).containsExactly("RFSPY", "RFTLT");
    }

    private static PriceSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("riskstream.prices", PriceSettings.class);
    }
}
