package io.riskstream.system;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.FactorsReady;
import io.riskstream.common.event.PriceBar;
import io.riskstream.common.event.PricesReady;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import io.riskstream.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A burst of factors-ready for the thirty symbols of one portfolio, all for one new date, refreshes that portfolio
 * once for the date: the listener only queues (portfolio, date), and the drainer computes it when every symbol is in.
 */
class RefreshCoalescingIT {

    private static final LocalDate NEXT = LocalDate.parse("2025-01-02");

    private final RiskstreamSystem system = RiskstreamSystem.shared();
    private final EventCodec codec = new EventCodec();

    @Test
    void thirtySymbolsArrivingTogetherCauseOneRefreshPerDate() {
        List<String> symbols = IntStream.rangeClosed(1, 30).mapToObj(i -> "CO%02dX".formatted(i)).toList();
        StringBuilder positions = new StringBuilder();
        symbols.forEach(s -> positions.append(positions.isEmpty() ? "" : ",").append("""
                {"symbol":"%s","quantity":100,"entryPrice":50.0,"entryDate":"2024-12-02"}""".formatted(s)));
        Http.Response created = Http.post(system.url("portfolio-service") + "/api/portfolios",
                "{\"name\":\"burst\",\"equity\":1000000,\"positions\":[" + positions + "]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        String base = system.url("portfolio-service") + "/api/portfolios/" + id;
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> Http.get(base + "/exposures?date=" + RiskstreamSystem.AS_OF).status() == 200);

        // the next session's betas, one event per symbol, sent back to back
        UUID run = UUID.randomUUID();
        for (String symbol : symbols) {
            FactorsReady ready = new FactorsReady(symbol, List.of(new FactorsReady.DatedExposures(NEXT,
                    Map.of("market_beta", new FactorsReady.FactorValue(1.0, null, null, null, null, null, 60)))));
            KafkaTestClient.send(Topics.FACTORS_READY, symbol, codec.encode(EventEnvelope.of(UUID.randomUUID(), run,
                    Instant.now(), ready)));
        }
        JsonNode exposures = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> Http.get(base + "/exposures?date=" + NEXT), r -> r.status() == 200).json();
        assertThat(exposures.get("coverage").asDouble()).isEqualTo(1.0);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> system.jdbc("portfolio-service")
                .queryForObject("select count(*) from portfolio_refresh_pending where portfolio_id = '" + id + "'",
                        Long.class) == 0);
        List<JsonNode> announced = KafkaTestClient.readAll(Topics.PORTFOLIO_ANALYTICS_READY, r -> id.equals(r.key()))
                .stream().map(r -> Http.JSON.readTree(r.value()).get("payload"))
                .filter(p -> p.get("date").asString().equals(NEXT.toString())).toList();
        assertThat(announced).hasSize(1);
        // no close for the new date yet: valued on the previous close, and the snapshot says how stale that is
        JsonNode snapshot = Http.get(base + "/snapshots?from=" + NEXT + "&to=" + NEXT).json().get("snapshots").get(0);
        assertThat(snapshot.get("priceDate").asString()).isEqualTo(RiskstreamSystem.AS_OF);
        assertThat(snapshot.get("priceStalenessDays").asInt()).isEqualTo(1);

        // the closes of the new date arrive after the betas did (prices-ready overtaken): the date is valued again,
        // possibly several times while the thirty closes come in, until every position is marked at the new close
        for (String symbol : symbols) {
            PricesReady prices = new PricesReady(symbol, NEXT, false,
                    List.of(new PriceBar(NEXT, 60.0, 60.0, 60.0, 60.0, 60.0, 1_000L)));
            KafkaTestClient.send(Topics.PRICES_READY, symbol, codec.encode(EventEnvelope.of(UUID.randomUUID(), run,
                    Instant.now(), prices)));
        }
        JsonNode revalued = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> Http.get(base + "/snapshots?from=" + NEXT + "&to=" + NEXT).json().get("snapshots").get(0),
                        s -> s.get("priceDate").asString().equals(NEXT.toString())
                                && s.get("priceStalenessDays").asInt() == 0);
        assertThat(revalued.get("longValue").asDouble()).isEqualTo(30 * 100 * 60.0);
    }
}
