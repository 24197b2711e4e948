package io.riskstream.system;

import io.riskstream.common.event.FactorsReady;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import io.riskstream.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * factor-service stopped in the middle of an onboarding burst and started again resumes from its committed
 * offsets: every symbol ends with exposures for every date of its horizon, and every (symbol, date) is announced by
 * exactly one factors-ready event (a redelivered input re-derives the same event id, which the outbox absorbs).
 * An in-JVM stop is graceful; killing processes with SIGKILL belongs to the fault-injection suite.
 */
class RestartResumeIT {

    private final RiskstreamSystem system = RiskstreamSystem.shared();
    private final EventCodec codec = new EventCodec();

    private void createPortfolio(String name, List<String> symbols) {
        StringBuilder positions = new StringBuilder();
        for (String s : symbols) {
            positions.append(positions.isEmpty() ? "" : ",").append("{\"symbol\":\"").append(s)
                    .append("\",\"quantity\":10,\"entryPrice\":20.0,\"entryDate\":\"2024-06-28\"}");
        }
        Http.Response created = Http.post(system.url("portfolio-service") + "/api/portfolios",
                "{\"name\":\"" + name + "\",\"equity\":100000,\"positions\":[" + positions + "]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @Test
    void aServiceStoppedMidRunResumesWithNothingMissedAndNothingTwice() {
        List<String> symbols = IntStream.rangeClosed(1, 8).mapToObj(i -> "RSM" + i).toList();
        JdbcTemplate factorDb = system.jdbc("factor-service");
        LocalDate asOf = LocalDate.parse(RiskstreamSystem.AS_OF);
        // the first half is computed before the stop, the second half arrives while factor-service is stopped: work
        // done and work left behind, whatever the speed of the machine (one poll may carry all of a portfolio's symbols)
        createPortfolio("restart, first half", symbols.subList(0, 4));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> factorDb.queryForObject(
                "select count(distinct symbol) from symbol_exposure where symbol like 'RSM%' and calculation_date = ?",
                Long.class, asOf) == 4);

        system.stop("factor-service");
        try {
            createPortfolio("restart, second half", symbols.subList(4, 8));
            await().atMost(Duration.ofSeconds(60)).until(() -> system.jdbc("price-service").queryForObject(
                    "select count(*) from symbol_universe where symbol like 'RSM%' and watermark = ?", Long.class, asOf) == 8);
            long finishedAtStop = factorDb.queryForObject("select count(distinct symbol) from symbol_exposure where "
                    + "symbol like 'RSM%' and calculation_date = ?", Long.class, asOf);
            // the stop left work behind: symbols without exposures, and their prices-ready waiting for the group
            assertThat(finishedAtStop).as("symbols finished while factor-service was stopped").isEqualTo(4);
            assertThat(KafkaTestClient.lag("factor-service", Topics.PRICES_READY)).as("prices-ready waiting while stopped")
                    .isPositive();
        } finally {
            // the system is shared by the other system tests: never leave it without factor-service
            system.start("factor-service");
        }

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                KafkaTestClient.lag("factor-service", Topics.PRICES_READY) == 0 && factorDb.queryForObject(
                        "select count(distinct symbol) from symbol_exposure where symbol like 'RSM%' and calculation_date = ?",
                        Long.class, asOf) == 8);
        await().atMost(Duration.ofSeconds(30)).until(() -> factorDb.queryForObject(
                "select count(*) from outbox_event where published_at is null", Long.class) == 0);

        Map<String, Set<LocalDate>> announced = new HashMap<>();
        Set<String> seenEvents = new HashSet<>();
        KafkaTestClient.readAll(Topics.FACTORS_READY, r -> r.key() != null && r.key().startsWith("RSM")).forEach(r -> {
            var event = codec.decode(Topics.FACTORS_READY, r.value(), FactorsReady.class);
            if (!seenEvents.add(event.eventId().toString())) {
                return; // at-least-once: the same event twice is the same fact
            }
            for (FactorsReady.DatedExposures dated : event.payload().exposures()) {
                if (dated.factors().containsKey("market_beta")) {
                    boolean first = announced.computeIfAbsent(event.payload().symbol(), k -> new HashSet<>())
                            .add(dated.calculationDate());
                    assertThat(first).as("%s %s announced by two different events", event.payload().symbol(),
                            dated.calculationDate()).isTrue();
                }
            }
        });
        for (String symbol : symbols) {
            List<LocalDate> computed = factorDb.queryForList("select distinct calculation_date from symbol_exposure "
                    + "where symbol = ? and factor = 'market_beta' order by 1", LocalDate.class, symbol);
            List<LocalDate> priced = factorDb.queryForList("select trade_date from price_point where symbol = ? "
                    + "and trade_date between ? and ? order by 1", LocalDate.class, symbol, asOf.minusDays(365), asOf);
            assertThat(computed).as(symbol).containsExactlyElementsOf(priced);
            assertThat(announced.get(symbol)).as(symbol).containsExactlyInAnyOrderElementsOf(computed);
        }
    }
}
