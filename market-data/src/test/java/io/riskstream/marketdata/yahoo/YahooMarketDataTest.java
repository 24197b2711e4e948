package io.riskstream.marketdata.yahoo;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.riskstream.common.marketdata.DailyBar;
import io.riskstream.marketdata.ProviderException;
import io.riskstream.marketdata.ProviderHealth;
import io.riskstream.marketdata.ProviderLimits;
import io.riskstream.marketdata.Quote;
import io.riskstream.marketdata.ResilientMarketData;
import io.riskstream.testsupport.ProviderFixtures;
import io.riskstream.testsupport.ProviderStubServer;
import io.riskstream.testsupport.ProviderStubServer.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Yahoo's chart API: the parser on recorded answers, the client against a local server answering them. */
class YahooMarketDataTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String GS = "yahoo/chart_GS_2023-10.json";

    private final ProviderStubServer stub = new ProviderStubServer();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ProviderHealth health = new ProviderHealth(meters, Clock.systemUTC());

    @AfterEach
    void stop() {
        stub.close();
    }

    private YahooMarketData yahoo() {
        return new YahooMarketData(stub.baseUrl(), Duration.ofSeconds(2), health);
    }

    @Test
    void aRecordedChartGivesBarsOnTheExchangesTradingDays() {
        List<DailyBar> bars = YahooParsers.bars("GS", YahooParsers.result(JSON.readTree(ProviderFixtures.read(GS))));
        // 09:30 New York opens, 2023-10-02 .. 2023-10-09 (the timestamps are 13:30 UTC)
        assertThat(bars).extracting(DailyBar::date).containsExactly(LocalDate.of(2023, 10, 2), LocalDate.of(2023, 10, 3),
                LocalDate.of(2023, 10, 4), LocalDate.of(2023, 10, 5), LocalDate.of(2023, 10, 6), LocalDate.of(2023, 10, 9));
        DailyBar first = bars.getFirst();
        assertThat(first.open()).isEqualTo(322.0299987792969);
        assertThat(first.high()).isEqualTo(323.5799865722656);
        assertThat(first.low()).isEqualTo(317.1000061035156);
        assertThat(first.close()).isEqualTo(318.5);
        assertThat(first.adjClose()).isEqualTo(318.5);
        assertThat(first.volume()).isEqualTo(1_303_800L);
        assertThat(first.source()).isEqualTo("yahoo");
    }

    @Test
    void aNullSessionIsDroppedAndAChartWithoutAdjustedClosesGivesNoBars() {
        var gold = YahooParsers.result(JSON.readTree(ProviderFixtures.read("yahoo/chart_GC=F_2026-08_trimmed.json")));
        assertThat(YahooParsers.sessions(gold)).extracting(YahooParsers.Session::date)
                .containsExactly(LocalDate.of(2026, 8, 7), LocalDate.of(2026, 8, 11));
        // this recording was made without includeAdjustedClose: no adjusted close, no bar under that name
        assertThat(YahooParsers.bars("GC=F", gold)).isEmpty();
        Quote quote = YahooParsers.quote("GC=F", gold);
        assertThat(quote.price()).isEqualTo(4467.3);
        assertThat(quote.previousClose()).isEqualTo(4452.1); // the session before the newest kept one
    }

    @Test
    void theQuoteIsTheNewestSession() {
        var aapl = YahooParsers.result(JSON.readTree(ProviderFixtures.read("yahoo/chart_AAPL_2026-08_trimmed.json")));
        Quote q = YahooParsers.quote("AAPL", aapl);
        assertThat(q.date()).isEqualTo(LocalDate.of(2026, 8, 11));
        assertThat(q.price()).isEqualTo(304.9100036621094);
        assertThat(q.open()).isEqualTo(307.75);
        assertThat(q.previousClose()).isEqualTo(308.260009765625);
        assertThat(q.volume()).isEqualTo(34_168_163L);
        assertThat(q.source()).isEqualTo("yahoo");
    }

    @Test
    void historyIsAskedForTheRangeAndFilteredToIt() {
        stub.script("v8/finance/chart/GS", Answer.fixture(GS));
        List<DailyBar> bars = yahoo().dailyBars("GS", LocalDate.of(2023, 10, 3), LocalDate.of(2023, 10, 6));
        assertThat(bars).extracting(DailyBar::date).containsExactly(LocalDate.of(2023, 10, 3), LocalDate.of(2023, 10, 4),
                LocalDate.of(2023, 10, 5), LocalDate.of(2023, 10, 6));
        String query = stub.requests().getFirst().getQuery();
        assertThat(query).contains("period1=1696291200").contains("period2=1696636800").contains("interval=1d")
                .contains("includeAdjustedClose=true");
    }

    @Test
    void anUnknownSymbolIsUnknownForHistoryAndAbsentFromQuotes() {
        stub.byDefault("v8/finance/chart/ZZZZ", uri -> Answer.fixture(404, "yahoo/chart_not-found_404.json"));
        stub.byDefault("v8/finance/chart/GS", uri -> Answer.fixture(GS));
        assertThatThrownBy(() -> yahoo().dailyBars("ZZZZ", LocalDate.of(2023, 10, 2), LocalDate.of(2023, 10, 9)))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNKNOWN_SYMBOL))
                .hasMessageContaining("No data found, symbol may be delisted");
        Map<String, Quote> quotes = yahoo().quotes(List.of("GS", "ZZZZ"));
        assertThat(quotes).containsOnlyKeys("GS");
        assertThat(quotes.get("GS").date()).isEqualTo(LocalDate.of(2023, 10, 9));
        assertThat(health.refused("yahoo")).isFalse();
    }

    @Test
    void rateLimitingIsRetriedByItsOwnResilience() {
        stub.script("v8/finance/chart/GS", new Answer(429, "Too Many Requests", Duration.ZERO), Answer.fixture(GS));
        ResilientMarketData resilient = new ResilientMarketData(yahoo(), new ProviderLimits(100, 1000, 3,
                Duration.ofMillis(10), 2.0, Duration.ofMillis(50), 50f, Duration.ofSeconds(30), Duration.ofSeconds(2)),
                meters);
        assertThat(resilient.dailyBars("GS", LocalDate.of(2023, 10, 2), LocalDate.of(2023, 10, 9))).hasSize(6);
        assertThat(stub.requestsTo("v8/finance/chart/GS")).isEqualTo(2);
        assertThat(meters.find("resilience4j.retry.calls").tags("name", "yahoo", "kind", "successful_with_retry")
                .functionCounter().count()).isEqualTo(1.0);
    }

    @Test
    void anHtmlAnswerIsTransientAndAForbiddenOneARefusal() {
        stub.script("v8/finance/chart/GS", Answer.ok("<html>busy</html>"));
        assertThatThrownBy(() -> yahoo().dailyBars("GS", LocalDate.of(2023, 10, 2), LocalDate.of(2023, 10, 9)))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.RETRY_LATER));
        stub.script("v8/finance/chart/GS", new Answer(401, "{\"finance\":{\"result\":null,\"error\":{\"code\":"
                + "\"Unauthorized\",\"description\":\"Invalid Crumb\"}}}", Duration.ZERO));
        assertThatThrownBy(() -> yahoo().dailyBars("GS", LocalDate.of(2023, 10, 2), LocalDate.of(2023, 10, 9)))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.REFUSED));
        assertThat(health.refused("yahoo")).isTrue();
    }
}
