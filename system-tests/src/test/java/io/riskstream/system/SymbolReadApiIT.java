package io.riskstream.system;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** factor-service's read API: a symbol's exposures and metrics for a date, and clear 404/400 answers. */
class SymbolReadApiIT {

    private static final List<String> TWELVE = List.of("market_beta", "ir_beta", "value", "growth", "momentum",
            "quality", "size", "low_volatility", "growth_value_spread", "momentum_spread", "size_spread",
            "quality_spread");

    private final RiskstreamSystem system = RiskstreamSystem.shared();

    @Test
    void exposuresAndMetricsOfASymbolAreServedPerDate() {
        Http.post(system.url("portfolio-service") + "/api/portfolios", """
                {"name":"read api","equity":100000,"positions":[
                  {"symbol":"RDAPI","quantity":10,"entryPrice":20.0,"entryDate":"2024-06-28"}]}""");
        String url = system.url("factor-service") + "/api/symbols/RDAPI/exposures?date=" + RiskstreamSystem.AS_OF;
        JsonNode exposures = await().atMost(Duration.ofSeconds(90)).until(() -> Http.get(url), r -> r.status() == 200).json();

        assertThat(exposures.get("symbol").asString()).isEqualTo("RDAPI");
        assertThat(exposures.get("date").asString()).isEqualTo(RiskstreamSystem.AS_OF);
        for (String factor : TWELVE) {
            assertThat(exposures.get("factors").has(factor)).as(factor).isTrue();
            assertThat(exposures.get("factors").get(factor).get("observations").asInt()).as(factor).isGreaterThanOrEqualTo(30);
        }
        JsonNode market = exposures.get("factors").get("market_beta");
        assertThat(market.get("pValue").asDouble()).isBetween(0.0, 1.0);
        assertThat(market.get("tStat").asDouble()).isCloseTo(market.get("beta").asDouble() / market.get("stdError").asDouble(),
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(exposures.get("factors").get("value").get("stdError").isNull()).isTrue();

        JsonNode metrics = Http.get(system.url("factor-service") + "/api/symbols/RDAPI/metrics?date="
                + RiskstreamSystem.AS_OF).json();
        assertMetricsAgreeWithTheStoredBars(metrics);
        assertThat(Http.get(system.url("factor-service") + "/api/symbols/RDAPI/exposures").json().get("date").asString())
                .isEqualTo(RiskstreamSystem.AS_OF);
    }

    /**
     * Each return recomputed here from price-service's bars, with the references of the legacy spec's recommendation
     * (the last close on or before the previous trading day, the month's and year's last close before, D − 30 / 90 /
     * 365 days); the current price is the raw close.
     */
    private void assertMetricsAgreeWithTheStoredBars(JsonNode metrics) {
        LocalDate d = LocalDate.parse(RiskstreamSystem.AS_OF);
        TreeMap<LocalDate, double[]> bars = new TreeMap<>();
        system.jdbc("price-service").query("select trade_date, close, adj_close from daily_bar where symbol = 'RDAPI'",
                rs -> { bars.put(rs.getObject(1, LocalDate.class), new double[] {rs.getDouble(2), rs.getDouble(3)}); });
        double p = bars.get(d)[1];
        java.util.function.Function<LocalDate, Double> since = ref -> p / bars.floorEntry(ref).getValue()[1] - 1;

        assertThat(metrics.get("symbol").asString()).isEqualTo("RDAPI");
        assertThat(metrics.get("date").asString()).isEqualTo(RiskstreamSystem.AS_OF);
        assertThat(metrics.get("currentPrice").asDouble()).isEqualTo(bars.get(d)[0]);
        JsonNode r = metrics.get("returns");
        assertThat(r.get("oneDay").asDouble()).isCloseTo(p / bars.lowerEntry(d).getValue()[1] - 1, within(1e-12));
        assertThat(r.get("monthToDate").asDouble()).isCloseTo(since.apply(LocalDate.of(2024, 11, 30)), within(1e-12));
        assertThat(r.get("yearToDate").asDouble()).isCloseTo(since.apply(LocalDate.of(2023, 12, 31)), within(1e-12));
        assertThat(r.get("oneMonth").asDouble()).isCloseTo(since.apply(d.minusDays(30)), within(1e-12));
        assertThat(r.get("threeMonths").asDouble()).isCloseTo(since.apply(d.minusDays(90)), within(1e-12));
        assertThat(r.get("oneYear").asDouble()).isCloseTo(since.apply(d.minusDays(365)), within(1e-12));
        assertThat(metrics.get("hasFactors").asBoolean()).isTrue();
        // 30 price + 30 one-day return + 20 factors, + 20 once the profile has arrived
        assertThat(metrics.get("dataQualityScore").asInt()).isEqualTo(metrics.get("valuation").isNull() ? 80 : 100);
    }

    @Test
    void anUnknownSymbolOrDateAnswers404WithTheReason() {
        Http.Response unknown = Http.get(system.url("factor-service") + "/api/symbols/NOSUCH/exposures");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("NOSUCH");
        Http.Response noDate = Http.get(system.url("factor-service") + "/api/symbols/SPY/exposures?date=1999-01-04");
        assertThat(noDate.status()).isEqualTo(404);
        assertThat(noDate.body()).contains("1999-01-04");
        assertThat(Http.get(system.url("factor-service") + "/api/symbols/SPY/exposures?date=yesterday").status())
                .isEqualTo(400);
    }
}
