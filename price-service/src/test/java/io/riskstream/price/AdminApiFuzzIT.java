package io.riskstream.price;

import io.riskstream.common.security.ApiAccess;
import io.riskstream.testsupport.ApiClient;
import io.riskstream.testsupport.TestTokens;
import io.riskstream.testsupport.ProviderStubServer;
import io.riskstream.testsupport.ProviderStubServer.Answer;
import io.riskstream.testsupport.TestInfra;
import io.riskstream.testsupport.fuzz.FuzzRun;
import io.riskstream.testsupport.fuzz.JsonFuzz;
import org.instancio.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * price-service's write endpoints with a body ({@code POST /api/universe}, {@code POST /api/admin/backfill}) fuzzed
 * on the real broker and PostgreSQL ({@link JsonFuzz}): 2xx, or 4xx with a problem+json naming the field and
 * nothing stored; never 5xx. FMP is a stub answering 404 to everything, so a valid case costs one quick refusal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "riskstream.daily-close.scheduler-enabled=false",
        "riskstream.prices.bootstrap-benchmarks=false"})
@DirtiesContext
class AdminApiFuzzIT {

    static final long SEED = 20_2606L;
    static final int CASES = 400;
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ProviderStubServer STUB = new ProviderStubServer();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "price-service", AdminApiFuzzIT.class);
        STUB.byDefault("", uri -> Answer.status(404));
        STUB.registerAsFmp(registry);
    }

    @AfterAll
    static void stop() {
        STUB.close();
    }

    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    @Test
    void noMutatedAdminRequestAnswers5xxAndARefusedOneStoresNothing() {
        ApiClient api = new ApiClient(port, TestTokens.token(ApiAccess.ADMIN));
        FuzzRun.Tally universe = FuzzRun.run(api, "POST", "/api/universe", SEED,
                JsonFuzz.cases(SEED, CASES, r -> new JsonFuzz.Request("/api/universe", JSON.createObjectNode()
                        .put("symbol", symbol(r)).put("tier", r.oneOf("WATCHLIST", "UNIVERSE", "watchlist", null)))),
                this::rows);
        // a backfill goes on after its 202, in the background: only the run it starts is counted
        FuzzRun.Tally backfill = FuzzRun.run(api, "POST", "/api/admin/backfill", SEED,
                JsonFuzz.cases(SEED + 1, CASES, r -> {
                    LocalDate from = LocalDate.of(2023, 1, 2).plusDays(r.intRange(0, 80));
                    ObjectNode body = JSON.createObjectNode().put("from", from.toString())
                            .put("to", from.plusDays(r.intRange(0, 30)).toString());
                    ArrayNode symbols = body.putArray("symbols");
                    for (int i = r.intRange(1, 3); i > 0; i--) {
                        symbols.add(symbol(r));
                    }
                    return new JsonFuzz.Request("/api/admin/backfill", body);
                }), () -> Map.of("run", count("run")));
        FuzzRun.assertNoRuleBroken(List.of(universe, backfill));
    }

    private static String symbol(Random r) {
        return "FZ" + r.upperCaseAlphabetic(r.intRange(1, 4));
    }

    private Map<String, Long> rows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : List.of("symbol_universe", "daily_bar", "run", "outbox_event")) {
            rows.put(table, count(table));
        }
        return rows;
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
