package io.riskstream.system;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
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
        assertThat(metrics.toString()).contains("RDAPI");
        assertThat(Http.get(system.url("factor-service") + "/api/symbols/RDAPI/exposures").json().get("date").asString())
                .isEqualTo(RiskstreamSystem.AS_OF);
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
