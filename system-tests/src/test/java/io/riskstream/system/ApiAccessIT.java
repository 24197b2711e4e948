package io.riskstream.system;

import io.riskstream.common.event.Topics;
import io.riskstream.testsupport.AccessChecks;
import io.riskstream.testsupport.AccessChecks.Write;
import io.riskstream.testsupport.KafkaTestClient;
import io.riskstream.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On the five running services: every write and admin endpoint refuses callers without the scope it needs (no
 * token, another scope, expired, foreign or forged tokens), and none of the refused requests leaves a trace — no
 * row in any service's database, no {@code symbol-added} announcement of a refused position's symbol; the same
 * request with the right token is announced. Symbols SAX* are this class's own.
 */
class ApiAccessIT {

    private final RiskstreamSystem system = RiskstreamSystem.shared();

    @Test
    void everyWriteAndAdminEndpointRefusesCallersWithoutItsScopeAndLeavesNoTrace() {
        String portfolios = system.url("portfolio-service");
        Http.Response held = Http.post(portfolios + "/api/portfolios", """
                {"name":"access","equity":100000,"positions":[
                  {"symbol":"SAXP","quantity":10,"entryPrice":50,"entryDate":"2024-12-02"}]}""");
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        String id = held.json().get("id").asString();
        String positionId = Http.get(portfolios + "/api/portfolios/" + id).json().at("/positions/0/id").asString();
        String tagId = Http.post(portfolios + "/api/portfolios/" + id + "/tags", "{\"name\":\"Core\"}").json()
                .get("id").asString();
        String tagPath = "/api/portfolios/" + id + "/positions/" + positionId + "/tags/" + tagId;

        Map<String, List<Write>> writes = new LinkedHashMap<>();
        writes.put("portfolio-service", List.of(
                new Write("POST", "/api/portfolios", """
                        {"name":"refused by ApiAccessIT","equity":1000,"positions":[
                          {"symbol":"SAXA","quantity":1,"entryPrice":10,"entryDate":"2024-12-02"}]}"""),
                new Write("POST", "/api/portfolios/" + id + "/positions",
                        "{\"symbol\":\"SAXB\",\"quantity\":1,\"entryPrice\":10,\"entryDate\":\"2024-12-02\"}"),
                new Write("POST", "/api/portfolios/" + id + "/positions/" + positionId + "/close",
                        "{\"exitDate\":\"2024-12-20\",\"exitPrice\":55}"),
                new Write("POST", "/api/portfolios/" + id + "/tags", "{\"name\":\"Satellite\"}"),
                new Write("PUT", tagPath, null),
                new Write("DELETE", tagPath, null)));
        writes.put("price-service", List.of(
                new Write("POST", "/api/admin/daily-close?date=2023-12-01", null),
                new Write("POST", "/api/admin/backfill", "{\"from\":\"2023-01-03\",\"symbols\":[\"SAXC\"]}"),
                new Write("POST", "/api/universe", "{\"symbol\":\"SAXD\",\"tier\":\"WATCHLIST\"}"),
                new Write("DELETE", "/api/universe/SAXP", null)));
        writes.put("profile-service", List.of(new Write("POST", "/api/profiles/refresh",
                "{\"symbols\":[\"SAXE\"],\"tier\":\"all\",\"force\":true}")));
        writes.put("fundamentals-service", List.of(new Write("POST", "/api/fundamentals/refresh",
                "{\"symbols\":[\"SAXF\"]}")));

        writes.forEach((service, list) -> list.forEach(write -> AccessChecks.assertRefused(system.url(service), write,
                service.equals("portfolio-service") ? "portfolio:write" : "admin")));

        assertThat(count("portfolio-service", "select count(*) from portfolio where name = 'refused by ApiAccessIT'"))
                .isZero();
        assertThat(count("portfolio-service", "select count(*) from position where portfolio_id = '" + id
                + "'::uuid and (symbol <> 'SAXP' or exit_date is not null)")).isZero();
        assertThat(count("portfolio-service", "select count(*) from portfolio_tag where portfolio_id = '" + id
                + "'::uuid and name = 'Satellite'")).isZero();
        assertThat(count("portfolio-service", "select count(*) from position_tag where tag_id = '" + tagId
                + "'::uuid")).isZero();
        assertThat(count("price-service", "select count(*) from daily_close_trigger where trading_date = '2023-12-01'"))
                .isZero();
        assertThat(count("price-service", "select count(*) from symbol_universe where symbol in ('SAXC', 'SAXD')"
                + " or (symbol = 'SAXP' and status = 'REMOVED')")).isZero();
        assertThat(count("profile-service", "select count(*) from company_profile where symbol = 'SAXE'")).isZero();
        assertThat(count("fundamentals-service", "select count(*) from fundamentals_fetch where symbol = 'SAXF'"))
                .isZero();
        assertThat(symbolsAdded("SAXA", "SAXB", "SAXC", "SAXD")).as("symbol-added of refused requests").isZero();

        Http.Response allowed = Http.post(portfolios + "/api/portfolios/" + id + "/positions",
                "{\"symbol\":\"SAXB\",\"quantity\":1,\"entryPrice\":10,\"entryDate\":\"2024-12-02\"}");
        assertThat(allowed.status()).as(allowed.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).until(() -> symbolsAdded("SAXB") >= 1);
    }

    private long count(String service, String sql) {
        return system.jdbc(service).queryForObject(sql, Long.class);
    }

    /** symbol-added records of {@code symbols} (keyed by symbol), whoever announced them. */
    private static long symbolsAdded(String... symbols) {
        return KafkaTestClient.readAll(Topics.SYMBOL_ADDED, r -> List.of(symbols).contains(r.key())).size();
    }
}
