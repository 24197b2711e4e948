package io.riskstream.price;

import io.riskstream.testsupport.AccessChecks.Write;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * price-service's admin endpoints (daily close, backfill, universe changes) on the real stack refuse every caller
 * without a valid {@code admin} token — 401 or 403 as ProblemDetails — and then nothing is triggered, stored or
 * announced; with the admin token each works. Symbols AC* and dates in early 2023 are this class's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "riskstream.daily-close.scheduler-enabled=false",
        "riskstream.prices.bootstrap-benchmarks=false"})
@DirtiesContext
class AdminAccessIT {

    private static final Map<String, String> COUNTS = Map.of(
            "daily closes triggered", "select count(*) from daily_close_trigger",
            "universe", "select count(*) from symbol_universe where status <> 'REMOVED'",
            "runs", "select count(*) from run",
            "announcements", "select count(*) from outbox_event");

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "price-service", AdminAccessIT.class);
    }

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    @Test
    void everyAdminEndpointRefusesCallersWithoutTheAdminScopeAndChangesNothing() {
        jdbc.update("insert into symbol_universe (symbol, tier, configured_tier) values ('ACCC', 'WATCHLIST', 'WATCHLIST')");
        Map<Write, Integer> writes = new LinkedHashMap<>();
        writes.put(new Write("POST", "/api/admin/daily-close?date=2023-03-02", null), 200);
        writes.put(new Write("POST", "/api/admin/backfill",
                "{\"from\":\"2023-02-01\",\"to\":\"2023-02-28\",\"symbols\":[\"ACCA\"]}"), 202);
        writes.put(new Write("POST", "/api/universe", "{\"symbol\":\"ACCB\",\"tier\":\"WATCHLIST\"}"), 200);
        writes.put(new Write("DELETE", "/api/universe/ACCC", null), 200);
        Map<String, Long> before = counts();

        writes.keySet().forEach(write -> AccessChecks.assertRefused(baseUrl(), write, "admin"));
        assertThat(counts()).as("nothing triggered, stored or announced").isEqualTo(before);

        writes.forEach((write, expected) -> {
            HttpResponse<String> r = AccessChecks.send(baseUrl(), write, TestTokens.admin());
            assertThat(r.statusCode()).as(write + ": " + r.body()).isEqualTo(expected);
        });
        assertThat(jdbc.queryForObject("select count(*) from daily_close_trigger where trading_date = '2023-03-02'",
                Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForList("select symbol from symbol_universe where symbol like 'ACC%' and status <> 'REMOVED'",
                String.class))
                .contains("ACCB").doesNotContain("ACCC");
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        COUNTS.forEach((name, sql) -> counts.put(name, jdbc.queryForObject(sql, Long.class)));
        return counts;
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
