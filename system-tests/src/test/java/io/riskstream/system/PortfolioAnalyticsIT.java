package io.riskstream.system;

import io.riskstream.common.event.Topics;
import io.riskstream.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Issue 6 end to end: a portfolio with history is backfilled from its first entry date, one snapshot per trading day
 * rolled forward from its starting equity, and announced with portfolio-analytics-ready per date; its exposures are
 * the NAV-weighted sum of factor-service's stored symbol betas; positions are added and closed through the API.
 */
class PortfolioAnalyticsIT {

    private static final LocalDate AS_OF = LocalDate.parse(RiskstreamSystem.AS_OF);
    private static final LocalDate ENTRY = LocalDate.parse("2024-11-27");

    private final RiskstreamSystem system = RiskstreamSystem.shared();

    @Test
    void onboardingWithAnUnknownSymbolReachesAnalyticsWithEveryFactorAndReconcilingSnapshots() {
        Map<String, Double> quantities = new LinkedHashMap<>();
        quantities.put("PAXN", 1_000.0);   // unknown to the system: onboarded by this test
        quantities.put("SPY", 300.0);
        quantities.put("PAXS", -400.0);    // unknown too, and short
        String id = create("analytics test", 1_000_000, quantities, ENTRY);
        JsonNode exposures = awaitExposures(id, AS_OF, Duration.ofSeconds(120));

        // the date's analytics were announced (the outbox relay publishes after the commit the API already shows)
        List<JsonNode> announced = await().atMost(Duration.ofSeconds(30)).until(() -> announcedFor(id),
                list -> list.stream().anyMatch(p -> p.get("date").asString().equals(AS_OF.toString())
                        && !p.get("partial").asBoolean()));
        long distinctDates = announced.stream().map(p -> p.get("date").asString()).distinct().count();
        System.out.printf("portfolio-analytics-ready for the onboarded portfolio: %d events for %d dates%n",
                announced.size(), distinctDates);

        // every factor the symbol services computed, each the NAV-weighted sum of the stored symbol betas; the
        // provider beta arrives with the profiles, possibly after the first valuation, which is then redone
        JdbcTemplate factorDb = system.jdbc("factor-service");
        List<String> factorNames = factorDb.queryForList("select distinct factor from symbol_exposure where symbol = "
                + "'PAXN' and calculation_date = ?", String.class, AS_OF);
        assertThat(factorNames).hasSizeGreaterThanOrEqualTo(12);
        java.util.concurrent.atomic.AtomicReference<JsonNode> latest = new java.util.concurrent.atomic.AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode current = awaitExposures(id, AS_OF, Duration.ofSeconds(10));
            latest.set(current);
            assertThat(current.get("factors").propertyNames()).containsAll(factorNames);
            double navNow = current.get("nav").asDouble();
            for (String factor : factorNames) {
                double expected = 0;
                for (var position : quantities.entrySet()) {
                    Double beta = factorDb.queryForList("select beta from symbol_exposure where symbol = ? and "
                            + "calculation_date = ? and factor = ?", Double.class, position.getKey(), AS_OF, factor)
                            .stream().findFirst().orElse(0.0);
                    expected += position.getValue() * close(position.getKey(), AS_OF) / navNow * beta;
                }
                assertThat(current.get("factors").get(factor).get("exposure").asDouble()).as(factor)
                        .isCloseTo(expected, within(1e-9));
            }
        });
        exposures = latest.get();
        double nav = exposures.get("nav").asDouble();
        assertThat(exposures.get("coverage").asDouble()).isCloseTo(1.0, within(1e-12));

        // one snapshot per trading day from the entry date; P&L rolls the starting equity forward
        JsonNode snapshots = Http.get(system.url("portfolio-service") + "/api/portfolios/" + id + "/snapshots?from="
                + ENTRY + "&to=" + AS_OF).json().get("snapshots");
        List<LocalDate> dates = new ArrayList<>();
        snapshots.forEach(s -> dates.add(LocalDate.parse(s.get("date").asString())));
        assertThat(dates).hasSizeGreaterThanOrEqualTo(21).startsWith(ENTRY).endsWith(AS_OF).isSorted();
        JsonNode first = snapshots.get(0), last = snapshots.get(snapshots.size() - 1);
        assertThat(first.get("dailyPnl").asDouble()).isZero();
        assertThat(first.get("nav").asDouble()).isCloseTo(1_000_000, within(1e-6));
        double pnl = 0, flows = 0;
        for (int i = 1; i < snapshots.size(); i++) {
            pnl += snapshots.get(i).get("dailyPnl").asDouble();
            flows += snapshots.get(i).get("dailyCapitalFlow").asDouble();
        }
        double navChange = last.get("nav").asDouble() - first.get("nav").asDouble();
        assertThat(pnl + flows).isCloseTo(navChange, within(1e-4));
        assertThat(last.get("cumulativePnl").asDouble()).isCloseTo(pnl, within(1e-4));
        // ... and equals the market move of the book since the first close, from price-service's own bars
        double move = 0;
        for (var position : quantities.entrySet()) {
            move += position.getValue() * (close(position.getKey(), AS_OF) - close(position.getKey(), ENTRY));
        }
        assertThat(navChange).isCloseTo(move, within(1e-4));
        assertThat(last.get("nav").asDouble()).isCloseTo(nav, within(1e-6));
        assertThat(last.get("priceDate").asString()).isEqualTo(AS_OF.toString());
        assertThat(last.get("priceStalenessDays").asInt()).isZero();
        assertThat(last.get("positions").asInt()).isEqualTo(3);
        // HHI = 10,000 · Σ w², w = |market value| / Σ |market value|, from price-service's closes
        double gross = 0, sumSquares = 0;
        for (var position : quantities.entrySet()) {
            gross += Math.abs(position.getValue() * close(position.getKey(), AS_OF));
        }
        for (var position : quantities.entrySet()) {
            double w = Math.abs(position.getValue() * close(position.getKey(), AS_OF)) / gross;
            sumSquares += w * w;
        }
        assertThat(last.get("concentration").get("hhi").asDouble()).isCloseTo(10_000 * sumSquares, within(1e-6));

        // sectors: each bucket's weight is its gross value over the NAV; SPY is an ETF
        JsonNode sectors = Http.get(system.url("portfolio-service") + "/api/portfolios/" + id + "/sectors?date=" + AS_OF)
                .json().get("sectors");
        sectors.properties().forEach(e -> assertThat(e.getValue().get("weight").asDouble())
                .isCloseTo(e.getValue().get("marketValue").asDouble() / nav, within(1e-12)));
        assertThat(sectors.has("ETFs")).as(sectors.toString()).isTrue();
    }

    @Test
    void positionsAreAddedAndClosedThroughTheApiAndInvalidOnesAreRejectedWithTheFieldNamed() {
        String id = create("api positions", 500_000, Map.of("SPY", 100.0), ENTRY);
        awaitExposures(id, AS_OF, Duration.ofSeconds(120));
        String positions = system.url("portfolio-service") + "/api/portfolios/" + id + "/positions";
        long before = count("select count(*) from position where portfolio_id = '" + id + "'");
        Map<String, String> invalid = Map.of(
                "quantity", "{\"symbol\":\"SPY\",\"quantity\":0,\"entryPrice\":1,\"entryDate\":\"2024-12-02\"}",
                "entryPrice", "{\"symbol\":\"SPY\",\"quantity\":1,\"entryPrice\":-1,\"entryDate\":\"2024-12-02\"}",
                "entryDate", "{\"symbol\":\"SPY\",\"quantity\":1,\"entryPrice\":1,\"entryDate\":\"2999-01-01\"}",
                "position.entryDate", "{\"symbol\":\"SPY\",\"quantity\":1,\"entryPrice\":1,\"entryDate\":\"1989-12-29\"}",
                "position.quantity", "{\"symbol\":\"SPY\",\"quantity\":1e30,\"entryPrice\":1,\"entryDate\":\"2024-12-02\"}",
                "symbol", "{\"symbol\":\"NOT A SYMBOL!\",\"quantity\":1,\"entryPrice\":1,\"entryDate\":\"2024-12-02\"}");
        invalid.forEach((field, body) -> {
            Http.Response r = Http.post(positions, body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.json().get("detail").asString()).as(body).contains(field);
        });
        assertThat(count("select count(*) from position where portfolio_id = '" + id + "'")).isEqualTo(before);

        Http.Response added = Http.post(positions,
                "{\"symbol\":\"SPY\",\"quantity\":50,\"entryPrice\":590,\"entryDate\":\"2024-12-10\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String positionId = added.json().get("id").asString();
        Http.Response badClose = Http.post(positions + "/" + positionId + "/close",
                "{\"exitDate\":\"2024-12-20\",\"exitPrice\":-5}");
        assertThat(badClose.status()).isEqualTo(400);
        assertThat(badClose.json().get("detail").asString()).contains("exitPrice");
        Http.Response closed = Http.post(positions + "/" + positionId + "/close",
                "{\"exitDate\":\"2024-12-20\",\"exitPrice\":600}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("realizedPnl").asDouble()).isCloseTo(500, within(1e-9));

        // the whole history was recomputed in the calls: still one snapshot per day, still reconciling
        JsonNode snapshots = Http.get(system.url("portfolio-service") + "/api/portfolios/" + id + "/snapshots?from="
                + ENTRY + "&to=" + AS_OF).json().get("snapshots");
        double pnl = 0;
        for (int i = 1; i < snapshots.size(); i++) {
            pnl += snapshots.get(i).get("dailyPnl").asDouble();
        }
        JsonNode last = snapshots.get(snapshots.size() - 1);
        assertThat(last.get("nav").asDouble() - 500_000).isCloseTo(pnl, within(1e-4));
        double expected = 100 * (close("SPY", AS_OF) - close("SPY", ENTRY)) + 50 * (600 - 590);
        assertThat(last.get("nav").asDouble() - 500_000).isCloseTo(expected, within(1e-4));
        assertThat(last.get("positions").asInt()).isEqualTo(1);
    }

    @Test
    void theApiIsDescribedByAnOpenApiDocument() {
        Http.Response docs = Http.get(system.url("portfolio-service") + "/v3/api-docs");
        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames()).contains("/api/portfolios", "/api/portfolios/{id}/snapshots",
                "/api/portfolios/{id}/sectors", "/api/portfolios/{id}/positions",
                "/api/portfolios/{id}/positions/{positionId}/close");
    }

    @Test
    void onboardingLatencyIsLogged() {
        // three portfolios, each with its own unknown symbol, created together: time from the API call to analytics
        List<CompletableFuture<Long>> runs = IntStream.range(0, 3).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
            long t0 = System.nanoTime();
            String id = create("latency " + i, 250_000, Map.of("PLT" + (char) ('A' + i), 100.0, "SPY", 10.0), ENTRY);
            awaitExposures(id, AS_OF, Duration.ofSeconds(180));
            return (System.nanoTime() - t0) / 1_000_000;
        })).toList();
        List<Long> millis = runs.stream().map(CompletableFuture::join).sorted().toList();
        System.out.printf("onboarding → portfolio analytics for %s (ms, 3 concurrent onboardings): %s; median %d, max %d%n",
                AS_OF, millis, millis.get(1), millis.get(2));
        assertThat(millis).hasSize(3);
    }

    private String create(String name, double equity, Map<String, Double> quantities, LocalDate entry) {
        StringBuilder positions = new StringBuilder();
        quantities.forEach((symbol, qty) -> positions.append(positions.isEmpty() ? "" : ",").append("""
                {"symbol":"%s","quantity":%s,"entryPrice":100.0,"entryDate":"%s"}""".formatted(symbol, qty, entry)));
        Http.Response created = Http.post(system.url("portfolio-service") + "/api/portfolios",
                "{\"name\":\"%s\",\"equity\":%s,\"positions\":[%s]}".formatted(name, equity, positions));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private JsonNode awaitExposures(String id, LocalDate date, Duration timeout) {
        return await().atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> Http.get(system.url("portfolio-service") + "/api/portfolios/" + id + "/exposures?date=" + date),
                        r -> r.status() == 200).json();
    }

    private double close(String symbol, LocalDate date) {
        return system.jdbc("price-service").queryForObject("select coalesce(close, adj_close) from daily_bar where "
                + "symbol = ? and trade_date = (select max(trade_date) from daily_bar where symbol = ? and trade_date <= ?)",
                Double.class, symbol, symbol, date);
    }

    private long count(String sql) {
        return system.jdbc("portfolio-service").queryForObject(sql, Long.class);
    }

    private static List<JsonNode> announcedFor(String portfolioId) {
        return KafkaTestClient.readAll(Topics.PORTFOLIO_ANALYTICS_READY, r -> portfolioId.equals(r.key())).stream()
                .map(r -> Http.JSON.readTree(r.value()).get("payload")).toList();
    }
}
