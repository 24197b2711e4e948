package io.riskstream.system;

import io.riskstream.common.calendar.NyseCalendar;
import io.riskstream.common.event.Topics;
import io.riskstream.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Issue 17 end to end, on the simulated market: a portfolio onboarded through the API gets, for every date from its
 * entry, snapshot betas, volatility, correlations, stress tests and position values — stored, served and announced
 * in portfolio-analytics-ready — and (where python3 with numpy and scipy is installed) they equal the independent
 * reference {@code tools/reference/portfolio_reference.py} run on price-service's bars, betas included: the stress
 * P&L rests on factor-service's betas, which the reference recomputes from the same prices.
 */
class RiskAnalyticsSystemIT {

    private static final LocalDate AS_OF = LocalDate.parse(RiskstreamSystem.AS_OF);
    private static final LocalDate ENTRY = LocalDate.parse("2024-11-27");
    private static final List<String> ETFS = List.of("SPY", "TLT", "VTV", "VUG", "MTUM", "QUAL", "IWM", "USMV");

    private final RiskstreamSystem system = RiskstreamSystem.shared();
    private double worst;

    @Test
    void anOnboardedPortfolioHasEveryRiskAnalyticStoredServedAnnouncedAndEqualToTheReference() throws Exception {
        Map<String, Double> quantities = new LinkedHashMap<>();
        quantities.put("RKSA", 3_000.0);
        quantities.put("RKSB", 2_000.0);
        quantities.put("RKSC", -1_500.0);
        quantities.put("SPY", 400.0);
        StringBuilder positions = new StringBuilder();
        quantities.forEach((s, q) -> positions.append(positions.isEmpty() ? "" : ",").append("""
                {"symbol":"%s","quantity":%s,"entryPrice":100.0,"entryDate":"%s"}""".formatted(s, q, ENTRY)));
        Http.Response created = Http.post(url("/api/portfolios"),
                "{\"name\":\"risk system test\",\"equity\":1000000,\"positions\":[" + positions + "]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();

        // every date computed complete (the provider betas arrive with the profiles and redo the dates)
        JsonNode announced = await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> latestAnnouncement(id), a -> a != null && !a.get("partial").asBoolean()
                        && a.get("risk") != null && !a.get("risk").isNull() && queueEmpty(id));
        int dates = system.jdbc("portfolio-service").queryForObject(
                "select count(*) from portfolio_risk where portfolio_id = ?::uuid", Integer.class, id);
        int sessions = NyseCalendar.instance().tradingDays(ENTRY, AS_OF).size();
        assertThat(dates).isEqualTo(sessions);

        JsonNode v = Http.get(url("/api/portfolios/" + id + "/volatility")).json().get("volatility").get(0);
        assertThat(v.get("date").asString()).isEqualTo(AS_OF.toString());
        assertThat(v.get("realized21d").asDouble()).isPositive();
        assertThat(v.get("observations").asInt()).isGreaterThanOrEqualTo(63);
        JsonNode stress = Http.get(url("/api/portfolios/" + id + "/stress-tests?date=" + AS_OF)).json().get("results");
        assertThat(stress).hasSize(19);
        JsonNode risk = announced.get("risk");
        assertThat(risk.get("stress").propertyNames()).hasSize(19);
        assertThat(risk.get("realizedVolatility21d").asDouble()).isCloseTo(v.get("realized21d").asDouble(), within(1e-15));
        JsonNode values = Http.get(url("/api/portfolios/" + id + "/positions?date=" + AS_OF)).json().get("positions");
        assertThat(values).hasSize(4);
        for (JsonNode p : values) {
            String s = p.get("symbol").asString();
            assertThat(p.get("priceDate").asString()).isEqualTo(AS_OF.toString());
            assertThat(p.get("marketValue").asDouble()).isCloseTo(quantities.get(s) * close(s, AS_OF), within(1e-6));
            assertThat(p.get("sectorTag").isNull()).as(p.toString()).isFalse();
        }
        JsonNode portfolio = Http.get(url("/api/portfolios/" + id)).json();
        portfolio.get("positions").forEach(p -> assertThat(p.get("valuedOn").asString()).isEqualTo(AS_OF.toString()));

        if (!pythonWithNumpy()) {
            System.out.println("RiskAnalyticsSystemIT: python3 with numpy and scipy is not available; the reference "
                    + "comparison is skipped (the stored analytics were checked for presence above)");
            return;
        }
        JsonNode reference = runReference(quantities);
        JsonNode volatility = Http.get(url("/api/portfolios/" + id + "/volatility?from=" + ENTRY + "&to=" + AS_OF)).json()
                .get("volatility");
        JsonNode allStress = Http.get(url("/api/portfolios/" + id + "/stress-tests?from=" + ENTRY + "&to=" + AS_OF))
                .json().get("results");
        JsonNode snapshots = Http.get(url("/api/portfolios/" + id + "/snapshots?from=" + ENTRY + "&to=" + AS_OF)).json()
                .get("snapshots");
        Map<String, JsonNode> stressByKey = new HashMap<>();
        allStress.forEach(r -> stressByKey.put(r.get("date").asString() + " " + r.get("scenarioId").asString(), r));
        int i = 0;
        for (JsonNode ref : reference.get("dates")) {
            String d = ref.get("date").asString(), at = d + " ";
            close(at + "nav", snapshots.get(i).get("nav"), ref.get("nav"));
            JsonNode row = volatility.get(i++), rv = ref.get("volatility");
            assertThat(row.get("date").asString()).isEqualTo(d);
            for (String f : List.of("realized21d", "realized63d", "expected21d", "harRSquared", "trendSlope",
                    "trendRSquared", "percentile")) {
                close(at + f, row.get(f), rv.get(f));
            }
            JsonNode exposures = Http.get(url("/api/portfolios/" + id + "/exposures?date=" + d)).json().get("factors");
            ref.get("exposures").properties().forEach(e -> close(at + "exposure " + e.getKey(),
                    exposures.at("/" + e.getKey() + "/exposure"), e.getValue().get(0)));
            ref.get("stress").properties().forEach(e -> {
                JsonNode s = stressByKey.get(d + " " + e.getKey());
                close(at + e.getKey() + " direct", s.get("directPnl"), e.getValue().get("direct"));
                close(at + e.getKey() + " correlated", s.get("correlatedPnl"), e.getValue().get("correlated"));
            });
            JsonNode c = Http.get(url("/api/portfolios/" + id + "/correlations?date=" + d)).json().get("correlations").get(0);
            JsonNode rc = ref.get("correlations");
            List<String> symbols = new ArrayList<>(), refSymbols = new ArrayList<>();
            c.get("symbols").forEach(s -> symbols.add(s.asString()));
            rc.get("symbols").forEach(s -> refSymbols.add(s.asString()));
            assertThat(symbols).as(at + "correlated symbols").isEqualTo(refSymbols);
            for (int k = 0; k < rc.get("pairs").size(); k++) {
                close(at + "ρ " + k, c.get("pairs").get(k).get("correlation"), rc.get("pairs").get(k));
            }
            List<List<String>> clusters = new ArrayList<>(), refClusters = new ArrayList<>();
            c.get("clusters").forEach(g -> clusters.add(g.get("symbols").valueStream().map(JsonNode::asString).toList()));
            rc.get("clusters").forEach(g -> refClusters.add(g.valueStream().map(JsonNode::asString).toList()));
            assertThat(clusters).as(at + "clusters").isEqualTo(refClusters);
            close(at + "effective positions", c.get("effectivePositions"), rc.get("effectivePositions"));
        }
        assertThat(i).isEqualTo(sessions);
        System.out.printf("RiskAnalyticsSystemIT: five services on the simulated market equal the reference, worst "
                + "relative difference %.2e%n", worst);
    }

