package io.riskstream.price;

import io.micrometer.core.instrument.MeterRegistry;
import io.riskstream.common.event.DailyClose;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.SymbolAdded;
import io.riskstream.common.event.SymbolAdded.Tier;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import io.riskstream.marketdata.CompanyProfile;
import io.riskstream.common.marketdata.DailyBar;
import io.riskstream.marketdata.EarningsDate;
import io.riskstream.marketdata.FinancialStatement;
import io.riskstream.marketdata.Frequency;
import io.riskstream.marketdata.MarketDataProvider;
import io.riskstream.marketdata.ProfilePart;
import io.riskstream.marketdata.Quote;
import io.riskstream.marketdata.StatementKind;
import io.riskstream.testsupport.KafkaTestClient;
import io.riskstream.testsupport.MutableClock;
import io.riskstream.testsupport.TestInfra;
import io.riskstream.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No provider call happens inside a database transaction: the provider bean (the simulated market) is watched by a
 * decorator that notes, at every price call, whether the calling thread has a transaction open. Every path that
 * fetches prices is driven — the benchmark bootstrap, an onboarding, an operator's universe addition and backfill, and
 * a daily close with batch quotes, history fetches and a split's replaced history — and none holds a transaction
 * while it waits for the provider. A re-delivered close then stores and announces nothing new. Symbols NT*.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "riskstream.daily-close.scheduler-enabled=false",
        "riskstream.prices.history-days=30",
        "riskstream.prices.bootstrap-benchmarks=true",
        "riskstream.prices.benchmarks=NTBM",
        "riskstream.market-data.simulated-splits=NTSP:2024-12-31:2",
        "riskstream.outbox.poll-interval=50ms"})
@DirtiesContext
class ProviderCallsOutsideTransactionsIT {

    static final String GROUP = TestInfra.groupOf("price-service", ProviderCallsOutsideTransactionsIT.class);
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-12-27T23:30:00Z")); // Friday after the close
    static final LocalDate FRIDAY = LocalDate.of(2024, 12, 27);
    static final LocalDate MONDAY = LocalDate.of(2024, 12, 30);
    static final LocalDate TUESDAY = LocalDate.of(2024, 12, 31);

    /** One price call to the provider: what was asked, and whether the caller had a transaction open. */
    record Call(String method, String symbols, boolean inTransaction) {
    }

