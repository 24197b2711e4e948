package io.riskstream.portfolio.it;

import io.riskstream.common.calendar.NyseCalendar;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.FactorsReady;
import io.riskstream.common.event.PriceBar;
import io.riskstream.common.event.PricesReady;
import io.riskstream.common.event.ProfileUpdated;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import io.riskstream.portfolio.PortfolioServiceApplication;
import io.riskstream.portfolio.domain.risk.CorrelationAnalysis;
import io.riskstream.portfolio.domain.risk.PriceHistories;
import io.riskstream.portfolio.domain.risk.ReferenceScript;
import io.riskstream.portfolio.domain.risk.VolatilityAnalysis;
import io.riskstream.testsupport.KafkaTestClient;
import io.riskstream.testsupport.TestInfra;
import io.riskstream.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * portfolio-service's risk analytics over a real Kafka broker and PostgreSQL: bars and betas arrive as prices-ready
 * and factors-ready, portfolios through the API; every analytic is stored per date, served, and announced.
 */
@SpringBootTest(classes = PortfolioServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "riskstream.market-data.as-of-date=2024-12-31", "riskstream.outbox.poll-interval=50ms"})
@DirtiesContext
class RiskAnalyticsIT {

    static final List<String> ETFS = List.of("SPY", "TLT", "VTV", "VUG", "MTUM", "QUAL", "IWM", "USMV");
    static final LocalDate HISTORY = LocalDate.of(2022, 6, 1), LAST = LocalDate.of(2024, 12, 31);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final EventCodec CODEC = new EventCodec();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final double TOLERANCE = 1e-9;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "portfolio-service", RiskAnalyticsIT.class);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private double worst;

    @Test
    void aRealYearOfRiskAnalyticsIsStoredForEveryDateEqualToTheIndependentReference() throws IOException {
        Path prices = realPrices();
        assumeTrue(ReferenceScript.available(), ReferenceScript.WHY_NOT);
        Path bookFile = Path.of("src/test/resources/reference/real-book.json").toAbsolutePath();
        JsonNode book = JSON.readTree(bookFile.toFile());
        JsonNode reference = ReferenceScript.run(prices, bookFile, "2024-01-02..2024-12-31");
        Map<String, Double> quantities = new TreeMap<>();
        book.get("positions").forEach(p -> quantities.put(p.get("symbol").asString(), p.get("quantity").asDouble()));
        List<String> symbols = new ArrayList<>(ETFS);
        quantities.keySet().stream().filter(s -> !symbols.contains(s)).forEach(symbols::add);
        symbols.forEach(s -> publishRealBars(prices, s, HISTORY, LAST));
        for (String s : quantities.keySet()) {
            Map<LocalDate, Map<String, FactorsReady.FactorValue>> betas = new TreeMap<>();
            for (JsonNode date : reference.get("dates")) {
                Map<String, FactorsReady.FactorValue> factors = new HashMap<>();
                date.at("/betas/" + s).properties().forEach(f -> factors.put(f.getKey(), f.getKey().equals("market_beta")
                        ? new FactorsReady.FactorValue(f.getValue().asDouble(), null,
                        date.at("/marketFits/" + s + "/rSquared").asDouble(), null, null, null,
                        date.at("/marketFits/" + s + "/observations").asInt())
                        : new FactorsReady.FactorValue(f.getValue().asDouble(), null, null, null, null, null, null)));
                betas.put(LocalDate.parse(date.get("date").asString()), factors);
            }
            publishFactors(s, betas);
        }
        awaitStored(symbols, quantities.keySet(), LAST, 252);

        Map<String, Double> entry = new TreeMap<>();
        quantities.keySet().forEach(s -> entry.put(s, 100.0));
        String id = create("real year", 1_000_000, quantities, entry, LocalDate.parse("2024-01-02"));
        awaitComputed(id, 252);

        List<JsonNode> dates = new ArrayList<>();
        reference.get("dates").forEach(dates::add);
        JsonNode betas = get("/api/portfolios/" + id + "/betas?from=2024-01-02&to=2024-12-31").get("betas");
        JsonNode volatility = get("/api/portfolios/" + id + "/volatility?from=2024-01-02&to=2024-12-31").get("volatility");
        JsonNode stress = get("/api/portfolios/" + id + "/stress-tests?from=2024-01-02&to=2024-12-31").get("results");
        JsonNode snapshots = get("/api/portfolios/" + id + "/snapshots?from=2024-01-02&to=2024-12-31").get("snapshots");
        assertThat(betas).hasSize(252);
        assertThat(volatility).hasSize(252);
        assertThat(snapshots).hasSize(252);
        assertThat(stress).hasSize(252 * 19);
        Map<String, JsonNode> stressByKey = new HashMap<>();
        stress.forEach(r -> stressByKey.put(r.get("date").asString() + " " + r.get("scenarioId").asString(), r));
        int clustered = 0;
        for (int i = 0; i < dates.size(); i++) {
            JsonNode ref = dates.get(i);
            String d = ref.get("date").asString(), at = d + " ";
            assertThat(volatility.get(i).get("date").asString()).isEqualTo(d);
            close(at + "nav", snapshots.get(i).get("nav"), ref.get("nav"));
            JsonNode b = betas.get(i), sb = ref.get("snapshotBetas");
            close(at + "market beta", b.get("marketBeta90d"), sb.get("marketBeta90d"));
            close(at + "market beta R²", b.get("marketBetaRSquared"), sb.get("marketBetaRSquared"));
            assertThat(b.get("marketBetaObservations").asInt()).isEqualTo(sb.get("marketBetaObservations").asInt());
            close(at + "provider beta", b.get("providerBeta1y"), sb.get("providerBeta1y"));
            JsonNode v = volatility.get(i), rv = ref.get("volatility");
            assertThat(v.get("observations").asInt()).as(at).isEqualTo(rv.get("observations").asInt());
            for (String f : List.of("realized21d", "realized63d", "expected21d", "harRSquared", "trendSlope",
                    "trendRSquared", "percentile")) {
                close(at + f, v.get(f), rv.get(f));
            }
            assertThat(v.get("trend").asString()).as(at + "trend").isEqualTo(rv.get("trend").asString());
            JsonNode exposures = get("/api/portfolios/" + id + "/exposures?date=" + d).get("factors");
            ref.get("exposures").properties().forEach(e -> close(at + "exposure " + e.getKey(),
                    exposures.at("/" + e.getKey() + "/exposure"), e.getValue().get(0)));
            ref.get("stress").properties().forEach(e -> {
                JsonNode s = stressByKey.get(d + " " + e.getKey());
                close(at + e.getKey() + " direct", s.get("directPnl"), e.getValue().get("direct"));
                close(at + e.getKey() + " correlated", s.get("correlatedPnl"), e.getValue().get("correlated"));
            });
            JsonNode c = get("/api/portfolios/" + id + "/correlations?date=" + d).get("correlations").get(0);
            JsonNode rc = ref.get("correlations");
            if (rc.isNull()) {
                assertThat(c.get("reason").isNull()).as(at + "no correlations, and why").isFalse();
                continue;
            }
            List<String> symbolsOf = new ArrayList<>();
            c.get("symbols").forEach(s -> symbolsOf.add(s.asString()));
            List<String> refSymbols = new ArrayList<>();
            rc.get("symbols").forEach(s -> refSymbols.add(s.asString()));
            assertThat(symbolsOf).as(at + "correlated symbols").isEqualTo(refSymbols);
            assertThat(c.get("dataPoints").asInt()).isEqualTo(rc.get("dataPoints").asInt());
            for (int k = 0; k < c.get("pairs").size(); k++) {
                close(at + "ρ " + k, c.get("pairs").get(k).get("correlation"), rc.get("pairs").get(k));
            }
            assertThat(c.get("pairs")).hasSize(rc.get("pairs").size());
            List<List<String>> clusters = new ArrayList<>(), refClusters = new ArrayList<>();
            c.get("clusters").forEach(g -> clusters.add(g.get("symbols").valueStream().map(JsonNode::asString).toList()));
            rc.get("clusters").forEach(g -> refClusters.add(g.valueStream().map(JsonNode::asString).toList()));
            assertThat(clusters).as(at + "clusters").isEqualTo(refClusters);
            clustered += clusters.isEmpty() ? 0 : 1;
            for (String f : List.of("overallCorrelation", "concentrationScore", "effectivePositions")) {
                close(at + f, c.get(f), rc.get(f));
            }
        }
        assertThat(clustered).as("dates with a cluster").isPositive();

        // position values on the last date: quantity × close, weight = value / NAV, unrealised P&L against the entry
        JsonNode last = dates.getLast();
        JsonNode positions = get("/api/portfolios/" + id + "/positions?date=2024-12-31").get("positions");
        assertThat(positions).hasSize(quantities.size());
        for (JsonNode p : positions) {
            String s = p.get("symbol").asString();
            close("value " + s, p.get("marketValue"), last.at("/marketValues/" + s));
            assertThat(p.get("weight").asDouble()).isCloseTo(last.at("/marketValues/" + s).asDouble()
                    / last.get("nav").asDouble(), within(1e-12));
            assertThat(p.get("unrealizedPnl").asDouble()).isCloseTo(p.get("marketValue").asDouble()
                    - 100 * quantities.get(s), within(1e-6));
            assertThat(p.get("priceDate").asString()).isEqualTo("2024-12-31");
            assertThat(p.get("sectorTag").asString()).isEqualTo("Uncategorized");
        }
        System.out.printf("RiskAnalyticsIT: a real year stored and served, worst relative difference from the "
                + "reference %.2e%n", worst);
    }

    /**
     * A daily close as portfolio-service sees it: the held symbols' new bar (prices-ready), then their betas for the
     * date (factors-ready); the date, waiting for those betas, is computed with every analytic and announced.
     */
    @Test
    void aDailyCloseRefreshesTheRiskAnalyticsWithTheRest() throws IOException {
        Path prices = realPrices();
        Map<String, Double> quantities = new TreeMap<>(Map.of("GOOGL", 2_000.0, "META", 500.0, "PG", 1_500.0,
                "JNJ", 1_000.0, "HD", 600.0));
        LocalDate monday = LocalDate.of(2024, 12, 30), entryDate = LocalDate.of(2024, 12, 2);
        ETFS.forEach(s -> publishRealBars(prices, s, HISTORY, LAST)); // benchmarks come first on a daily close
        quantities.keySet().forEach(s -> publishRealBars(prices, s, HISTORY, monday));
        List<LocalDate> days = NyseCalendar.instance().tradingDays(entryDate, monday);
        quantities.keySet().forEach(s -> publishFactors(s, syntheticBetas(s, days)));
        awaitStored(ETFS, quantities.keySet(), monday, days.size());
        Map<String, Double> entry = new TreeMap<>();
        quantities.keySet().forEach(s -> entry.put(s, 100.0));
        String id = create("daily close", 2_000_000, quantities, entry, entryDate);
        awaitComputed(id, days.size());
        assertThat(status("/api/portfolios/" + id + "/volatility?date=" + LAST)).isEqualTo(404);

        // the close of 2024-12-31
        quantities.keySet().forEach(s -> publishRealBars(prices, s, LAST, LAST));
        quantities.keySet().forEach(s -> publishFactors(s, syntheticBetas(s, List.of(LAST))));
        awaitComputed(id, days.size() + 1);

        JsonNode v = get("/api/portfolios/" + id + "/volatility?date=" + LAST).get("volatility").get(0);
        assertThat(v.get("realized21d").asDouble()).isPositive();
        assertThat(v.get("expected21d").asDouble()).isPositive();
        assertThat(v.get("percentile").isNull()).isFalse();
        assertThat(v.get("reason").isNull()).as(v.toString()).isTrue();
        JsonNode c = get("/api/portfolios/" + id + "/correlations?date=" + LAST).get("correlations").get(0);
        assertThat(c.get("symbols")).hasSize(5);
        assertThat(c.get("pairs")).hasSize(10);
        // computed from the new bar (the drain's cached histories followed the new closes): the same numbers as the
        // analytics of the real closes through 2024-12-31
        Map<String, Double> values = new TreeMap<>();
        Map<String, TreeMap<LocalDate, Double>> adjusted = new HashMap<>();
        for (String s : quantities.keySet()) {
            values.put(s, quantities.get(s) * realClose(prices, s, LAST));
            adjusted.put(s, realAdjusted(prices, s));
        }
        double nav = get("/api/portfolios/" + id + "/snapshots?from=" + LAST + "&to=" + LAST).at("/snapshots/0/nav").asDouble();
        var expectedVolatility = VolatilityAnalysis.compute(LAST, values, PriceHistories.of(adjusted));
        var expectedCorrelations = CorrelationAnalysis.compute(LAST, values, nav, PriceHistories.of(adjusted), Map.of());
        assertThat(v.get("realized21d").asDouble()).isCloseTo(expectedVolatility.realized21d(), within(1e-12));
        assertThat(v.get("expected21d").asDouble()).isCloseTo(expectedVolatility.expected21d(), within(1e-12));
        assertThat(c.get("effectivePositions").asDouble()).isCloseTo(expectedCorrelations.effectivePositions(),
                within(1e-12));
        JsonNode positions = get("/api/portfolios/" + id + "/positions?date=" + LAST).get("positions");
        for (JsonNode p : positions) {
            assertThat(p.get("priceDate").asString()).isEqualTo(LAST.toString());
            assertThat(p.get("marketValue").asDouble()).isCloseTo(quantities.get(p.get("symbol").asString())
                    * realClose(prices, p.get("symbol").asString(), LAST), within(1e-6));
        }
        double marketDollar = get("/api/portfolios/" + id + "/exposures?date=" + LAST).at("/factors/market_beta/dollar")
                .asDouble();
        JsonNode stress = get("/api/portfolios/" + id + "/stress-tests?date=" + LAST).get("results");
        assertThat(stress).hasSize(19);
        JsonNode down = stress.valueStream().filter(r -> r.get("scenarioId").asString().equals("market_down_10"))
                .findFirst().orElseThrow();
        assertThat(down.get("directPnl").asDouble()).isCloseTo(-0.1 * marketDollar, within(1e-6));

        // announced with the risk summary
        JsonNode announced = await().atMost(Duration.ofSeconds(30)).until(() -> announcement(id, LAST), a -> a != null);
        JsonNode risk = announced.get("risk");
        assertThat(risk.get("realizedVolatility21d").asDouble()).isCloseTo(v.get("realized21d").asDouble(), within(1e-15));
        assertThat(risk.get("stress").propertyNames()).hasSize(19);
        assertThat(risk.at("/stress/market_down_10/direct").asDouble()).isCloseTo(down.get("directPnl").asDouble(),
                within(1e-9));
        assertThat(risk.get("scenarioVersion").asString()).isEqualTo("2026.1");
    }

    /**
     * One short-history position: every analytic says why it has no value (never an exception or a zero), the API
     * answers bad parameters with 400 naming them, and tags follow the profile and the user.
     */
    @Test
    void aShortHistoryAndASinglePositionGiveReasonsAndTheApiNamesBadParameters() {
        String symbol = "RSKSHORT";
        List<LocalDate> days = NyseCalendar.instance().tradingDays(LocalDate.of(2024, 10, 30), LAST);
        List<PriceBar> bars = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            double p = 50 * (1 + 0.01 * Math.sin(i));
            bars.add(new PriceBar(days.get(i), null, null, null, p, p, null));
        }
        publish(new PricesReady(symbol, LAST, false, bars));
        Map<LocalDate, Map<String, FactorsReady.FactorValue>> betas = new TreeMap<>();
        days.forEach(d -> betas.put(d, Map.of("market_beta", new FactorsReady.FactorValue(1.2, null, 0.5, null, null,
                null, 40), "ir_beta", new FactorsReady.FactorValue(-0.1, null, null, null, null, null, 40))));
        publishFactors(symbol, betas);
        awaitStored(List.of(), List.of(symbol), LAST, days.size());
        String id = create("short", 100_000, Map.of(symbol, 1_000.0), Map.of(symbol, 50.0), LocalDate.of(2024, 12, 20));
        awaitComputed(id, NyseCalendar.instance().tradingDays(LocalDate.of(2024, 12, 20), LAST).size());

        JsonNode v = get("/api/portfolios/" + id + "/volatility?date=" + LAST).get("volatility").get(0);
        assertThat(v.get("realized21d").isNull()).isTrue();
        assertThat(v.get("reason").asString()).contains((days.size() - 1) + " aligned daily returns", "63 needed");
        JsonNode c = get("/api/portfolios/" + id + "/correlations?date=" + LAST).get("correlations").get(0);
        assertThat(c.get("effectivePositions").isNull()).isTrue();
        assertThat(c.get("reason").asString()).contains("1 position(s) qualify", "2 needed");
        JsonNode stress = get("/api/portfolios/" + id + "/stress-tests?date=" + LAST).get("results");
        JsonNode rotation = stress.valueStream().filter(r -> r.get("scenarioId").asString().equals("value_rotation"))
                .findFirst().orElseThrow();
        assertThat(rotation.get("directPnl").isNull()).isTrue();
        assertThat(rotation.get("reason").asString()).contains("no value exposure");
        JsonNode b = get("/api/portfolios/" + id + "/betas?date=" + LAST).get("betas").get(0);
        assertThat(b.get("marketBeta90d").asDouble()).isPositive();

        // bad parameters: 400 naming them; an unknown portfolio or date: 404
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("/volatility?date=2024-13-45", "date");
        bad.put("/volatility?date=2024-12-31&from=2024-12-01", "date cannot be combined");
        bad.put("/stress-tests?from=2024-12-31&to=2024-12-01", "from 2024-12-31 is after to 2024-12-01");
        bad.put("/correlations?from=yesterday", "from");
        bad.forEach((path, field) -> {
            Response r = send(HttpRequest.newBuilder(uri("/api/portfolios/" + id + path)).GET().build());
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.body()).as(path).contains(field);
        });
        assertThat(status("/api/portfolios/" + UUID.randomUUID() + "/volatility")).isEqualTo(404);
        assertThat(status("/api/portfolios/" + id + "/positions?date=2023-01-03")).isEqualTo(404);

        // the sector tag follows the profile: none yet, then the profile's sector title-cased
        String positionId = get("/api/portfolios/" + id + "/positions?date=" + LAST).at("/positions/0/positionId").asString();
        assertThat(get("/api/portfolios/" + id + "/positions?date=" + LAST).at("/positions/0/sectorTag").asString())
                .isEqualTo("Uncategorized");
        publish(new ProfileUpdated(symbol, ProfileUpdated.Tier.STATIC, List.of("sector"),
                new ProfileUpdated.ProfileFields("Short Inc", "consumer defensive", "Food", false, false, null, null,
                        null, null, null, null, null)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("/api/portfolios/" + id + "/positions?date="
                + LAST).at("/positions/0/sectorTag").asString()).isEqualTo("Consumer Defensive"));
        JsonNode sectorTag = get("/api/portfolios/" + id + "/tags").get("tags").valueStream()
                .filter(t -> t.get("kind").asString().equals("SECTOR")).findFirst().orElseThrow();
        assertThat(sectorTag.get("name").asString()).isEqualTo("Consumer Defensive");
        assertThat(sectorTag.get("colour").asString()).isEqualTo("#E91E63");

        // user tags: create, attach, exposure by tag, detach
        Response created = post("/api/portfolios/" + id + "/tags", "{\"name\":\"Core\",\"colour\":\"#112233\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String tagId = JSON.readTree(created.body()).get("id").asString();
        assertThat(post("/api/portfolios/" + id + "/tags", "{\"name\":\"Core\"}").status()).isEqualTo(409);
        Response blank = post("/api/portfolios/" + id + "/tags", "{\"name\":\" \"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("name");
        assertThat(put("/api/portfolios/" + id + "/positions/" + positionId + "/tags/" + tagId)).isEqualTo(204);
        assertThat(put("/api/portfolios/" + id + "/positions/" + positionId + "/tags/" + sectorTag.get("id").asString()))
                .isEqualTo(400);
        JsonNode core = get("/api/portfolios/" + id + "/tags/exposures?date=" + LAST).get("tags").valueStream()
                .filter(t -> t.get("name").asString().equals("Core")).findFirst().orElseThrow();
        double value = get("/api/portfolios/" + id + "/positions?date=" + LAST).at("/positions/0/marketValue").asDouble();
        assertThat(core.get("marketValue").asDouble()).isCloseTo(value, within(1e-9));
        assertThat(core.get("unrealizedPnl").asDouble()).isCloseTo(value - 50_000, within(1e-6));
        assertThat(get("/api/portfolios/" + id + "/positions?date=" + LAST).at("/positions/0/tags/0").asString())
                .isEqualTo("Core");
        assertThat(delete("/api/portfolios/" + id + "/positions/" + positionId + "/tags/" + tagId)).isEqualTo(204);
        assertThat(delete("/api/portfolios/" + id + "/positions/" + positionId + "/tags/" + tagId)).isEqualTo(404);
    }

    // ---- inputs -------------------------------------------------------------------------------------------------

    private static Map<LocalDate, Map<String, FactorsReady.FactorValue>> syntheticBetas(String symbol, List<LocalDate> days) {
        double tilt = (symbol.hashCode() % 7) / 10.0;
        Map<LocalDate, Map<String, FactorsReady.FactorValue>> betas = new TreeMap<>();
        for (LocalDate d : days) {
            Map<String, FactorsReady.FactorValue> f = new HashMap<>();
            f.put("market_beta", new FactorsReady.FactorValue(0.8 + tilt, null, 0.4, null, null, null, 83));
            for (String factor : List.of("ir_beta", "value", "growth", "momentum", "quality", "size", "low_volatility")) {
                f.put(factor, new FactorsReady.FactorValue(tilt - 0.3, null, null, null, null, null, 83));
            }
            betas.put(d, f);
        }
        return betas;
    }

    private void publishRealBars(Path prices, String symbol, LocalDate from, LocalDate to) {
        List<PriceBar> bars = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(prices.resolve(symbol + ".csv"));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                LocalDate d = LocalDate.parse(f[0]);
                if (!d.isBefore(from) && !d.isAfter(to)) {
                    bars.add(new PriceBar(d, null, null, null, f[4].isBlank() ? null : Double.parseDouble(f[4]),
                            Double.parseDouble(f[5]), null));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        publish(new PricesReady(symbol, to, false, bars));
    }

    private static double realClose(Path prices, String symbol, LocalDate date) throws IOException {
        for (String line : Files.readAllLines(prices.resolve(symbol + ".csv"))) {
            String[] f = line.split(",", -1);
            if (f[0].equals(date.toString())) {
                return Double.parseDouble(f[4].isBlank() ? f[5] : f[4]);
            }
        }
        throw new IllegalStateException("no " + symbol + " bar on " + date);
    }

    private static TreeMap<LocalDate, Double> realAdjusted(Path prices, String symbol) throws IOException {
        TreeMap<LocalDate, Double> closes = new TreeMap<>();
        List<String> lines = Files.readAllLines(prices.resolve(symbol + ".csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            LocalDate d = LocalDate.parse(f[0]);
            if (!d.isBefore(HISTORY) && !d.isAfter(LAST)) {
                closes.put(d, Double.parseDouble(f[5]));
            }
        }
        return closes;
    }

    private void publishFactors(String symbol, Map<LocalDate, Map<String, FactorsReady.FactorValue>> betas) {
        List<FactorsReady.DatedExposures> dated = new ArrayList<>();
        betas.forEach((d, f) -> dated.add(new FactorsReady.DatedExposures(d, f)));
        publish(new FactorsReady(symbol, dated));
    }

    private static void publish(io.riskstream.common.event.EventPayload payload) {
        EventEnvelope<?> e = EventEnvelope.of(UUID.randomUUID(), UUID.randomUUID(), Instant.now(), payload);
        KafkaTestClient.send(e.topic(), e.key(), CODEC.encode(e));
    }

    private void awaitStored(List<String> closesOf, java.util.Collection<String> betasOf, LocalDate through, int betaDates) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (String s : closesOf) {
                assertThat(jdbc.queryForObject("select max(trade_date) from symbol_price where symbol = ?",
                        LocalDate.class, s)).as(s).isEqualTo(LAST);
            }
            for (String s : betasOf) {
                assertThat(jdbc.queryForObject("select max(trade_date) from symbol_price where symbol = ?",
                        LocalDate.class, s)).as(s).isEqualTo(through);
                assertThat(jdbc.queryForObject("select count(*) from symbol_betas where symbol = ?",
                        Integer.class, s)).as(s).isGreaterThanOrEqualTo(betaDates);
            }
        });
    }

    private void awaitComputed(String id, int dates) {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(jdbc.queryForObject("select count(*) from portfolio_risk where portfolio_id = ?::uuid",
                        Integer.class, id)).isEqualTo(dates));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(jdbc.queryForObject("select count(*) from portfolio_refresh_pending where portfolio_id = ?::uuid"
                        + " and calculation_date < '2024-12-31'", Integer.class, id)).isZero());
    }

    private String create(String name, double equity, Map<String, Double> quantities, Map<String, Double> entryPrices,
                          LocalDate entryDate) {
        StringBuilder positions = new StringBuilder();
        quantities.forEach((s, q) -> positions.append(positions.isEmpty() ? "" : ",").append("""
                {"symbol":"%s","quantity":%s,"entryPrice":%s,"entryDate":"%s"}""".formatted(s, q, entryPrices.get(s),
                entryDate)));
        Response r = post("/api/portfolios", "{\"name\":\"%s\",\"equity\":%s,\"positions\":[%s]}"
                .formatted(name, equity, positions));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("id").asString();
    }

    private static JsonNode announcement(String portfolioId, LocalDate date) {
        return KafkaTestClient.readAll(Topics.PORTFOLIO_ANALYTICS_READY, r -> portfolioId.equals(r.key())).stream()
                .map(r -> JSON.readTree(r.value()).get("payload"))
                .filter(p -> p.get("date").asString().equals(date.toString())).reduce((a, b) -> b).orElse(null);
    }

    // ---- comparison and HTTP ------------------------------------------------------------------------------------

    private void close(String what, JsonNode actual, JsonNode expected) {
        if (expected == null || expected.isNull()) {
            assertThat(actual == null || actual.isNull()).as(what + " is null in the reference: " + actual).isTrue();
            return;
        }
        assertThat(actual == null || actual.isNull()).as(what + " is missing").isFalse();
        double a = actual.asDouble(), e = expected.asDouble();
        if (Math.abs(a - e) > 1e-15) {
            double relative = Math.abs(a - e) / Math.abs(e);
            assertThat(relative).as(what + ": " + a + " vs " + e).isLessThanOrEqualTo(TOLERANCE);
            worst = Math.max(worst, relative);
        }
    }

    private static Path realPrices() {
        return ReferenceScript.realPrices();
    }

    record Response(int status, String body) {
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private JsonNode get(String path) {
        Response r = send(HttpRequest.newBuilder(uri(path)).GET().build());
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private int status(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build()).status();
    }

    private Response post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Authorization", TestTokens.portfolioWriter())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private int put(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", TestTokens.portfolioWriter())
                .PUT(HttpRequest.BodyPublishers.noBody()).build()).status();
    }

    private int delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", TestTokens.portfolioWriter())
                .DELETE().build()).status();
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
