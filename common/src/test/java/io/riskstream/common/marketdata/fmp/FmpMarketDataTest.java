package io.riskstream.common.marketdata.fmp;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.riskstream.common.marketdata.DailyBar;
import io.riskstream.common.marketdata.FallbackMarketData;
import io.riskstream.common.marketdata.Frequency;
import io.riskstream.common.marketdata.MarketDataProvider;
import io.riskstream.common.marketdata.ProviderException;
import io.riskstream.common.marketdata.ProviderLimits;
import io.riskstream.common.marketdata.ResilientMarketData;
import io.riskstream.common.marketdata.SimulatedMarket;
import io.riskstream.common.marketdata.StatementKind;
import io.riskstream.testsupport.ProviderStubServer;
import io.riskstream.testsupport.ProviderStubServer.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FmpMarketDataTest {

    private static final String KEY = "secret-key-123";
    private static final String HISTORY = """
            {"symbol":"AAPL","historical":[
              {"date":"2024-12-31","open":252.44,"high":253.28,"low":249.43,"close":250.42,"adjClose":250.42,"volume":39480718},
              {"date":"2024-12-30","open":252.23,"high":253.5,"low":250.75,"close":252.2,"adjClose":252.2,"volume":35557500}]}""";

    private final ProviderStubServer stub = new ProviderStubServer();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void stop() {
        stub.close();
    }

    private FmpMarketData fmp(Duration timeout) {
        return new FmpMarketData(stub.baseUrl(), KEY, timeout);
    }

    private ResilientMarketData resilient(MarketDataProvider provider) {
        return new ResilientMarketData(provider, new ProviderLimits(1000, 1000, 4, Duration.ofMillis(10), 2.0,
                Duration.ofMillis(50), 50f, Duration.ofSeconds(30), Duration.ofSeconds(2)), meters);
    }

    @Test
    void readsDailyHistoryInAscendingOrder() {
        stub.script("historical-price-full/AAPL", Answer.ok(HISTORY));
        List<DailyBar> bars = fmp(Duration.ofSeconds(2)).dailyBars("AAPL", LocalDate.of(2024, 12, 30), LocalDate.of(2024, 12, 31));
        assertThat(bars).extracting(DailyBar::date).containsExactly(LocalDate.of(2024, 12, 30), LocalDate.of(2024, 12, 31));
        assertThat(bars.getLast().adjClose()).isEqualTo(250.42);
        assertThat(bars.getLast().volume()).isEqualTo(39480718L);
        assertThat(stub.requests().getFirst().getQuery()).contains("from=2024-12-30").contains("to=2024-12-31");
    }

    @Test
    void retriesThroughRateLimitingAndCountsTheRetries() {
        stub.script("historical-price-full/AAPL", Answer.status(429), Answer.status(429), Answer.ok(HISTORY));
        ResilientMarketData provider = resilient(fmp(Duration.ofSeconds(2)));
        assertThat(provider.dailyBars("AAPL", LocalDate.of(2024, 12, 30), LocalDate.of(2024, 12, 31))).hasSize(2);
        assertThat(stub.requestsTo("historical-price-full/AAPL")).isEqualTo(3);
        assertThat(provider.retry().getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt()).isEqualTo(1);
        assertThat(meters.find("resilience4j.retry.calls").tag("kind", "successful_with_retry").functionCounter().count())
                .isEqualTo(1.0);
    }

    @Test
    void serverErrorsAndGarbageAreRetriedThenReportedAsRetryLater() {
        stub.script("historical-price-full/AAPL", Answer.status(503), Answer.ok("<html>oops"), Answer.status(500),
                Answer.status(502));
        assertThatThrownBy(() -> resilient(fmp(Duration.ofSeconds(2)))
                .dailyBars("AAPL", LocalDate.of(2024, 12, 30), LocalDate.of(2024, 12, 31)))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.RETRY_LATER))
                .hasMessageContaining("502");
        assertThat(stub.requestsTo("historical-price-full/AAPL")).isEqualTo(4);
    }

    @Test
    void aTimeoutIsTransient() {
        stub.script("historical-price-full/AAPL", Answer.slow(Duration.ofMillis(800), HISTORY));
        assertThatThrownBy(() -> fmp(Duration.ofMillis(200)).dailyBars("AAPL", LocalDate.of(2024, 12, 30),
                LocalDate.of(2024, 12, 31)))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.RETRY_LATER))
                .hasMessageContaining("timed out");
    }

    @Test
    void anEmptyAnswerIsAnEmptyResultNotAnError() {
        stub.script("historical-price-full/AAPL", Answer.ok(""), Answer.ok("{}"));
        FmpMarketData provider = fmp(Duration.ofSeconds(2));
        assertThat(provider.dailyBars("AAPL", LocalDate.of(2024, 12, 30), LocalDate.of(2024, 12, 31))).isEmpty();
        assertThat(provider.dailyBars("AAPL", LocalDate.of(2024, 12, 30), LocalDate.of(2024, 12, 31))).isEmpty();
    }

    @Test
    void aRejectedKeyMeansTryTheNextProviderAndTheKeyIsNeverInTheMessage() {
        stub.byDefault("historical-price-full/", uri -> new Answer(401,
                "{\"Error Message\":\"Invalid API KEY " + KEY + "\"}", Duration.ZERO));
        assertThatThrownBy(() -> fmp(Duration.ofSeconds(2)).dailyBars("AAPL", LocalDate.of(2024, 12, 30),
                LocalDate.of(2024, 12, 31)))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.TRY_NEXT))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
        stub.script("quote/", new Answer(200, "{\"Error Message\":\"Invalid API KEY " + KEY + "\"}", Duration.ZERO));
        assertThatThrownBy(() -> fmp(Duration.ofSeconds(2)).quotes(List.of("AAPL")))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY).contains("***"));
    }

    @Test
    void theChainFallsBackToTheNextProviderWhenFmpCannotAnswer() {
        stub.byDefault("historical-price-full/", uri -> Answer.status(403));
        Clock clock = Clock.fixed(Instant.parse("2024-12-31T23:00:00Z"), ZoneOffset.UTC);
        MarketDataProvider chain = new FallbackMarketData(List.of(resilient(fmp(Duration.ofSeconds(2))),
                resilient(new SimulatedMarket(clock))));
        assertThat(chain.dailyBars("AAPL", LocalDate.of(2024, 12, 2), LocalDate.of(2024, 12, 31))).hasSize(21);
        assertThat(stub.requestsTo("historical-price-full/")).isEqualTo(1); // not retried: not transient
    }

    @Test
    void quotesAndProfilesGoOutInBatchesOfOneHundred() {
        stub.byDefault("quote/", uri -> Answer.ok("[]"));
        List<String> symbols = IntStream.range(0, 1250).mapToObj(i -> "S" + i).toList();
        fmp(Duration.ofSeconds(2)).quotes(symbols);
        assertThat(stub.requestsTo("quote/")).isEqualTo(13);
    }

    @Test
    void readsQuotesProfilesStatementsAndEarnings() {
        stub.script("quote/", Answer.ok("""
                [{"symbol":"AAPL","price":250.42,"dayLow":249.43,"dayHigh":253.28,"open":252.44,"volume":39480718,
                  "previousClose":252.2,"marketCap":3785000000000,"pe":41.2,"timestamp":1735678800}]"""));
        stub.script("profile/", Answer.ok("""
                [{"symbol":"AAPL","companyName":"Apple Inc.","sector":"Technology","industry":"Consumer Electronics",
                  "beta":1.24,"mktCap":3785000000000,"range":"164.08-260.10","isEtf":false,"isFund":false,
                  "fullTimeEmployees":"164000","exchangeShortName":"NASDAQ","country":"US","currency":"USD"}]"""));
        stub.script("income-statement/AAPL", Answer.ok("""
                [{"date":"2024-09-28","symbol":"AAPL","reportedCurrency":"USD","revenue":94930000000,
                  "netIncome":14736000000,"eps":0.97,"weirdNull":null}]"""));
        stub.script("historical/earning_calendar/AAPL", Answer.ok("""
                [{"date":"2025-01-30","symbol":"AAPL","eps":null},{"date":"2024-10-31","symbol":"AAPL","eps":0.97}]"""));
        FmpMarketData fmp = fmp(Duration.ofSeconds(2));
        var quote = fmp.quotes(List.of("AAPL")).get("AAPL");
        assertThat(quote.date()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(quote.price()).isEqualTo(250.42);
        var profile = fmp.profiles(List.of("AAPL")).get("AAPL");
        assertThat(profile.sector()).isEqualTo("Technology");
        assertThat(profile.week52High()).isEqualTo(260.10);
        assertThat(profile.employees()).isEqualTo(164000);
        var statement = fmp.statements("AAPL", StatementKind.INCOME, Frequency.QUARTERLY, 12).getFirst();
        assertThat(statement.values().get("revenue")).isEqualByComparingTo("94930000000");
        assertThat(statement.values()).containsKey("weirdNull");
        assertThat(stub.requests().get(2).getQuery()).contains("period=quarter").contains("limit=12");
        assertThat(fmp.earnings("AAPL")).extracting(e -> e.date().toString()).containsExactly("2024-10-31", "2025-01-30");
    }
}
