package io.riskstream.marketdata.fmp;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.riskstream.marketdata.CompanyProfile;
import io.riskstream.common.marketdata.DailyBar;
import io.riskstream.marketdata.FallbackMarketData;
import io.riskstream.marketdata.Frequency;
import io.riskstream.marketdata.MarketDataProvider;
import io.riskstream.marketdata.ProfilePart;
import io.riskstream.marketdata.ProviderException;
import io.riskstream.marketdata.ProviderHealth;
import io.riskstream.marketdata.ProviderLimits;
import io.riskstream.marketdata.ResilientMarketData;
import io.riskstream.marketdata.SimulatedMarket;
import io.riskstream.marketdata.StatementKind;
import io.riskstream.testsupport.ProviderStubServer;
import io.riskstream.testsupport.ProviderStubServer.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The FMP client over HTTP against a local server answering recorded bodies (stable API unless said otherwise). */
class FmpMarketDataTest {

    private static final String KEY = "secret-key-123";
    private static final String FULL = "historical-price-eod/full?symbol=AAPL&";
    private static final String ADJUSTED = "historical-price-eod/dividend-adjusted?symbol=AAPL&";
    /**
     * The dividend-adjusted answer for two days of the recorded 2023-01-03..10 window, in FMP's documented shape: the
     * adjusted closes are FMP's own (its v3 answer for those days), the adjusted open, high and low the raw ones
     * scaled by the same factor.
     */
    private static final String ADJUSTED_SAME_WINDOW = "[" + adjusted("2023-01-10", 130.26, 131.26, 128.12, 130.73,
            130.17, 63896200) + "," + adjusted("2023-01-03", 130.28, 130.9, 124.17, 125.07, 124.54, 112117500) + "]";

    private static String adjusted(String date, double open, double high, double low, double close, double adjClose,
                                   long volume) {
        double f = adjClose / close;
        return "{\"symbol\":\"AAPL\",\"date\":\"%s\",\"adjOpen\":%s,\"adjHigh\":%s,\"adjLow\":%s,\"adjClose\":%s,\"volume\":%d}"
                .formatted(date, open * f, high * f, low * f, adjClose, volume);
    }

    private final ProviderStubServer stub = new ProviderStubServer();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ProviderHealth health = new ProviderHealth(meters, Clock.systemUTC());

    @AfterEach
    void stop() {
        stub.close();
    }

    private FmpMarketData fmp(Duration timeout) {
        return new FmpMarketData(stub.baseUrl(), KEY, timeout, FmpMarketData.Api.STABLE,
                FmpMarketData.DEFAULT_BATCH_SIZE, true, health);
    }

    private FmpMarketData fmp() {
        return fmp(Duration.ofSeconds(2));
    }

    private ResilientMarketData resilient(MarketDataProvider provider) {
        return new ResilientMarketData(provider, new ProviderLimits(1000, 1000, 4, Duration.ofMillis(10), 2.0,
                Duration.ofMillis(50), 50f, Duration.ofSeconds(30), Duration.ofSeconds(2)), meters);
    }

    @Test
    void dailyHistoryJoinsTheRawAndTheDividendAdjustedAnswers() {
        stub.script(FULL, Answer.fixture("fmp/stable/historical-price-eod-full_AAPL.json"));
        stub.script(ADJUSTED, Answer.ok(ADJUSTED_SAME_WINDOW));
        List<DailyBar> bars = fmp().dailyBars("AAPL", LocalDate.of(2023, 1, 3), LocalDate.of(2023, 1, 10));
        // only the dates with an adjusted close become bars
        assertThat(bars).extracting(DailyBar::date).containsExactly(LocalDate.of(2023, 1, 3), LocalDate.of(2023, 1, 10));
        assertThat(bars.getLast().close()).isEqualTo(130.73);
        assertThat(bars.getLast().adjClose()).isEqualTo(130.17);
        assertThat(bars.getLast().source()).isEqualTo("fmp");
        String query = stub.requests().getFirst().getQuery();
        assertThat(query).contains("symbol=AAPL").contains("from=2023-01-03").contains("to=2023-01-10");
        assertThat(stub.requests().getFirst().getPath()).isEqualTo("/stable/historical-price-eod/full");
    }

