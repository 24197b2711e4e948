package io.riskstream.fundamentals.it;

import io.riskstream.fundamentals.FundamentalsServiceApplication;
import io.riskstream.testsupport.AccessChecks;
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
        "riskstream.outbox.poll-interval=50ms"})
@DirtiesContext
class FundamentalsApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "fundamentals-service", FundamentalsApiIT.class);
    }

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aRefreshStoresTheStatementsAndTheApiShowsThemByPeriodWithTheirSource() throws Exception {
        HttpResponse<String> refreshed = refresh("{\"symbols\":[\"FAPI\"]}");
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
        JsonNode due = JSON.readTree(refresh("{\"select\":\"due\"}").body());
        assertThat(due.get("refreshed").asInt()).isZero();
        assertThat(due.get("notDue").asInt()).isPositive();
    }

    @Test
    void invalidRequestsAnswer400NamingTheFieldAndUnknownSymbols404() throws Exception {
        assertThat(refresh("{}")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("symbols");
        });
        assertThat(refresh("{\"symbols\":[\"bad symbol\"]}").body()).contains("symbols")
                .contains("bad symbol");
        assertThat(refresh("{\"select\":\"weekly\"}").body()).contains("select");
        assertThat(refresh("{\"symbols\":[\"FAPI\"],\"select\":\"due\"}").statusCode()).isEqualTo(400);
        assertThat(get("/api/fundamentals/FAPI?frequency=monthly")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("frequency");
        });
        assertThat(get("/api/fundamentals/NOSUCH").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> refresh(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/fundamentals/refresh")).header("Content-Type", "application/json")
                .header("Authorization", TestTokens.admin()).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRefreshWithoutTheAdminScopeIsRefusedAndFetchesNothing() throws Exception {
        AccessChecks.Write refresh = new AccessChecks.Write("POST", "/api/fundamentals/refresh",
                "{\"symbols\":[\"FACC\"]}");

        AccessChecks.assertRefused("http://127.0.0.1:" + port, refresh, "admin");

        assertThat(jdbc.queryForObject("select count(*) from income_statement where symbol = 'FACC'", Long.class))
                .as("nothing stored").isZero();
        assertThat(jdbc.queryForObject("select count(*) from fundamentals_fetch where symbol = 'FACC'", Long.class))
                .as("nothing fetched").isZero();
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where record_key = 'FACC'", Long.class))
                .as("nothing announced").isZero();
        HttpResponse<String> allowed = refresh("{\"symbols\":[\"FACC\"]}");
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
        assertThat(JSON.readTree(allowed.body()).get("refreshed").asInt()).isEqualTo(1);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