    /** price-service's bars of the held symbols and the proxies as price files; the reference run on them. */
    private JsonNode runReference(Map<String, Double> quantities) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("risk-system-prices");
        JdbcTemplate prices = system.jdbc("price-service");
        List<String> symbols = new ArrayList<>(ETFS);
        quantities.keySet().stream().filter(s -> !symbols.contains(s)).forEach(symbols::add);
        for (String s : symbols) {
            StringBuilder csv = new StringBuilder("date,open,high,low,close,adj_close,volume\n");
            prices.query("select trade_date, close::float8, adj_close::float8 from daily_bar where symbol = ? "
                    + "order by trade_date", rs -> {
                Double c = rs.getObject(2, Double.class);
                csv.append(rs.getObject(1, LocalDate.class)).append(",,,,").append(c == null ? "" : c.toString())
                        .append(',').append(rs.getDouble(3)).append(",\n");
            }, s);
            Files.writeString(dir.resolve(s + ".csv"), csv);
        }
        StringBuilder book = new StringBuilder("{\"equity\": 1000000, \"start\": \"" + ENTRY + "\", \"positions\": [");
        quantities.forEach((s, q) -> book.append(book.toString().endsWith("[") ? "" : ",")
                .append("{\"symbol\":\"").append(s).append("\",\"quantity\":").append(q).append('}'));
        Files.writeString(dir.resolve("book.json"), book.append("]}"));
        Path script = RiskstreamSystem.root().resolve("tools/reference/portfolio_reference.py");
        Path out = dir.resolve("reference.json"), err = dir.resolve("reference.err");
        Process p = new ProcessBuilder("python3", script.toString(), "--prices", dir.toString(), "--portfolio",
                dir.resolve("book.json").toString(), "--dates", ENTRY + ".." + AS_OF)
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0).as(Files.readString(err)).isTrue();
        return Http.JSON.readTree(out.toFile());
    }

    private static boolean pythonWithNumpy() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy, scipy").redirectErrorStream(true).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private void close(String what, JsonNode actual, JsonNode expected) {
        if (expected == null || expected.isNull()) {
            assertThat(actual == null || actual.isNull()).as(what + " is null in the reference: " + actual).isTrue();
            return;
        }
        assertThat(actual == null || actual.isNull()).as(what + " is missing").isFalse();
        double a = actual.asDouble(), e = expected.asDouble();
        if (Math.abs(a - e) > 1e-15) {
            double relative = Math.abs(a - e) / Math.abs(e);
            assertThat(relative).as(what + ": " + a + " vs " + e).isLessThanOrEqualTo(1e-9);
            worst = Math.max(worst, relative);
        }
    }

    private String url(String path) {
        return system.url("portfolio-service") + path;
    }

    private boolean queueEmpty(String id) {
        return system.jdbc("portfolio-service").queryForObject(
                "select count(*) from portfolio_refresh_pending where portfolio_id = ?::uuid", Integer.class, id) == 0;
    }

    private double close(String symbol, LocalDate date) {
        return system.jdbc("price-service").queryForObject("select coalesce(close, adj_close) from daily_bar where "
                + "symbol = ? and trade_date = (select max(trade_date) from daily_bar where symbol = ? and trade_date <= ?)",
                Double.class, symbol, symbol, date);
    }

    private static JsonNode latestAnnouncement(String portfolioId) {
        return KafkaTestClient.readAll(Topics.PORTFOLIO_ANALYTICS_READY, r -> portfolioId.equals(r.key())).stream()
                .map(r -> Http.JSON.readTree(r.value()).get("payload"))
                .filter(p -> p.get("date").asString().equals(AS_OF.toString())).reduce((a, b) -> b).orElse(null);
    }
}