    @Test
    void aLongRangeIsAskedInFiveYearChunksAndAnEmptyChunkCostsOneCall() {
        stub.byDefault("historical-price-eod/full", uri -> Answer.ok("[]"));
        assertThat(fmp().dailyBars("AAPL", LocalDate.of(2010, 1, 1), LocalDate.of(2024, 12, 31))).isEmpty();
        assertThat(stub.requestsTo("historical-price-eod/full")).isEqualTo(3);
        assertThat(stub.requestsTo("historical-price-eod/dividend-adjusted")).isZero();
    }

    @Test
    void theLegacyApiReadsItsOwnPathsAndShapes() {
        stub.script("historical-price-full/AAPL", Answer.fixture("fmp/v3/historical-price-full_AAPL.json"));
        FmpMarketData legacy = new FmpMarketData(URI.create(stub.baseUrl() + "api/v3/"), KEY, Duration.ofSeconds(2),
                FmpMarketData.Api.V3, 100, true, health);
        List<DailyBar> bars = legacy.dailyBars("AAPL", LocalDate.of(2023, 1, 3), LocalDate.of(2023, 1, 10));
        assertThat(bars).hasSize(6);
        assertThat(stub.requests().getFirst().getPath()).isEqualTo("/api/v3/historical-price-full/AAPL");
    }

    @Test
    void retriesThroughRateLimitingAndCountsTheRetries() {
        stub.script(FULL, Answer.status(429), Answer.status(429), Answer.fixture("fmp/stable/historical-price-eod-full_AAPL.json"));
        stub.script(ADJUSTED, Answer.ok(ADJUSTED_SAME_WINDOW));
        ResilientMarketData provider = resilient(fmp());
        assertThat(provider.dailyBars("AAPL", LocalDate.of(2023, 1, 3), LocalDate.of(2023, 1, 10))).hasSize(2);
        assertThat(stub.requestsTo(FULL)).isEqualTo(3);
        assertThat(provider.retry().getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt()).isEqualTo(1);
        assertThat(meters.find("resilience4j.retry.calls").tag("kind", "successful_with_retry").functionCounter().count())
                .isEqualTo(1.0);
    }

