package io.riskstream.price;

import io.micrometer.core.instrument.MeterRegistry;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.DailyClose;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.PricesReady;
import io.riskstream.common.event.SymbolAdded.Tier;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import io.riskstream.common.application.UnitOfWork;
import io.riskstream.price.application.Cause;
import io.riskstream.price.application.PriceFetch;
import io.riskstream.price.application.PriceHistory;
import io.riskstream.price.application.UniverseStore;
import io.riskstream.testsupport.KafkaTestClient;
import io.riskstream.testsupport.MutableClock;
import io.riskstream.testsupport.TestInfra;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** price-service on the simulated market, over real Kafka and PostgreSQL, with a clock the test moves. */
@SpringBootTest(properties = {
        "riskstream.daily-close.scheduler-enabled=false",
        "riskstream.prices.history-days=30",
        "riskstream.prices.bootstrap-benchmarks=false",
        "riskstream.market-data.simulated-splits=SPLT:2024-12-31:2",
        "riskstream.outbox.poll-interval=50ms"})
@DirtiesContext
class DailyCloseIT {

    static final String GROUP = TestInfra.groupOf("price-service", DailyCloseIT.class);

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-12-30T23:30:00Z"));
    static final LocalDate MONDAY = LocalDate.of(2024, 12, 30);
    static final LocalDate TUESDAY = LocalDate.of(2024, 12, 31);

    @TestConfiguration
    static class Clocks {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "price-service", DailyCloseIT.class);
    }

    @Autowired UniverseStore universe;
    @Autowired PriceFetch fetch;
    @Autowired PriceHistory history;
    @Autowired UnitOfWork unitOfWork;
    @Autowired JdbcTemplate jdbc;
    @Autowired MeterRegistry meters;
    @Autowired EventCodec codec;

    @Test
    void aDailyCloseFetchesOneNewBarPerDueSymbolFromBatchQuotesAndASecondCloseFetchesNothing() {
        List<String> symbols = IntStream.range(0, 1000).mapToObj(i -> "DC" + i).toList();
        CLOCK.set(Instant.parse("2024-12-30T23:30:00Z"));
        Cause setup = Cause.ofRun(UUID.randomUUID());
        for (String symbol : symbols) {
            bringUpToDate(symbol, MONDAY, setup);
        }
        Map<String, Long> before = barCounts();
        assertThat(before).hasSize(1000);
        KafkaTestClient.awaitConsumed(GROUP);
        double callsBefore = providerCalls();

        CLOCK.set(Instant.parse("2024-12-31T23:30:00Z"));
        sendDailyClose(TUESDAY);
        await().atMost(Duration.ofSeconds(120)).until(() -> jdbc.queryForObject(
                "select count(*) from symbol_universe where symbol like 'DC%' and watermark = ?", Long.class, TUESDAY) == 1000);

        Map<String, Long> after = barCounts();
        assertThat(after).allSatisfy((symbol, n) -> assertThat(n).as(symbol).isEqualTo(before.get(symbol) + 1));
        // one batch-quote call for all 1,000 symbols (the simulated provider takes any batch size), no history calls
        assertThat(providerCalls() - callsBefore).isEqualTo(1.0);

        sendDailyClose(TUESDAY);
        KafkaTestClient.awaitConsumed(GROUP);
        assertThat(providerCalls() - callsBefore).isEqualTo(1.0);
        assertThat(barCounts()).isEqualTo(after);
    }

    @Test
    void aSplitRebasesTheStoredHistoryAndAnnouncesTheReplacement() {
        CLOCK.set(Instant.parse("2024-12-30T23:30:00Z"));
        bringUpToDate("SPLT", MONDAY, Cause.ofRun(UUID.randomUUID()));
        double friday = adjClose("SPLT", LocalDate.of(2024, 12, 27));
        long stored = jdbc.queryForObject("select count(*) from daily_bar where symbol = 'SPLT'", Long.class);

        CLOCK.set(Instant.parse("2024-12-31T23:30:00Z"));
        sendDailyClose(TUESDAY);
        await().atMost(Duration.ofSeconds(60)).until(() -> TUESDAY.equals(jdbc.queryForObject(
                "select watermark from symbol_universe where symbol = 'SPLT'", LocalDate.class)));

        assertThat(adjClose("SPLT", LocalDate.of(2024, 12, 27))).isCloseTo(friday / 2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(jdbc.queryForObject("select count(*) from daily_bar where symbol = 'SPLT'", Long.class)).isEqualTo(stored + 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<PricesReady> replaced = KafkaTestClient.readAll(Topics.PRICES_READY, r -> "SPLT".equals(r.key())).stream()
                    .map(r -> codec.decode(Topics.PRICES_READY, r.value(), PricesReady.class).payload())
                    .filter(PricesReady::historyReplaced).toList();
            assertThat(replaced).hasSize(1);
            assertThat(replaced.getFirst().bars()).hasSize((int) stored + 1);
            assertThat(replaced.getFirst().through()).isEqualTo(TUESDAY);
        });
    }

    /** An ACTIVE symbol with its history up to {@code date}, fetched first and then stored, as the service does. */
    private void bringUpToDate(String symbol, LocalDate date, Cause cause) {
        universe.register(symbol, Tier.ACTIVE);
        var fetched = fetch.upTo(symbol, date);
        unitOfWork.run(() -> history.store(fetched, cause));
    }

    private void sendDailyClose(LocalDate date) {
        UUID id = UUID.randomUUID();
        KafkaTestClient.send(Topics.DAILY_CLOSE, date.toString(), codec.encode(EventEnvelope.of(id,
                EventIds.named("test-run", id.toString()), Instant.now(), new DailyClose(date))));
    }

    private double adjClose(String symbol, LocalDate date) {
        return jdbc.queryForObject("select adj_close from daily_bar where symbol = ? and trade_date = ?", Double.class,
                symbol, date);
    }

    private Map<String, Long> barCounts() {
        return jdbc.queryForList("select symbol, count(*) n from daily_bar where symbol like 'DC%' group by symbol")
                .stream().collect(Collectors.toMap(r -> (String) r.get("symbol"), r -> ((Number) r.get("n")).longValue()));
    }

    /** Calls that reached the simulated provider (resilience4j counts each call that passes its retry). */
    private double providerCalls() {
        return meters.find("resilience4j.retry.calls").tag("name", "simulated").functionCounters().stream()
                .mapToDouble(c -> c.count()).sum();
    }
}
