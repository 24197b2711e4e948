package io.riskstream.portfolio.adapters.jdbc;

import io.riskstream.common.calendar.MarketClock;
import io.riskstream.common.event.FactorsReady;
import io.riskstream.common.event.PriceBar;
import io.riskstream.marketdata.SimulatedMarket;
import io.riskstream.portfolio.PortfolioServiceApplication;
import io.riskstream.portfolio.application.Cause;
import io.riskstream.portfolio.application.DrainRefreshQueue;
import io.riskstream.portfolio.application.PortfolioStore;
import io.riskstream.portfolio.application.RequestRefresh;
import io.riskstream.portfolio.application.SymbolDataStore;
import io.riskstream.portfolio.domain.Position;
import io.riskstream.testsupport.TestInfra;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the risk analytics switched off a stored date is valued again (a later request for it): its position values
 * are replaced, not inserted beside the old ones (whose keys they would meet).
 */
@SpringBootTest(classes = PortfolioServiceApplication.class, properties = {
        "riskstream.market-data.as-of-date=2024-12-31", "riskstream.portfolio.drain-interval=1h",
        "riskstream.portfolio.risk-analytics=false"})
@DirtiesContext
class RevaluationWithoutRiskAnalyticsIT {

    static final LocalDate DAY = LocalDate.of(2024, 12, 30);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "portfolio-service", RevaluationWithoutRiskAnalyticsIT.class);
    }

    @Autowired PortfolioStore portfolios;
    @Autowired SymbolDataStore symbols;
    @Autowired RequestRefresh refresh;
    @Autowired DrainRefreshQueue drain;
    @Autowired PlatformTransactionManager txManager;
    @Autowired MarketClock market;
    @Autowired NamedParameterJdbcTemplate jdbc;

    @Test
    void aStoredDateValuedAgainKeepsOnePositionValuePerPosition() {
        SimulatedMarket sim = new SimulatedMarket(Clock.fixed(Instant.parse("2025-01-02T00:00:00Z"), ZoneOffset.UTC));
        UUID id = UUID.randomUUID();
        portfolios.create(new PortfolioStore.Portfolio(id, "revalued", new BigDecimal("1000000"), "USD"));
        for (String s : List.of("RVLA", "RVLB")) {
            symbols.savePrices(s, sim.dailyBars(s, LocalDate.of(2024, 12, 1), DAY).stream()
                    .map(b -> new PriceBar(b.date(), null, null, null, b.close(), b.adjClose(), null)).toList());
            symbols.saveFactors(s, List.of(new FactorsReady.DatedExposures(DAY, Map.of("market_beta",
                    new FactorsReady.FactorValue(1.1, null, 0.4, null, null, null, 60)))));
            portfolios.savePosition(new Position(UUID.randomUUID(), id, s, BigDecimal.valueOf(100),
                    BigDecimal.valueOf(50), DAY, null, null, "LONG"));
        }
        TransactionTemplate tx = new TransactionTemplate(txManager);

        for (int time = 0; time < 2; time++) {
            tx.executeWithoutResult(s -> refresh.range(id, DAY, DAY, new Cause(UUID.randomUUID(), UUID.randomUUID())));
            assertThat(drain.drainAll()).as("valuation %d", time + 1).isEqualTo(1);
        }

        MapSqlParameterSource key = new MapSqlParameterSource().addValue("id", id).addValue("day", DAY);
        assertThat(jdbc.queryForObject("select count(*) from portfolio_position_value where portfolio_id = :id"
                + " and calculation_date = :day", key, Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from portfolio_risk where portfolio_id = :id", key,
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from portfolio_snapshot where portfolio_id = :id", key,
                Integer.class)).isEqualTo(1);
    }
}
