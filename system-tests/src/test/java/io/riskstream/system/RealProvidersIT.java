package io.riskstream.system;

import io.riskstream.marketdata.SimulatedMarket;
import io.riskstream.testsupport.FmpStubAnswers;
import io.riskstream.testsupport.ProviderStubServer;
import io.riskstream.testsupport.ProviderStubServer.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Onboarding with real providers, played by one HTTP server: FMP's current API and Yahoo's chart API, in the
 * production environment (no simulated market). AAPL's profile, TTM ratios, analysts, estimates, statements and
 * earnings are FMP's recorded answers (common's src/test/resources/marketdata/); the price histories — years of bars
 * for AAPL and the eight factor ETFs, which no recording holds — are the simulated market's bars rendered in FMP's
 * recorded format, like the ETFs' profiles. Runs in a JVM of its own (see the pom): it uses the same topics and
 * databases as the shared system of the other system tests.
 */
class RealProvidersIT {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalDate AS_OF = LocalDate.parse(RiskstreamSystem.AS_OF);
    private static final SimulatedMarket MARKET = new SimulatedMarket(
            Clock.fixed(AS_OF.atTime(LocalTime.of(20, 0)).atZone(NEW_YORK).toInstant(), NEW_YORK));
    private static final String FMP = "fmp/stable/";

    private static ProviderStubServer stub;
    private static RiskstreamSystem system;

    @BeforeAll
    static void start() {
        stub = new ProviderStubServer();
        stub.byDefault("", uri -> Answer.ok("[]")); // FMP's "nothing": statements of a fund, no analysts, ...
        stub.byDefault("historical-price-eod/", uri -> FmpStubAnswers.history(uri, MARKET::dailyBars));
        stub.byDefault("profile?symbol=", uri -> FmpStubAnswers.profile(
                MARKET.profiles(List.of(FmpStubAnswers.query(uri).get("symbol"))).get(FmpStubAnswers.query(uri).get("symbol"))));
        stub.byDefault("profile?symbol=AAPL&", uri -> Answer.fixture(FMP + "profile_AAPL.json"));
        stub.byDefault("ratios-ttm?symbol=AAPL&", uri -> Answer.fixture(FMP + "ratios-ttm_AAPL.json"));
        stub.byDefault("price-target-consensus?symbol=AAPL&", uri -> Answer.fixture(FMP + "price-target-consensus_AAPL.json"));
        stub.byDefault("grades-consensus?symbol=AAPL&", uri -> Answer.fixture(FMP + "grades-consensus_AAPL.json"));
        stub.byDefault("analyst-estimates?symbol=AAPL&", uri -> Answer.fixture(FMP + "analyst-estimates_AAPL_annual.json"));
        stub.byDefault("earnings?symbol=AAPL&", uri -> Answer.fixture(FMP + "earnings_AAPL.json"));
        stub.byDefault("income-statement?symbol=AAPL&period=annual", uri -> Answer.fixture(FMP + "income-statement_AAPL_annual.json"));
        stub.byDefault("balance-sheet-statement?symbol=AAPL&period=annual",
                uri -> Answer.fixture(FMP + "balance-sheet-statement_AAPL_annual.json"));
        stub.byDefault("cash-flow-statement?symbol=AAPL&period=annual",
                uri -> Answer.fixture(FMP + "cash-flow-statement_AAPL_annual.json"));
        stub.byDefault("v8/finance/chart/", RealProvidersIT::yahoo);
        String base = stub.baseUrl().toString();
        system = RiskstreamSystem.started(List.of(
                "--riskstream.environment=production",
                "--riskstream.market-data.providers=fmp,yahoo",
                "--riskstream.market-data.fmp.api-key=system-test-key",
                "--riskstream.market-data.fmp.base-url=" + base,
                "--riskstream.market-data.yahoo.base-url=" + base,
                // the onboarding of the eight ETFs alone spends 56 of fundamentals-service's default 50 a day
                "--riskstream.market-data.fmp.per-day=5000",
                "--riskstream.market-data.fmp.initial-backoff=20ms",
                "--riskstream.market-data.yahoo.initial-backoff=20ms"));
    }

    @AfterAll
    static void stop() {
        system.stopAll();
        stub.close();
    }

    /** Yahoo's chart for a range (period1/period2) or the last five days (range=5d), from the simulated bars. */
    static Answer yahoo(URI uri) {
        String symbol = uri.getPath().substring(uri.getPath().lastIndexOf('/') + 1);
        Map<String, String> q = FmpStubAnswers.query(uri);
        LocalDate to = q.containsKey("period2")
                ? Instant.ofEpochSecond(Long.parseLong(q.get("period2"))).atZone(ZoneOffset.UTC).toLocalDate().minusDays(1)
                : AS_OF;
        LocalDate from = q.containsKey("period1")
                ? Instant.ofEpochSecond(Long.parseLong(q.get("period1"))).atZone(ZoneOffset.UTC).toLocalDate()
                : to.minusDays(7);
        return FmpStubAnswers.yahooChart(symbol, MARKET.dailyBars(symbol, from, to));
    }

