package io.riskstream.portfolio.it;

import io.riskstream.portfolio.PortfolioServiceApplication;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.riskstream.portfolio.it.PortfolioFeed.position;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every portfolio write endpoint on the real stack refuses a caller without a valid {@code portfolio:write} token —
 * 401 without a token or with an expired, foreign or forged one, 403 with a token of another scope, each a
 * ProblemDetail — and stores nothing and announces nothing; with the right token each works.
 */
@SpringBootTest(classes = PortfolioServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "riskstream.market-data.as-of-date=2025-03-14")
@DirtiesContext
class PortfolioWriteAccessIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final LocalDate ENTRY = LocalDate.of(2025, 3, 10);
    /** Every table a write endpoint changes, and the announcements of changes (position-events, symbol-added). */
    private static final Map<String, String> COUNTS = Map.of(
            "portfolios", "select count(*) from portfolio",
            "positions", "select count(*) from position",
            "closed positions", "select count(*) from position where exit_date is not null",
            "tags", "select count(*) from portfolio_tag",
            "tagged positions", "select count(*) from position_tag",
            "announcements", "select count(*) from outbox_event where topic in ('position-events', 'symbol-added')");

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "portfolio-service", PortfolioWriteAccessIT.class);
    }

    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    record Write(String method, String path, String body, int expected) {
    }

    @Test
    void everyWriteEndpointRefusesCallersWithoutThePortfolioWriteScopeAndStoresNothing() {
        PortfolioFeed feed = new PortfolioFeed(jdbc, port);
        UUID id = feed.create("access", 100_000, position("PWA", 100, 50, ENTRY));
        UUID positionId = UUID.fromString(feed.get("/api/portfolios/" + id).json().at("/positions/0/id").asString());
        UUID tagId = UUID.fromString(feed.post("/api/portfolios/" + id + "/tags", "{\"name\":\"Core\"}").json()
                .get("id").asString());
        String tagPath = "/api/portfolios/" + id + "/positions/" + positionId + "/tags/" + tagId;
        List<Write> writes = List.of(
                new Write("POST", "/api/portfolios", """
                        {"name":"refused","equity":1000,"positions":[%s]}""".formatted(position("PWB", 1, 10, ENTRY)), 201),
                new Write("POST", "/api/portfolios/" + id + "/positions", position("PWC", 5, 20, ENTRY), 201),
                new Write("POST", "/api/portfolios/" + id + "/positions/" + positionId + "/close",
                        "{\"exitDate\":\"2025-03-12\",\"exitPrice\":55}", 200),
                new Write("POST", "/api/portfolios/" + id + "/tags", "{\"name\":\"Satellite\"}", 201),
                new Write("PUT", tagPath, null, 204),
                new Write("DELETE", tagPath, null, 204));
        Map<String, Long> before = counts();

        for (Write write : writes) {
            for (TestTokens.Refusal refusal : TestTokens.refusals("portfolio:write")) {
                HttpResponse<String> r = send(write, refusal.authorization());
                String what = write.method() + " " + write.path() + " with " + refusal;
                assertThat(r.statusCode()).as(what + ": " + r.body()).isEqualTo(refusal.status());
                assertThat(r.headers().firstValue("Content-Type")).as(what).hasValue("application/problem+json");
                JsonNode problem = JSON.readTree(r.body());
                assertThat(problem.get("status").asInt()).as(what).isEqualTo(refusal.status());
                assertThat(problem.get("detail").asString()).as(what).contains("'portfolio:write'");
                if (refusal.status() == 401) {
                    assertThat(r.headers().firstValue("WWW-Authenticate")).as(what).hasValueSatisfying(
                            v -> assertThat(v).startsWith("Bearer"));
                }
            }
        }
        assertThat(counts()).as("nothing stored, nothing announced").isEqualTo(before);

        for (Write write : writes) {
            HttpResponse<String> r = send(write, TestTokens.portfolioWriter());
            assertThat(r.statusCode()).as(write.method() + " " + write.path() + ": " + r.body())
                    .isEqualTo(write.expected());
        }
        Map<String, Long> after = counts();
        assertThat(after.get("portfolios")).isEqualTo(before.get("portfolios") + 1);
        assertThat(after.get("closed positions")).isEqualTo(before.get("closed positions") + 1);
        assertThat(after.get("announcements")).as("the accepted changes are announced")
                .isGreaterThan(before.get("announcements"));
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        COUNTS.forEach((name, sql) -> counts.put(name, jdbc.queryForObject(sql, Long.class)));
        return counts;
    }

    private HttpResponse<String> send(Write write, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + write.path()))
                .header("Content-Type", "application/json")
                .method(write.method(), write.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(write.body()));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(write.path() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
