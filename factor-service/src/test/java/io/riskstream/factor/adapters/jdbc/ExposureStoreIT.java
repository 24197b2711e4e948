package io.riskstream.factor.adapters.jdbc;

import io.riskstream.common.event.FactorsReady.DatedExposures;
import io.riskstream.common.event.FactorsReady.FactorValue;
import io.riskstream.factor.FactorServiceApplication;
import io.riskstream.factor.application.ExposureStore;
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
 * A symbol's exposures are stored one row per date with all its factors, and an event may carry only some factors of a
 * date (a provider beta on its own, from a profile update): the row is merged factor by factor, in either order, as
 * the rows per factor were; a replay rewrites nothing; the per-factor view reads what was stored.
 */
@SpringBootTest(classes = FactorServiceApplication.class)
@DirtiesContext
class ExposureStoreIT {

    static final LocalDate DAY = LocalDate.of(2024, 12, 30), NEXT = LocalDate.of(2024, 12, 31);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "factor-service", ExposureStoreIT.class);
    }

    @Autowired ExposureStore exposures;
    @Autowired JdbcTemplate jdbc;

    private static DatedExposures regressions(LocalDate day, double marketBeta) {
        return new DatedExposures(day, Map.of(
                "market_beta", new FactorValue(marketBeta, 0.001, 0.4, 0.05, 22.0, 1e-9, 60),
                "size", new FactorValue(0.2, null, 0.1, null, null, null, 60)));
    }

    private static DatedExposures providerBeta(LocalDate day) {
        return new DatedExposures(day, Map.of("provider_beta", new FactorValue(0.95, null, null, null, null, null, 252)));
    }

    private String row(String symbol, LocalDate day) {
        return jdbc.queryForObject("select concat_ws('|', factors, betas, alphas, r_squared, std_errors, t_stats, "
                + "p_values, observations) from symbol_date_exposures where symbol = ? and calculation_date = ?",
                String.class, symbol, day);
    }

    private String rowVersions(String symbol) {
        return jdbc.queryForObject("select string_agg(xmin::text, ',' order by calculation_date) "
                + "from symbol_date_exposures where symbol = ?", String.class, symbol);
    }

    @Test
    void eventsWithSomeFactorsOfADateMergeInEitherOrder() {
        exposures.upsert("EXMA", List.of(regressions(DAY, 1.1)));
        exposures.upsert("EXMA", List.of(providerBeta(DAY)));
        exposures.upsert("EXMB", List.of(providerBeta(DAY)));
        exposures.upsert("EXMB", List.of(regressions(DAY, 1.1)));

        assertThat(row("EXMA", DAY)).isEqualTo("{market_beta,provider_beta,size}|{1.1,0.95,0.2}|{0.001,NULL,NULL}"
                + "|{0.4,NULL,0.1}|{0.05,NULL,NULL}|{22,NULL,NULL}|{1e-09,NULL,NULL}|{60,252,60}")
                .isEqualTo(row("EXMB", DAY));
        assertThat(exposures.find("EXMA", DAY)).contains(new DatedExposures(DAY, Map.of(
                "market_beta", new FactorValue(1.1, 0.001, 0.4, 0.05, 22.0, 1e-9, 60),
                "provider_beta", new FactorValue(0.95, null, null, null, null, null, 252),
                "size", new FactorValue(0.2, null, 0.1, null, null, null, 60))));
        assertThat(jdbc.queryForList("select factor || '=' || beta from symbol_exposure where symbol = 'EXMA' "
                + "order by factor", String.class))
                .as("the per-factor view").containsExactly("market_beta=1.1", "provider_beta=0.95", "size=0.2");
    }

    @Test
    void aReplayRewritesNothingAndAChangedFactorReplacesOnlyItself() {
        exposures.upsert("EXMC", List.of(regressions(DAY, 1.1), regressions(NEXT, 1.2)));
        exposures.upsert("EXMC", List.of(providerBeta(DAY), providerBeta(NEXT)));
        String versions = rowVersions("EXMC");

        exposures.upsert("EXMC", List.of(regressions(DAY, 1.1), regressions(NEXT, 1.2)));
        exposures.upsert("EXMC", List.of(providerBeta(NEXT)));
        assertThat(rowVersions("EXMC")).as("a replay leaves the rows untouched").isEqualTo(versions);

        exposures.upsert("EXMC", List.of(regressions(NEXT, 1.3)));
        assertThat(row("EXMC", NEXT)).startsWith("{market_beta,provider_beta,size}|{1.3,0.95,0.2}|");
        assertThat(row("EXMC", DAY)).startsWith("{market_beta,provider_beta,size}|{1.1,0.95,0.2}|");
        assertThat(exposures.latest("EXMC").orElseThrow().factors().get("market_beta").beta()).isEqualTo(1.3);
        assertThat(exposures.calculationDates("EXMC")).containsExactly(DAY, NEXT);
    }

    @Test
    void aDeletedFactorLeavesEveryDateAndADateWithOnlyThatFactorGoes() {
        exposures.upsert("EXMD", List.of(regressions(DAY, 1.1), providerBeta(DAY), providerBeta(NEXT)));

        exposures.deleteFactor("EXMD", "provider_beta");

        assertThat(row("EXMD", DAY)).startsWith("{market_beta,size}|{1.1,0.2}|{0.001,NULL}|{0.4,0.1}|");
        assertThat(exposures.calculationDates("EXMD")).containsExactly(DAY);
        assertThat(exposures.find("EXMD", NEXT)).isEmpty();
        assertThat(exposures.latest("EXMX")).isEmpty();
    }
}
