package io.riskstream.portfolio.it;

import io.riskstream.portfolio.PortfolioServiceApplication;
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

    private static final LocalDate ENTRY = LocalDate.of(2025, 3, 10);
    /** Every table a write endpoint changes, and its announcements (symbol-added; position-events only comes in). */
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

    /** A write request and the status it answers with the right token. */
    record Write(String method, String path, String body, int expected) {
        AccessChecks.Write request() {
            return new AccessChecks.Write(method, path, body);
        }
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
            AccessChecks.assertRefused(baseUrl(), write.request(), "portfolio:write");
        }
        assertThat(counts()).as("nothing stored, nothing announced").isEqualTo(before);

        for (Write write : writes) {
            HttpResponse<String> r = AccessChecks.send(baseUrl(), write.request(), TestTokens.portfolioWriter());
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

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
