package io.riskstream.portfolio.it;

import io.riskstream.portfolio.PortfolioServiceApplication;
import io.riskstream.common.security.ApiAccess;
import io.riskstream.testsupport.ApiClient;
import io.riskstream.testsupport.TestTokens;
import io.riskstream.testsupport.TestInfra;
import io.riskstream.testsupport.fuzz.FuzzRun;
import io.riskstream.testsupport.fuzz.JsonFuzz;
import org.instancio.Random;
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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write endpoint of portfolio-service, fuzzed on the real broker and PostgreSQL ({@link JsonFuzz}): each case
 * answers 2xx, or 4xx with a problem+json naming the field and nothing stored; none answers 5xx. The seed is fixed,
 * so a failure is replayed by running the test again.
 */
@SpringBootTest(classes = PortfolioServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"riskstream.market-data.as-of-date=2025-03-14",
                // only the commands' own (synchronous) drains run, so row counts move only with the request
                "riskstream.portfolio.drain-interval=1h"})
@DirtiesContext
class PortfolioApiFuzzIT {

    static final long SEED = 20_2605L;
    static final int CASES = 400;
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final LocalDate FIRST = LocalDate.of(2025, 3, 3);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "portfolio-service", PortfolioApiFuzzIT.class);
    }

    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    @Test
    void noMutatedRequestToAWriteEndpointAnswers5xxAndARefusedOneStoresNothing() {
        ApiClient api = new ApiClient(port, TestTokens.token(ApiAccess.PORTFOLIO_WRITE));
        List<FuzzRun.Tally> tallies = new ArrayList<>();

        tallies.add(FuzzRun.run(api, "POST", "/api/portfolios", SEED,
                JsonFuzz.cases(SEED, CASES, r -> new JsonFuzz.Request("/api/portfolios", portfolio(r))), this::rows));

        String book = created(api, "fuzz book", 2);
        tallies.add(FuzzRun.run(api, "POST", "/api/portfolios/{id}/positions", SEED,
                JsonFuzz.cases(SEED + 1, CASES, r -> {
                    String id = JsonFuzz.pathId(r, book);
                    return new JsonFuzz.Request("/api/portfolios/" + id + "/positions", position(r),
                            id.equals(book) ? null : "id");
                }), this::rows));

        // one open position per case, so every unmutated close is valid
        String closing = created(api, "fuzz closes", CASES);
        List<String> open = positionIds(api, closing);
        AtomicInteger next = new AtomicInteger();
        tallies.add(FuzzRun.run(api, "POST", "/api/portfolios/{id}/positions/{positionId}/close", SEED,
                JsonFuzz.cases(SEED + 2, CASES, r -> {
                    String positionId = open.get(next.getAndIncrement());
                    String id = JsonFuzz.pathId(r, closing);
                    String position = id.equals(closing) ? JsonFuzz.pathId(r, positionId) : positionId;
                    ObjectNode body = JSON.createObjectNode().put("exitDate", date(r, FIRST.plusDays(2)).toString())
                            .put("exitPrice", amount(r, 1, 500));
                    return new JsonFuzz.Request("/api/portfolios/" + id + "/positions/" + position + "/close", body,
                            !id.equals(closing) ? "id" : !position.equals(positionId) ? "positionId" : null);
                }), this::rows));

        tallies.add(FuzzRun.run(api, "POST", "/api/portfolios/{id}/tags", SEED,
                JsonFuzz.cases(SEED + 3, CASES, r -> {
                    String id = JsonFuzz.pathId(r, book);
                    ObjectNode body = JSON.createObjectNode().put("name", "tag " + r.alphanumeric(12))
                            .put("colour", "#" + r.stringOf(6, "0123456789abcdefABCDEF".toCharArray()))
                            .put("description", r.trueOrFalse() ? "described " + r.alphanumeric(20) : null);
                    return new JsonFuzz.Request("/api/portfolios/" + id + "/tags", body, id.equals(book) ? null : "id");
                }), this::rows));

        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ApiClient.Answer tag = api.post("/api/portfolios/" + book + "/tags", "{\"name\":\"fixed " + i + "\"}");
            assertThat(tag.status()).as(tag.body()).isEqualTo(201);
            tags.add(tag.json().get("id").asString());
        }
        List<String> positions = positionIds(api, book);
        for (String method : List.of("PUT", "DELETE")) {
            tallies.add(FuzzRun.run(api, method, "/api/portfolios/{id}/positions/{positionId}/tags/{tagId}", SEED,
                    JsonFuzz.cases(SEED + 4, CASES, r -> {
                        String position = r.oneOf(positions), tag = r.oneOf(tags);
                        String id = JsonFuzz.pathId(r, book);
                        String p = id.equals(book) ? JsonFuzz.pathId(r, position) : position;
                        String t = id.equals(book) && p.equals(position) ? JsonFuzz.pathId(r, tag) : tag;
                        String hostile = !id.equals(book) ? "id" : !p.equals(position) ? "positionId"
                                : !t.equals(tag) ? "tagId" : null;
                        return new JsonFuzz.Request("/api/portfolios/" + id + "/positions/" + p + "/tags/" + t,
                                JSON.createObjectNode(), hostile);
                    }), this::rows));
        }
        FuzzRun.assertNoRuleBroken(tallies);
    }

    private Map<String, Long> rows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : List.of("portfolio", "position", "portfolio_tag", "position_tag", "outbox_event")) {
            rows.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return rows;
    }

    /** A valid create request: a name, equity and up to three positions. */
    static ObjectNode portfolio(Random r) {
        ObjectNode body = JSON.createObjectNode().put("name", "fuzz " + r.alphanumeric(r.intRange(1, 30)))
                .put("equity", amount(r, 1_000, 10_000_000));
        ArrayNode positions = body.putArray("positions");
        for (int i = r.intRange(0, 3); i > 0; i--) {
            positions.add(position(r));
        }
        return body;
    }

    static ObjectNode position(Random r) {
        BigDecimal quantity = amount(r, 1, 1_000);
        return JSON.createObjectNode().put("symbol", r.oneOf("FZA", "FZB", "FZC", "fzd", "FZE.B"))
                .put("quantity", r.trueOrFalse() ? quantity : quantity.negate())
                .put("entryPrice", amount(r, 1, 500)).put("entryDate", date(r, FIRST).toString());
    }

    /** An amount in [min, max] with up to four decimals. */
    static BigDecimal amount(Random r, long min, long max) {
        return BigDecimal.valueOf(r.longRange(min * 10_000, max * 10_000), 4);
    }

    static LocalDate date(Random r, LocalDate from) {
        return from.plusDays(r.intRange(0, 9));
    }

    private String created(ApiClient api, String name, int positions) {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("equity", 1_000_000);
        ArrayNode list = body.putArray("positions");
        for (int i = 0; i < positions; i++) {
            list.add(JSON.createObjectNode().put("symbol", "FZ" + (char) ('A' + i % 5)).put("quantity", 10 + i)
                    .put("entryPrice", 100).put("entryDate", FIRST.toString()));
        }
        ApiClient.Answer answer = api.post("/api/portfolios", JSON.writeValueAsString(body));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("id").asString();
    }

    private static List<String> positionIds(ApiClient api, String portfolio) {
        List<String> ids = new ArrayList<>();
        for (JsonNode p : api.get("/api/portfolios/" + portfolio).json().get("positions")) {
            ids.add(p.get("id").asString());
        }
        return ids;
    }
}