    static final List<Call> CALLS = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class Watching {
        @Bean
        Clock clock() {
            return CLOCK;
        }

        @Bean
        static BeanPostProcessor watchTheProvider() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof MarketDataProvider provider ? new TransactionWatchingProvider(provider) : bean;
                }
            };
        }
    }

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "price-service", ProviderCallsOutsideTransactionsIT.class);
    }

    @Autowired JdbcTemplate jdbc;
    @Autowired EventCodec codec;
    @Autowired MeterRegistry meters;
    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyPathThatFetchesPricesCallsTheProviderWithoutATransactionOpen() throws Exception {
        awaitWatermark("NTBM", FRIDAY); // the benchmark bootstrap at start-up
        onboard("NTLG");
        awaitWatermark("NTLG", FRIDAY);

        CLOCK.set(Instant.parse("2024-12-30T23:30:00Z"));
        onboard("NTON");
        onboard("NTSP");
        assertThat(post("/api/universe", "{\"symbol\":\"NTUA\",\"tier\":\"WATCHLIST\"}").statusCode()).isEqualTo(200);
        assertThat(post("/api/admin/backfill", "{\"from\":\"2023-01-03\",\"to\":\"2023-02-28\",\"symbols\":[\"NTBF\"]}")
                .statusCode()).isEqualTo(202);
        for (String symbol : List.of("NTON", "NTSP", "NTUA")) {
            awaitWatermark(symbol, MONDAY);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from daily_bar where symbol = 'NTBF' and trade_date < '2023-03-01'", Long.class) > 0);

        // Tuesday's close: NTON and NTUA from batch quotes, NTBM and NTLG two sessions behind from their history,
        // NTSP's quote looks like a crash, so its history is fetched, found re-based (a split) and replaced
        CLOCK.set(Instant.parse("2024-12-31T23:30:00Z"));
        String close = codec.encode(EventEnvelope.of(UUID.randomUUID(), UUID.randomUUID(), Instant.now(),
                new DailyClose(TUESDAY)));
        KafkaTestClient.send(Topics.DAILY_CLOSE, TUESDAY.toString(), close);
        for (String symbol : List.of("NTBM", "NTLG", "NTON", "NTSP", "NTUA")) {
            awaitWatermark(symbol, TUESDAY);
        }
        assertThat(meters.counter("riskstream_price_history_replaced_total").count()).isEqualTo(1.0);

        assertThat(CALLS).as("price calls seen").extracting(Call::method).contains("dailyBars", "quotes");
        assertThat(CALLS.stream().filter(c -> c.method().equals("dailyBars")).map(Call::symbols))
                .contains("NTBM", "NTLG", "NTON", "NTSP", "NTUA", "NTBF");
        assertThat(CALLS).as("price calls made inside a transaction").filteredOn(Call::inTransaction).isEmpty();

        // the same close delivered again: nothing new is stored or announced
        KafkaTestClient.awaitConsumed(GROUP);
        long bars = jdbc.queryForObject("select count(*) from daily_bar where symbol like 'NT%'", Long.class);
        long announced = pricesReady();
        KafkaTestClient.send(Topics.DAILY_CLOSE, TUESDAY.toString(), close);
        KafkaTestClient.awaitConsumed(GROUP);
        assertThat(jdbc.queryForObject("select count(*) from daily_bar where symbol like 'NT%'", Long.class)).isEqualTo(bars);
        assertThat(pricesReady()).isEqualTo(announced);
        assertThat(CALLS).filteredOn(Call::inTransaction).isEmpty();
    }

    private long pricesReady() {
        return jdbc.queryForObject("select count(*) from outbox_event where topic = 'prices-ready'", Long.class);
    }

    private void onboard(String symbol) {
        KafkaTestClient.send(Topics.SYMBOL_ADDED, symbol, codec.encode(EventEnvelope.of(UUID.randomUUID(),
                UUID.randomUUID(), Instant.now(), new SymbolAdded(symbol, Tier.ACTIVE, "position in a test portfolio"))));
    }

    private void awaitWatermark(String symbol, LocalDate date) {
        await(symbol + " up to " + date).atMost(Duration.ofSeconds(60)).until(() -> date.equals(jdbc.query(
                "select watermark from symbol_universe where symbol = ?", rs -> rs.next()
                        ? rs.getObject(1, LocalDate.class) : null, symbol)));
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", TestTokens.admin())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The configured provider, with a note of every price call and whether its caller had a transaction open. */
    static final class TransactionWatchingProvider implements MarketDataProvider {

        private final MarketDataProvider provider;

        TransactionWatchingProvider(MarketDataProvider provider) {
            this.provider = provider;
        }

        private static void note(String method, String symbols) {
            CALLS.add(new Call(method, symbols, TransactionSynchronizationManager.isActualTransactionActive()));
        }

        @Override
        public String name() {
            return provider.name();
        }

        @Override
        public List<DailyBar> dailyBars(String symbol, LocalDate from, LocalDate to) {
            note("dailyBars", symbol);
            return provider.dailyBars(symbol, from, to);
        }

        @Override
        public Map<String, Quote> quotes(Collection<String> symbols) {
            note("quotes", String.join(",", symbols));
            return provider.quotes(symbols);
        }

        @Override
        public boolean suppliesProfiles() {
            return provider.suppliesProfiles();
        }

        @Override
        public Map<String, CompanyProfile> profiles(Collection<String> symbols, Set<ProfilePart> parts) {
            return provider.profiles(symbols, parts);
        }

        @Override
        public List<FinancialStatement> statements(String symbol, StatementKind kind, Frequency frequency, int limit) {
            return provider.statements(symbol, kind, frequency, limit);
        }

        @Override
        public List<EarningsDate> earnings(String symbol) {
            return provider.earnings(symbol);
        }
    }
}
