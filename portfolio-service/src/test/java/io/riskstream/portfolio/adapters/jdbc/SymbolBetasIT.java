package io.riskstream.portfolio.adapters.jdbc;

import io.riskstream.common.event.FactorsReady.DatedExposures;
import io.riskstream.common.event.FactorsReady.FactorValue;
import io.riskstream.portfolio.PortfolioServiceApplication;
import io.riskstream.portfolio.application.SymbolDataStore;
import io.riskstream.portfolio.domain.BetasByDate;
import io.riskstream.portfolio.domain.risk.SnapshotBetas;
import io.riskstream.testsupport.TestInfra;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A symbol's betas are stored one row per date, and an event may carry only some factors of a date (factor-service
 * announces a provider beta on its own): the row is merged factor by factor, whatever order the events come in, as the
 * rows per factor were. The fault suite's restart scenario found the replacing version: two benchmark ETFs kept only
 * their provider beta when a redelivered provider-beta event arrived after the regressions.
 */
@SpringBootTest(classes = PortfolioServiceApplication.class, properties = {
        "riskstream.market-data.as-of-date=2024-12-31", "riskstream.portfolio.drain-interval=1h"})
@DirtiesContext
class SymbolBetasIT {

    static final LocalDate DAY = LocalDate.of(2024, 12, 30);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "portfolio-service", SymbolBetasIT.class);
    }

    @Autowired SymbolDataStore symbols;
    @Autowired JdbcTemplate jdbc;

    private static DatedExposures regressions(double marketBeta) {
        return new DatedExposures(DAY, Map.of(
                "market_beta", new FactorValue(marketBeta, 0.0, 0.4, null, null, null, 60),
                "size", new FactorValue(0.2, null, 0.1, null, null, null, 60)));
    }

    private static DatedExposures providerBeta() {
        return new DatedExposures(DAY, Map.of("provider_beta", new FactorValue(0.95, null, null, null, null, null, 252)));
    }

    private String row(String symbol) {
        return jdbc.queryForObject("select factors::text || betas::text || r_squared::text || observations::text "
                + "from symbol_betas where symbol = ? and calculation_date = ?", String.class, symbol, DAY);
    }

    private String rowVersion(String symbol) {
        return jdbc.queryForObject("select xmin::text from symbol_betas where symbol = ?", String.class, symbol);
    }

    @Test
    void eventsWithSomeFactorsOfADateMergeInEitherOrder() {
        symbols.saveFactors("MRGA", List.of(regressions(1.1)));
        symbols.saveFactors("MRGA", List.of(providerBeta()));
        symbols.saveFactors("MRGB", List.of(providerBeta()));
        symbols.saveFactors("MRGB", List.of(regressions(1.1)));

        assertThat(row("MRGA")).isEqualTo("{market_beta,provider_beta,size}{1.1,0.95,0.2}{0.4,NULL,0.1}{60,252,60}")
                .isEqualTo(row("MRGB"));
        BetasByDate read = symbols.betasAndFits(List.of("MRGA"), List.of(DAY), "market_beta");
        assertThat(read.betas().get(DAY).get("MRGA"))
                .isEqualTo(Map.of("market_beta", 1.1, "provider_beta", 0.95, "size", 0.2));
        assertThat(read.fits().get(DAY).get("MRGA")).isEqualTo(new SnapshotBetas.Fit(1.1, 0.4, 60));
    }

    @Test
    void aReplayRewritesNothingAndAChangedFactorReplacesOnlyItself() {
        symbols.saveFactors("MRGC", List.of(regressions(1.1)));
        symbols.saveFactors("MRGC", List.of(providerBeta()));
        String version = rowVersion("MRGC");

        symbols.saveFactors("MRGC", List.of(regressions(1.1)));
        symbols.saveFactors("MRGC", List.of(providerBeta()));
        assertThat(rowVersion("MRGC")).as("a replay leaves the row untouched").isEqualTo(version);

        symbols.saveFactors("MRGC", List.of(regressions(1.3)));
        assertThat(row("MRGC")).isEqualTo("{market_beta,provider_beta,size}{1.3,0.95,0.2}{0.4,NULL,0.1}{60,252,60}");
    }
}