    @Test
    void serverErrorsAndGarbageAreRetriedThenReportedAsRetryLater() {
        stub.script(FULL, Answer.status(503), Answer.ok("<html>oops"), Answer.status(500), Answer.status(502));
        assertThatThrownBy(() -> resilient(fmp()).dailyBars("AAPL", LocalDate.of(2024, 12, 30), LocalDate.of(2024, 12, 31)))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.RETRY_LATER))
                .hasMessageContaining("502");
        assertThat(stub.requestsTo(FULL)).isEqualTo(4);
    }

    @Test
    void aTimeoutIsTransient() {
        stub.script(FULL, Answer.slow(Duration.ofMillis(800), "[]"));
        assertThatThrownBy(() -> fmp(Duration.ofMillis(200)).dailyBars("AAPL", LocalDate.of(2024, 12, 30),
                LocalDate.of(2024, 12, 31)))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.RETRY_LATER))
                .hasMessageContaining("timed out");
    }

    @Test
    void anEmptyAnswerIsAnEmptyResultNotAnError() {
        stub.script(FULL, Answer.ok(""), Answer.ok("[]"));
        assertThat(fmp().dailyBars("AAPL", LocalDate.of(2024, 12, 30), LocalDate.of(2024, 12, 31))).isEmpty();
        assertThat(fmp().dailyBars("AAPL", LocalDate.of(2024, 12, 30), LocalDate.of(2024, 12, 31))).isEmpty();
    }

    @Test
    void aLegacyEndpointRefusalIsAConfigurationErrorWithFmpsReason() {
        stub.byDefault("historical-price-eod/", uri -> Answer.fixture(403, "fmp/stable/error_legacy-endpoint_403.json"));
        assertThatThrownBy(() -> resilient(fmp()).dailyBars("AAPL", LocalDate.of(2024, 12, 30), LocalDate.of(2024, 12, 31)))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.REFUSED))
                .hasMessageContaining("GET /stable/historical-price-eod/full")
                .hasMessageContaining("403")
                .hasMessageContaining("Legacy Endpoint : Due to Legacy endpoints being no longer supported");
        assertThat(stub.requestsTo("historical-price-eod/")).isEqualTo(1); // not retried: not transient
        assertThat(health.refused("fmp")).isTrue();
        assertThat(health.refusals()).singleElement().satisfies(r -> {
            assertThat(r.endpoint()).isEqualTo("GET /stable/historical-price-eod/full");
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.reason()).startsWith("Legacy Endpoint");
        });
        assertThat(meters.find("riskstream.provider.refused").tag("provider", "fmp").gauge().value()).isEqualTo(1.0);
        assertThat(meters.find("riskstream.provider.refusals").tags("provider", "fmp", "status", "403").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void aRefusalEndsWhenTheEndpointAnswersAgain() {
        stub.script(FULL, Answer.fixture(403, "fmp/stable/error_legacy-endpoint_403.json"), Answer.ok("[]"));
        assertThatThrownBy(() -> fmp().dailyBars("AAPL", LocalDate.of(2024, 12, 30), LocalDate.of(2024, 12, 31)))
                .isInstanceOf(ProviderException.class);
        assertThat(health.refused("fmp")).isTrue();
        fmp().dailyBars("AAPL", LocalDate.of(2024, 12, 30), LocalDate.of(2024, 12, 31));
        assertThat(health.refused("fmp")).isFalse();
    }

    @Test
    void aRestrictedEndpointInPlainTextAndAnInvalidKeyAreRefusalsTooAndTheKeyIsNeverQuoted() {
        stub.script("batch-quote", Answer.fixture(402, "fmp/stable/error_restricted-endpoint_402.txt"));
        assertThatThrownBy(() -> fmp().quotes(List.of("AAPL")))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.REFUSED))
                .hasMessageContaining("GET /stable/batch-quote").hasMessageContaining("Restricted Endpoint");
        stub.script("profile", new Answer(401, "{\"Error Message\":\"Invalid API KEY " + KEY + "\"}", Duration.ZERO));
        assertThatThrownBy(() -> fmp().profiles(List.of("AAPL"), Set.of(ProfilePart.IDENTITY)))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.REFUSED))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY).contains("***"));
        // the same words with a 200, as FMP sometimes sends them
        stub.script("income-statement", Answer.ok("{\"Error Message\":\"Invalid API KEY. Feel free to create a Free API Key\"}"));
        assertThatThrownBy(() -> fmp().statements("AAPL", StatementKind.INCOME, Frequency.ANNUAL, 5))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.REFUSED));
        assertThat(health.refusals()).extracting(ProviderHealth.Refusal::status).containsExactlyInAnyOrder(402, 401, 200);
    }

    @Test
    void fmpsDailyLimitMessageIsTransient() {
        stub.script("earnings", Answer.fixture(429, "fmp/stable/error_limit-reach_429.json"));
        assertThatThrownBy(() -> fmp().earnings("AAPL"))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.RETRY_LATER))
                .hasMessageContaining("Limit Reach");
        assertThat(health.refused("fmp")).isFalse();
    }

    @Test
    void theChainFallsBackToTheNextRealProviderAndItsDataKeepsItsOwnName() {
        stub.byDefault("historical-price-eod/", uri -> Answer.fixture(403, "fmp/stable/error_legacy-endpoint_403.json"));
        stub.byDefault("v8/finance/chart/GS", uri -> Answer.fixture("yahoo/chart_GS_2023-10.json"));
        MarketDataProvider chain = new FallbackMarketData(List.of(resilient(fmp()),
                resilient(new io.riskstream.marketdata.yahoo.YahooMarketData(stub.baseUrl(), Duration.ofSeconds(2),
                        health))), meters);
        List<DailyBar> bars = chain.dailyBars("GS", LocalDate.of(2023, 10, 2), LocalDate.of(2023, 10, 9));
        assertThat(bars).hasSize(6).allSatisfy(b -> assertThat(b.source()).isEqualTo("yahoo"));
        assertThat(meters.find("riskstream.provider.fallbacks").tags("from", "fmp", "to", "yahoo", "kind", "bars")
                .counter().count()).isEqualTo(1.0);
        assertThat(health.refused("fmp")).isTrue(); // served by Yahoo, and still reported
    }

    @Test
    void theSimulatedMarketNeverStandsInForARefusedRealProvider() {
        stub.byDefault("historical-price-eod/", uri -> Answer.fixture(403, "fmp/stable/error_legacy-endpoint_403.json"));
        Clock clock = Clock.fixed(Instant.parse("2024-12-31T23:00:00Z"), ZoneOffset.UTC);
        MarketDataProvider chain = new FallbackMarketData(List.of(resilient(fmp()),
                resilient(new SimulatedMarket(clock))), meters);
        assertThatThrownBy(() -> chain.dailyBars("AAPL", LocalDate.of(2024, 12, 2), LocalDate.of(2024, 12, 31)))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.REFUSED))
                .hasMessageContaining("Legacy Endpoint");
        assertThat(chain.name()).isEqualTo("fmp");
        assertThat(meters.find("riskstream.provider.fallbacks").counter()).isNull();
    }

    @Test
    void quotesGoOutInBatchesAndUnknownSymbolsAreSimplyAbsent() {
        stub.byDefault("batch-quote", uri -> Answer.ok("[]"));
        List<String> symbols = IntStream.range(0, 1250).mapToObj(i -> "S" + i).toList();
        fmp().quotes(symbols);
        assertThat(stub.requestsTo("batch-quote")).isEqualTo(5); // 1,250 symbols, 250 per call
        stub.script("batch-quote?symbols=AAPL,ZZZZ", Answer.fixture("fmp/stable/quote_AAPL.json"));
        assertThat(fmp().quotes(List.of("AAPL", "ZZZZ"))).containsOnlyKeys("AAPL");
    }

    @Test
    void onPlansWithoutBatchQuotesEachSymbolIsQuotedAlone() {
        stub.byDefault("quote?symbol=AAPL", uri -> Answer.fixture("fmp/stable/quote_AAPL.json"));
        stub.byDefault("quote?symbol=", uri -> Answer.ok("[]"));
        FmpMarketData single = new FmpMarketData(stub.baseUrl(), KEY, Duration.ofSeconds(2), FmpMarketData.Api.STABLE,
                100, false, health);
        assertThat(single.quotes(List.of("AAPL", "ZZZZ"))).containsOnlyKeys("AAPL");
        assertThat(stub.requestsTo("quote?symbol=")).isEqualTo(2);
    }

    @Test
    void aFullProfileAsksEachEndpointOnceAndFillsEveryPart() {
        stub.script("profile?symbol=AAPL&", Answer.fixture("fmp/stable/profile_AAPL.json"));
        stub.script("ratios-ttm?symbol=AAPL&", Answer.fixture("fmp/stable/ratios-ttm_AAPL.json"));
        stub.script("price-target-consensus?symbol=AAPL&", Answer.fixture("fmp/stable/price-target-consensus_AAPL.json"));
        stub.script("grades-consensus?symbol=AAPL&", Answer.fixture("fmp/stable/grades-consensus_AAPL.json"));
        stub.script("analyst-estimates?symbol=AAPL&", Answer.fixture("fmp/stable/analyst-estimates_AAPL_annual.json"));
        CompanyProfile p = fmp().profiles(List.of("AAPL")).get("AAPL");
        assertThat(stub.requests()).hasSize(5); // the profile answer carries the valuation: no quote needed
        assertThat(p.parts()).containsExactlyInAnyOrder(ProfilePart.values());
        assertThat(p.identity().sector()).isEqualTo("Technology");
        assertThat(p.valuation().price()).isEqualTo(255.53);
        assertThat(p.valuation().marketCap()).isEqualTo(3_775_801_225_282d);
        assertThat(p.valuation().beta()).isEqualTo(1.093);
        assertThat(p.valuation().week52High()).isEqualTo(288.62);
        assertThat(p.trailing().epsTtm()).isEqualTo(6.375265851569754);
        assertThat(p.analysts().recommendation()).isEqualTo("buy");
        assertThat(p.estimates()).hasSize(1);
        assertThat(stub.requests().stream().filter(u -> u.getPath().endsWith("analyst-estimates")).findFirst().orElseThrow()
                .getQuery()).contains("period=annual");
    }

    @Test
    void aCompanysEmptyRatiosGradesAndEstimatesAreAskedAgainNotStoredAsNone() {
        // the fault suite's misbehaving provider: a 200 with [] for a company FMP knows, then the real answer
        stub.script("profile?symbol=AAPL&", Answer.fixture("fmp/stable/profile_AAPL.json"));
        stub.script("ratios-ttm?symbol=AAPL&", Answer.ok("[]"), Answer.fixture("fmp/stable/ratios-ttm_AAPL.json"));
        // one of the two consensus answers empty (a half consensus was stored before: the fault suite saw it)
        stub.script("price-target-consensus?symbol=AAPL&", Answer.ok("[]"),
                Answer.fixture("fmp/stable/price-target-consensus_AAPL.json"));
        stub.script("grades-consensus?symbol=AAPL&", Answer.fixture("fmp/stable/grades-consensus_AAPL.json"));
        stub.script("analyst-estimates?symbol=AAPL&", Answer.ok("[]"), Answer.ok("[]"),
                Answer.fixture("fmp/stable/analyst-estimates_AAPL_annual.json"));
        CompanyProfile p = fmp().profiles(List.of("AAPL")).get("AAPL");
        assertThat(p.trailing().epsTtm()).isEqualTo(6.375265851569754);
        assertThat(p.analysts().recommendation()).isEqualTo("buy");
        assertThat(p.analysts().targetHigh()).isEqualTo(310);
        assertThat(p.estimates()).hasSize(1);
        assertThat(stub.requestsTo("ratios-ttm")).isEqualTo(2);
        assertThat(stub.requestsTo("price-target-consensus")).isEqualTo(2);
        assertThat(stub.requestsTo("grades-consensus")).isEqualTo(1);
        assertThat(stub.requestsTo("analyst-estimates")).isEqualTo(3);
    }

    @Test
    void aCompanyThatStaysEmptyIsAskedThreeTimesThenHasNoneOfThatPart() {
        stub.script("profile?symbol=AAPL&", Answer.fixture("fmp/stable/profile_AAPL.json"));
        stub.byDefault("ratios-ttm", uri -> Answer.ok("[]"));
        CompanyProfile p = fmp().profiles(List.of("AAPL"), Set.of(ProfilePart.IDENTITY, ProfilePart.TRAILING))
                .get("AAPL");
        assertThat(p.trailing()).isNull();
        assertThat(stub.requestsTo("ratios-ttm")).isEqualTo(3);
    }

    @Test
    void aSymbolWithoutAProfileIsAbsentAndItsOtherPartsAreNotAskedFor() {
        stub.byDefault("profile", uri -> Answer.ok("[]"));
        assertThat(fmp().profiles(List.of("ZZZZ"))).isEmpty();
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void aDailyValuationRefreshIsOneBatchQuoteCall() {
        stub.byDefault("batch-quote", uri -> Answer.fixture("fmp/stable/quote_AAPL.json"));
        Map<String, CompanyProfile> p = fmp().profiles(List.of("AAPL", "MSFT"), Set.of(ProfilePart.VALUATION));
        assertThat(stub.requests()).hasSize(1);
        assertThat(p).containsOnlyKeys("AAPL");
        assertThat(p.get("AAPL").identity()).isNull();
        assertThat(p.get("AAPL").valuation().marketCap()).isEqualTo(3_800_327_071_200d);
    }

    @Test
    void aRestrictedAnalystEndpointIsRecordedButTheRestOfTheProfileStands() {
        stub.script("profile?symbol=AAPL&", Answer.fixture("fmp/stable/profile_AAPL.json"));
        stub.byDefault("grades-consensus", uri -> Answer.fixture(402, "fmp/stable/error_restricted-endpoint_402.txt"));
        stub.script("price-target-consensus?symbol=AAPL&", Answer.fixture("fmp/stable/price-target-consensus_AAPL.json"));
        stub.script("analyst-estimates?symbol=AAPL&", Answer.fixture("fmp/stable/analyst-estimates_AAPL_annual.json"));
        CompanyProfile p = fmp().profiles(List.of("AAPL"), Set.of(ProfilePart.IDENTITY, ProfilePart.ANALYSTS)).get("AAPL");
        assertThat(p.identity().name()).isEqualTo("Apple Inc.");
        assertThat(p.analysts()).isNull();
        assertThat(p.estimates()).hasSize(1);
        assertThat(health.refusals()).singleElement()
                .satisfies(r -> assertThat(r.endpoint()).isEqualTo("GET /stable/grades-consensus"));
    }

    @Test
    void statementsEarningsAndSplitsUseTheStablePaths() {
        stub.script("income-statement?symbol=AAPL&", Answer.fixture("fmp/stable/income-statement_AAPL_annual.json"));
        stub.script("earnings?symbol=AAPL&", Answer.fixture("fmp/stable/earnings_AAPL.json"));
        stub.script("splits?symbol=AAPL&", Answer.fixture("fmp/stable/splits_AAPL.json"));
        FmpMarketData fmp = fmp();
        assertThat(fmp.statements("AAPL", StatementKind.INCOME, Frequency.QUARTERLY, 12)).hasSize(1);
        assertThat(stub.requests().getFirst().getQuery()).contains("period=quarter").contains("limit=12");
        assertThat(fmp.earnings("AAPL")).hasSize(6);
        assertThat(fmp.splits("AAPL")).hasSize(1);
    }
}
