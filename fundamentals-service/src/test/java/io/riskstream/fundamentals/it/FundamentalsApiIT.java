package io.riskstream.fundamentals.it;

import io.riskstream.fundamentals.FundamentalsServiceApplication;
import io.riskstream.testsupport.TestInfra;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The fundamentals API: a refresh on demand, the stored periods with typed items, ratios and source; 400s. */
@SpringBootTest(classes = FundamentalsServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "riskstream.fundamentals.quarters=4",
        "riskstream.fundamentals.years=2",
        "riskstream.admin.token=api-it-token",
        "riskstream.outbox.poll-interval=50ms"})
@DirtiesContext
class FundamentalsApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "fundamentals-service", FundamentalsApiIT.class);
    }

    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aRefreshStoresTheStatementsAndTheApiShowsThemByPeriodWithTheirSource() throws Exception {
        HttpResponse<String> refreshed = refresh("{\"symbols\":[\"FAPI\"]}", "api-it-token");
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonNode outcome = JSON.readTree(refreshed.body());
        assertThat(outcome.get("refreshed").asInt()).isEqualTo(1);
        assertThat(outcome.get("results").get(0).get("statements").asInt()).isEqualTo(3 * (4 + 2));

        JsonNode view = JSON.readTree(get("/api/fundamentals/FAPI").body());
        assertThat(view.get("source").asString()).isEqualTo("simulated");
        assertThat(view.get("periods")).hasSize(4 + 2);
        JsonNode newest = view.get("periods").get(0);
        JsonNode income = newest.get("statements").get("income");
        assertThat(income.get("source").asString()).isEqualTo("simulated");
        assertThat(income.get("items").get("total_revenue").decimalValue()).isPositive();
        assertThat(income.get("items").get("net_income").isNull()).isFalse();
        assertThat(income.get("ratios").has("net_margin")).isTrue();
        assertThat(income.get("allItems").isNull()).isTrue(); // only when asked for
        assertThat(newest.get("statements").get("cashFlow").get("ratios").get("free_cash_flow").isNull()).isFalse();
        JsonNode annual = JSON.readTree(get("/api/fundamentals/FAPI?frequency=annual&items=true").body());
        assertThat(annual.get("periods")).hasSize(2).allSatisfy(p -> assertThat(p.get("frequency").asString())
                .isEqualTo("annual"));
        assertThat(annual.get("periods").get(0).get("statements").get("income").get("allItems").get("totalRevenue")
                .decimalValue()).isPositive();

        // just fetched: not due
        JsonNode due = JSON.readTree(refresh("{\"select\":\"due\"}", "api-it-token").body());
        assertThat(due.get("refreshed").asInt()).isZero();
        assertThat(due.get("notDue").asInt()).isPositive();
    }

    @Test
    void invalidRequestsAnswer400NamingTheFieldAndUnknownSymbols404() throws Exception {
        assertThat(refresh("{}", "api-it-token")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("symbols");
        });
        assertThat(refresh("{\"symbols\":[\"bad symbol\"]}", "api-it-token").body()).contains("symbols")
                .contains("bad symbol");
        assertThat(refresh("{\"select\":\"weekly\"}", "api-it-token").body()).contains("select");
        assertThat(refresh("{\"symbols\":[\"FAPI\"],\"select\":\"due\"}", "api-it-token").statusCode()).isEqualTo(400);
        assertThat(refresh("{\"symbols\":[\"FAPI\"]}", "wrong").statusCode()).isEqualTo(401);
        assertThat(get("/api/fundamentals/FAPI?frequency=monthly")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("frequency");
        });
        assertThat(get("/api/fundamentals/NOSUCH").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> refresh(String body, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/fundamentals/refresh")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
