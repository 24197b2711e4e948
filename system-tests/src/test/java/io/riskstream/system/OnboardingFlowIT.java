package io.riskstream.system;

import io.riskstream.common.event.Topics;
import io.riskstream.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The first flow end to end: a portfolio created through the API → symbol-added → price-service backfills →
 * prices-ready → factor-service computes → factors-ready → portfolio-service → exposures on the API; every hop over
 * Kafka and into each service's own database.
 */
class OnboardingFlowIT {

    private final RiskstreamSystem system = RiskstreamSystem.shared();

    @Test
    void aNewPortfolioGetsExposuresEqualToTheWeightedSumOfTheStoredSymbolBetas() {
        String body = """
                {"name":"flow test","equity":1000000,"positions":[
                  {"symbol":"FLWA","quantity":1000,"entryPrice":150.0,"entryDate":"2024-06-28"},
                  {"symbol":"FLWB","quantity":-500,"entryPrice":80.0,"entryDate":"2024-06-28"},
                  {"symbol":"SPY","quantity":200,"entryPrice":500.0,"entryDate":"2024-06-28"}]}""";
        Http.Response created = Http.post(system.url("portfolio-service") + "/api/portfolios", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();

        // factors arrive for a year of dates, in date order; the portfolio is refreshed as they come, up to the as-of date
        LocalDate date = LocalDate.parse(RiskstreamSystem.AS_OF);
        JsonNode exposures = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> Http.get(system.url("portfolio-service") + "/api/portfolios/" + id + "/exposures?date=" + date),
                        r -> r.status() == 200).json();
        JdbcTemplate factorDb = system.jdbc("factor-service");
        JdbcTemplate priceDb = system.jdbc("price-service");
        // weights are per dollar of the portfolio's NAV on the date: the starting equity rolled forward by its P&L
        double nav = exposures.get("nav").asDouble();
        double expected = 0;
        for (var position : Map.of("FLWA", 1000.0, "FLWB", -500.0, "SPY", 200.0).entrySet()) {
            double beta = factorDb.queryForObject("select beta from symbol_exposure where symbol = ? and "
                    + "calculation_date = ? and factor = 'market_beta'", Double.class, position.getKey(), date);
            double close = priceDb.queryForObject("select coalesce(close, adj_close) from daily_bar where symbol = ? "
                    + "and trade_date = (select max(trade_date) from daily_bar where symbol = ? and trade_date <= ?)",
                    Double.class, position.getKey(), position.getKey(), date);
            expected += position.getValue() * close / nav * beta;
        }
        assertThat(exposures.get("factors").get("market_beta").get("exposure").asDouble()).isCloseTo(expected, within(1e-9));
        assertThat(exposures.get("factors").get("market_beta").get("dollar").asDouble())
                .isCloseTo(expected * nav, within(1e-3));
        assertThat(exposures.get("coverage").asDouble()).isCloseTo(1.0, within(1e-12));
        // the same onboarding gave the new symbol its full profile (every tier) and its statements
        await().atMost(Duration.ofSeconds(30)).until(() -> system.jdbc("profile-service").queryForObject(
                "select count(*) from company_profile where symbol = 'FLWA' and daily_refreshed_at is not null and "
                        + "quarterly_refreshed_at is not null and static_refreshed_at is not null and sector is not null",
                Integer.class) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> system.jdbc("fundamentals-service").queryForObject(
                "select count(*) from income_statement where symbol = 'FLWA'", Integer.class) == 12 + 5);
        // the simulated market's SPY has beta 1 to itself; a long-short book nets some of the market out
        assertThat(factorDb.queryForObject("select beta from symbol_exposure where symbol = 'SPY' and "
                + "calculation_date = ? and factor = 'market_beta'", Double.class, date)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aPositionOnAKnownSymbolCausesNoNewOnboardingWork() {
        String first = """
                {"name":"known 1","equity":500000,"positions":[
                  {"symbol":"KNWN","quantity":100,"entryPrice":10.0,"entryDate":"2024-06-28"}]}""";
        String firstId = Http.post(system.url("portfolio-service") + "/api/portfolios", first).json().get("id").asString();
        await().atMost(Duration.ofSeconds(90)).until(() -> Http.get(system.url("portfolio-service") + "/api/portfolios/"
                + firstId + "/exposures?date=" + RiskstreamSystem.AS_OF).status() == 200);
        var fetchedAt = system.jdbc("price-service").queryForList(
                "select max(fetched_at) from daily_bar where symbol = 'KNWN'", Object.class);

        String second = first.replace("known 1", "known 2");
        String secondId = Http.post(system.url("portfolio-service") + "/api/portfolios", second).json().get("id").asString();

        // the symbol's betas are already there, so the new portfolio is valued at once, in the API call
        assertThat(Http.get(system.url("portfolio-service") + "/api/portfolios/" + secondId + "/exposures").status())
                .isEqualTo(200);
        List<?> announcements = KafkaTestClient.readAll(Topics.SYMBOL_ADDED, r -> "KNWN".equals(r.key()));
        assertThat(announcements).hasSize(1);
        assertThat(system.jdbc("price-service").queryForList(
                "select max(fetched_at) from daily_bar where symbol = 'KNWN'", Object.class)).isEqualTo(fetchedAt);
    }

    @Test
    void anInvalidPortfolioIsRejectedWithTheFieldNamedAndNothingStored() {
        long before = system.jdbc("portfolio-service").queryForObject("select count(*) from portfolio", Long.class);
        Http.Response r = Http.post(system.url("portfolio-service") + "/api/portfolios", """
                {"name":"bad","equity":1000,"positions":[
                  {"symbol":"AAPL","quantity":0,"entryPrice":1.0,"entryDate":"2024-06-28"}]}""");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).contains("positions[0]").contains("quantity");
        Http.Response future = Http.post(system.url("portfolio-service") + "/api/portfolios", """
                {"name":"bad","equity":1000,"positions":[
                  {"symbol":"AAPL","quantity":1,"entryPrice":1.0,"entryDate":"2999-01-01"}]}""");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("detail").asString()).contains("entryDate");
        assertThat(system.jdbc("portfolio-service").queryForObject("select count(*) from portfolio", Long.class))
                .isEqualTo(before);
    }
}
