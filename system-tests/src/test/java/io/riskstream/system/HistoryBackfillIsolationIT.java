package io.riskstream.system;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.FactorsReady;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import io.riskstream.testsupport.KafkaTestClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The legacy root cause, inverted: a portfolio created with four years of history is backfilled by itself, while
 * the next session's results of 100 existing portfolios holding the same symbols are computed alongside it — not
 * after it — and nothing those 100 portfolios had stored changes.
 */
class HistoryBackfillIsolationIT {

    private static final LocalDate NEXT = LocalDate.parse("2025-01-02");
    private static final List<String> SYMBOLS = List.of("ISOAX", "ISOBX");
    private static final int EXISTING = 100;

    private final RiskstreamSystem system = RiskstreamSystem.shared();
    private final EventCodec codec = new EventCodec();

    @Test
    void aPortfolioWithHistoryNeitherDelaysNorChangesTheDailyResultsOfOneHundredOthers() {
        String api = system.url("portfolio-service") + "/api/portfolios";
        // 100 portfolios, each the same book scaled by i (so each has the same weights), from 2024-12-02
        List<String> existing = new ArrayList<>();
        for (int i = 1; i <= EXISTING; i++) {
            Http.Response created = Http.post(api, portfolio("existing " + i, 100_000 * i, 10 * i, "2024-12-02"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            existing.add(created.json().get("id").asString());
            if (i == 1) { // the first one onboards the symbols; the others find them stored
                await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() ->
                        Http.get(api + "/" + existing.getFirst() + "/exposures?date=" + RiskstreamSystem.AS_OF).status() == 200);
            }
        }
        JdbcTemplate db = system.jdbc("portfolio-service");
        String inExisting = "portfolio_id in ('" + String.join("','", existing) + "')";
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> db.queryForObject(
                "select count(*) from portfolio_analytics where calculation_date = '" + RiskstreamSystem.AS_OF + "' and "
                        + inExisting, Long.class) == EXISTING);
        String before = digest(db, inExisting);

        // the history portfolio: 2021-01-04 onwards, about a thousand sessions, most of them left to the drainer
        CompletableFuture<Http.Response> history = CompletableFuture.supplyAsync(() ->
                Http.post(api, portfolio("with history", 1_000_000, 500, "2021-01-04")));
        String historyId = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() ->
                db.queryForList("select id::text from portfolio where name = 'with history'", String.class),
                ids -> !ids.isEmpty()).getFirst();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> db.queryForObject(
                "select count(*) from portfolio_snapshot where portfolio_id = '" + historyId + "'", Long.class) > 0);

        // while it backfills, the next session's betas arrive: a daily close for every holder of the symbols
        UUID run = UUID.randomUUID();
        for (String symbol : SYMBOLS) {
            FactorsReady ready = new FactorsReady(symbol, List.of(new FactorsReady.DatedExposures(NEXT,
                    Map.of("market_beta", new FactorsReady.FactorValue(1.0, null, null, null, null, null, 60)))));
            KafkaTestClient.send(Topics.FACTORS_READY, symbol, codec.encode(EventEnvelope.of(UUID.randomUUID(), run,
                    Instant.now(), ready)));
        }
        assertThat(history.join().status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(500)).until(() -> db.queryForObject(
                "select count(*) from portfolio_analytics where calculation_date = '" + NEXT + "' and (" + inExisting
                        + " or portfolio_id = '" + historyId + "')", Long.class) == EXISTING + 1);

        // not delayed: each of the 100 was announced for the new session before the history portfolio reached even
        // the last session of its backfill (the drainer takes a few dates of each waiting portfolio per round)
        Set<String> existingIds = new HashSet<>(existing);
        // (the outbox relay publishes after the commit the count above sees, so wait for the announcements too)
        List<ConsumerRecord<String, String>> announced = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> KafkaTestClient.readAll(
                        Topics.PORTFOLIO_ANALYTICS_READY, r -> existingIds.contains(r.key()) || historyId.equals(r.key())),
                        list -> list.stream().filter(r -> existingIds.contains(r.key()) && date(r).equals(NEXT))
                                .map(ConsumerRecord::key).distinct().count() == EXISTING
                                && list.stream().anyMatch(r -> r.key().equals(historyId)
                                && date(r).equals(LocalDate.parse(RiskstreamSystem.AS_OF))));
        long historyReachedAsOf = announced.stream().filter(r -> r.key().equals(historyId))
                .filter(r -> date(r).equals(LocalDate.parse(RiskstreamSystem.AS_OF)))
                .mapToLong(ConsumerRecord::timestamp).min().orElseThrow();
        // each portfolio's first announcement of the new session (a betas event that lands while the session is
        // being computed makes the drainer compute it once more, and announce it again: never lose, at worst repeat)
        Map<String, Long> existingNext = new java.util.TreeMap<>();
        announced.stream().filter(r -> existingIds.contains(r.key()) && date(r).equals(NEXT))
                .forEach(r -> existingNext.merge(r.key(), r.timestamp(), Math::min));
        assertThat(existingNext.keySet()).containsExactlyInAnyOrderElementsOf(existing);
        assertThat(existingNext.values()).allSatisfy(t -> assertThat(t).isLessThan(historyReachedAsOf));

        // not changed: every row the 100 had stored is as it was, and the new session has full coverage and the
        // same exposure in each (same weights, betas of 1)
        assertThat(digest(db, inExisting)).isEqualTo(before);
        // betas of 1: each portfolio's market beta is its net exposure over its NAV for the session
        List<Map<String, Object>> next = db.queryForList("""
                select e.exposure, s.net_exposure / s.nav::float8 expected from portfolio_factor_exposure e
                join portfolio_snapshot s on s.portfolio_id = e.portfolio_id and s.snapshot_date = e.calculation_date
                where e.calculation_date = '%s' and e.factor = 'market_beta' and e.%s""".formatted(NEXT, inExisting));
        assertThat(next).hasSize(EXISTING).allSatisfy(row -> assertThat((Double) row.get("exposure"))
                .isCloseTo((Double) row.get("expected"), within(1e-12)));
        assertThat(db.queryForList("select distinct coverage from portfolio_analytics where calculation_date = '" + NEXT
                + "' and " + inExisting, Double.class)).containsExactly(1.0);
    }

    private static String portfolio(String name, long equity, int quantity, String entryDate) {
        StringBuilder positions = new StringBuilder();
        for (String symbol : SYMBOLS) {
            positions.append(positions.isEmpty() ? "" : ",").append("""
                    {"symbol":"%s","quantity":%d,"entryPrice":50.0,"entryDate":"%s"}""".formatted(symbol, quantity, entryDate));
        }
        return "{\"name\":\"" + name + "\",\"equity\":" + equity + ",\"positions\":[" + positions + "]}";
    }

    private static LocalDate date(ConsumerRecord<String, String> record) {
        JsonNode payload = Http.JSON.readTree(record.value()).get("payload");
        return LocalDate.parse(payload.get("date").asString());
    }

    /** Every business column of the 100 portfolios' snapshots and factor exposures through the as-of date. */
    private static String digest(JdbcTemplate db, String inExisting) {
        String snapshots = db.queryForObject("""
                select md5(string_agg(concat_ws('|', portfolio_id, snapshot_date, nav, long_value, short_value,
                  gross_exposure, net_exposure, cash, daily_pnl, cumulative_pnl, daily_return, num_positions,
                  price_date, factor_date, factor_coverage, partial, hhi, top3_weight), ',' order by portfolio_id,
                  snapshot_date)) from portfolio_snapshot where snapshot_date <= '%s' and %s"""
                .formatted(RiskstreamSystem.AS_OF, inExisting), String.class);
        String exposures = db.queryForObject("""
                select md5(string_agg(concat_ws('|', portfolio_id, calculation_date, factor, exposure, dollar), ','
                  order by portfolio_id, calculation_date, factor)) from portfolio_factor_exposure
                where calculation_date <= '%s' and %s""".formatted(RiskstreamSystem.AS_OF, inExisting), String.class);
        return snapshots + "/" + exposures;
    }
}
