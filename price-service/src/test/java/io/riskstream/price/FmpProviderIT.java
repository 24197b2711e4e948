package io.riskstream.price;

import io.riskstream.common.event.DailyClose;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.SymbolAdded;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import io.riskstream.common.marketdata.DailyBar;
import io.riskstream.marketdata.SimulatedMarket;
import io.riskstream.testsupport.KafkaTestClient;
import io.riskstream.testsupport.MutableClock;
import io.riskstream.testsupport.ProviderStubServer;
import io.riskstream.testsupport.FmpStubAnswers;
import io.riskstream.testsupport.ProviderStubServer.Answer;
import io.riskstream.testsupport.TestInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** price-service against Financial Modeling Prep played by a local stub server: 429s, then data; empty answers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "riskstream.daily-close.scheduler-enabled=false",
        "riskstream.market-data.fmp.max-attempts=5",
        "riskstream.prices.history-days=30",
        "riskstream.prices.bootstrap-benchmarks=false",
        "riskstream.outbox.poll-interval=50ms"})
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FmpProviderIT {

    static final String GROUP = TestInfra.groupOf("price-service", FmpProviderIT.class);

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-12-30T23:30:00Z"));
    static final ProviderStubServer STUB = new ProviderStubServer();
    static final SimulatedMarket MARKET = new SimulatedMarket(CLOCK);
    static final List<String> SYMBOLS = List.of("FMPA", "FMPB", "FMPC");

    @TestConfiguration
    static class Clocks {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "price-service", FmpProviderIT.class);
        STUB.registerAsFmp(registry);
    }

    @AfterAll
    static void stop() {
        STUB.close();
    }

    @Autowired JdbcTemplate jdbc;
    @Autowired EventCodec codec;
    @LocalServerPort int port;

    /** The stub answers history requests with the simulated market's bars, in FMP's format. */
    static Answer history(URI uri) {
        return FmpStubAnswers.history(uri, MARKET::dailyBars);
    }

    @Test
    @Order(2)
    void rateLimitingIsRetriedUntilEverySymbolIsStoredAndEmptyAnswersLeaveHistoryUntouched() throws Exception {
        for (String symbol : SYMBOLS) {
            STUB.script("historical-price-eod/full?symbol=" + symbol + "&", Answer.status(429), Answer.status(429));
        }
        STUB.byDefault("historical-price-eod/", FmpProviderIT::history);
        for (String symbol : SYMBOLS) {
            send(Topics.SYMBOL_ADDED, symbol, new SymbolAdded(symbol, SymbolAdded.Tier.ACTIVE, "test"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(distinct symbol) from daily_bar where symbol in ('FMPA', 'FMPB', 'FMPC')", Long.class) == 3);
        for (String symbol : SYMBOLS) { // 2 refusals + 1 answer each
            assertThat(STUB.requestsTo("historical-price-eod/full?symbol=" + symbol + "&")).as(symbol).isEqualTo(3);
        }
        String prometheus = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(prometheus).containsPattern("resilience4j_retry_calls_total\\{[^}]*kind=\"successful_with_retry\"[^}]*name=\"fmp\"[^}]*} 3\\.0");
        assertThat(prometheus).doesNotContain("stub-key");

        String storedBefore = checksum();
        long quoteCallsBefore = STUB.requestsTo("batch-quote");
        STUB.byDefault("historical-price-eod/", uri -> Answer.ok(""));
        STUB.byDefault("batch-quote", uri -> Answer.ok(""));
        CLOCK.set(Instant.parse("2024-12-31T23:30:00Z"));
        send(Topics.DAILY_CLOSE, "2024-12-31", new DailyClose(LocalDate.of(2024, 12, 31)));
        await().atMost(Duration.ofSeconds(60)).until(() -> KafkaTestClient.lag(GROUP, Topics.DAILY_CLOSE) == 0);
        assertThat(STUB.requestsTo("batch-quote") - quoteCallsBefore).isEqualTo(1);
        assertThat(checksum()).isEqualTo(storedBefore);
        assertThat(jdbc.queryForObject("select count(*) from symbol_universe where symbol in ('FMPA', 'FMPB', 'FMPC') and status = 'ACTIVE'",
                Long.class)).isEqualTo(3);
    }

    @Test
    @Order(1) // before the test that ends with empty answers (they open the circuit breaker for a minute)
    void anEmptyHistoryForASymbolTheProviderQuotesIsRetriedInsteadOfMarkingItUnknown() {
        // a misbehaving provider: an empty 200 for the history of a symbol it quotes; an unknown symbol has neither
        STUB.script("historical-price-eod/full?symbol=FMPQ&", Answer.ok("[]"), Answer.ok("[]"));
        STUB.byDefault("historical-price-eod/", FmpProviderIT::history);
        STUB.byDefault("batch-quote", uri -> uri.getQuery().startsWith("symbols=FMPQ&")
                ? Answer.ok("[{\"symbol\":\"FMPQ\",\"price\":12.5,\"timestamp\":1735594200}]") : Answer.ok("[]"));
        send(Topics.SYMBOL_ADDED, "FMPQ", new SymbolAdded("FMPQ", SymbolAdded.Tier.ACTIVE, "test"));
        STUB.script("historical-price-eod/full?symbol=FMPZ&", Answer.ok("[]"));
        send(Topics.SYMBOL_ADDED, "FMPZ", new SymbolAdded("FMPZ", SymbolAdded.Tier.ACTIVE, "test"));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from daily_bar where symbol = 'FMPQ'", Long.class) > 0);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForList(
                "select status from symbol_universe where symbol = 'FMPZ'", String.class).contains("INACTIVE"));
        assertThat(jdbc.queryForObject("select status from symbol_universe where symbol = 'FMPQ'", String.class))
                .isEqualTo("ACTIVE");
    }

    private String checksum() {
        return jdbc.queryForObject("select count(*) || ':' || md5(string_agg(symbol || trade_date || adj_close || "
                + "coalesce(volume, -1), ',' order by symbol, trade_date)) from daily_bar where symbol in ('FMPA', 'FMPB', 'FMPC')", String.class);
    }

    private void send(String topic, String key, io.riskstream.common.event.EventPayload payload) {
        UUID id = UUID.randomUUID();
        KafkaTestClient.send(topic, key, codec.encode(EventEnvelope.of(id, EventIds.named("fmp-it", id.toString()),
                Instant.now(), payload)));
    }
}