    @Test
    void onboardingAaplStoresHistoryProfileStatementsAndFactorsEachFromTheProviderThatAnsweredIt() {
        Http.Response created = Http.post(system.url("portfolio-service") + "/api/portfolios", """
                {"name":"real providers","equity":1000000,"positions":[
                  {"symbol":"AAPL","quantity":100,"entryPrice":190.0,"entryDate":"2024-06-28"}]}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        // factors for the as-of date: the history (and the ETFs') arrived, and factor-service computed them
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() ->
                system.jdbc("factor-service").queryForObject("select count(*) from symbol_exposure where symbol = "
                        + "'AAPL' and calculation_date = ?", Integer.class, AS_OF) > 0);

        // history: every bar says FMP answered it, in the database and on the API
        assertThat(system.jdbc("price-service").queryForList("select distinct source from daily_bar where symbol = "
                + "'AAPL'", String.class)).containsExactly("fmp");
        JsonNode prices = Http.get(system.url("price-service") + "/api/prices/AAPL?from=2024-12-02&to=" + AS_OF).json();
        assertThat(prices.get("bars")).hasSize(21).allSatisfy(b -> assertThat(b.get("source").asString()).isEqualTo("fmp"));
        assertThat(prices.get("bars").get(20).get("adjClose").asDouble())
                .isEqualTo(MARKET.dailyBars("AAPL", AS_OF, AS_OF).getFirst().adjClose());

        // profile: FMP's recorded AAPL answers, P/E from the price and the TTM EPS
        JsonNode profile = await().atMost(Duration.ofSeconds(60)).until(() -> Http.get(system.url("profile-service")
                + "/api/profiles/AAPL"), r -> r.status() == 200).json();
        JsonNode fields = profile.get("fields");
        assertThat(profile.get("source").asString()).isEqualTo("fmp");
        assertThat(profile.get("sources").get("daily").asString()).isEqualTo("fmp");
        assertThat(fields.get("sector").asString()).isEqualTo("Technology");
        assertThat(fields.get("industry").asString()).isEqualTo("Consumer Electronics");
        assertThat(fields.get("beta").asDouble()).isEqualTo(1.093);
        assertThat(fields.get("marketCap").asDouble()).isEqualTo(3_775_801_225_282d);
        assertThat(fields.get("peRatio").asDouble()).isCloseTo(255.53 / 6.375265851569754, within(1e-9));
        assertThat(fields.get("dividendYield").asDouble()).isCloseTo(1.03 / 255.53, within(1e-12));
        assertThat(fields.get("week52High").asDouble()).isEqualTo(288.62);
        assertThat(fields.get("targetHighPrice").asDouble()).isEqualTo(310.0);
        assertThat(fields.get("targetMeanPrice").asDouble()).isEqualTo(236.38);
        assertThat(fields.get("numberOfAnalystOpinions").asInt()).isEqualTo(45);
        assertThat(fields.get("recommendation").asString()).isEqualTo("buy");
        assertThat(fields.get("lastEarningsDate").asString()).isNotBlank();

        // statements: FMP's names in the typed columns, FMP as their source
        JsonNode fundamentals = await().atMost(Duration.ofSeconds(60)).until(() -> Http.get(
                system.url("fundamentals-service") + "/api/fundamentals/AAPL?frequency=annual"),
                r -> r.status() == 200).json();
        assertThat(fundamentals.get("source").asString()).isEqualTo("fmp");
        JsonNode fy2024 = fundamentals.get("periods").get(0);
        assertThat(fy2024.get("periodEnd").asString()).isEqualTo("2024-09-28");
        JsonNode income = fy2024.get("statements").get("income");
        assertThat(income.get("source").asString()).isEqualTo("fmp");
        assertThat(income.get("items").get("total_revenue").decimalValue()).isEqualByComparingTo("391035000000");
        assertThat(income.get("items").get("net_income").decimalValue()).isEqualByComparingTo("93736000000");
        assertThat(income.get("items").get("eps").decimalValue()).isEqualByComparingTo("6.11");
        assertThat(income.get("items").get("diluted_eps").decimalValue()).isEqualByComparingTo("6.08");
        JsonNode cash = fy2024.get("statements").get("cashFlow");
        assertThat(cash.get("ratios").get("free_cash_flow").decimalValue()).isEqualByComparingTo("108807000000");
        assertThat(cash.get("items").get("capital_expenditures").decimalValue()).isEqualByComparingTo("9447000000");
        assertThat(fy2024.get("statements").get("balanceSheet").get("items").get("total_shareholder_equity")
                .decimalValue()).isEqualByComparingTo("56950000000");

        // nothing refused, every service ready
        for (String service : RiskstreamSystem.SERVICES.keySet()) {
            Http.Response readiness = Http.get(system.url(service) + "/actuator/health/readiness");
            assertThat(readiness.status()).as(service + ": " + readiness.body()).isEqualTo(200);
        }
    }
}
