package io.riskstream.fundamentals.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.riskstream.common.event.DailyClose;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventPayload;
import io.riskstream.common.event.SymbolAdded;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import io.riskstream.fundamentals.FundamentalsServiceApplication;
import io.riskstream.fundamentals.application.StatementStore;
import io.riskstream.testsupport.KafkaTestClient;
import io.riskstream.testsupport.ProviderCallAudit;
import io.riskstream.testsupport.TestInfra;
import io.riskstream.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Fetch first, then store: on every path that asks the provider (a new symbol, a daily close refetching a due one, an
 * operator's refresh) no provider call is made while a database transaction is open.
 */
@SpringBootTest(classes = FundamentalsServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
                "riskstream.daily-close.scheduler-enabled=false",
                "riskstream.outbox.poll-interval=50ms"})
@Import(ProviderCallAudit.class)
@DirtiesContext
class ProviderCallsOutsideTransactionsIT {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "fundamentals-service", ProviderCallsOutsideTransactionsIT.class);
    }

    @Autowired ProviderCallAudit audit;
    @Autowired StatementStore store;
    @Autowired JdbcTemplate jdbc;
    @Autowired EventCodec codec;
    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void noProviderCallIsMadeInsideATransaction() throws Exception {
        send(new SymbolAdded("NTXF", SymbolAdded.Tier.ACTIVE, "test"));
        await().atMost(Duration.ofSeconds(60)).until(() -> store.lastFetched("NTXF").isPresent());
        int afterNewSymbol = audit.calls();
        assertThat(afterNewSymbol).as("3 statements × 2 frequencies + earnings").isGreaterThanOrEqualTo(7);

        // fetched a month ago, next earnings unknown: due at a close of a date no other test closes
        store.recordFetch("NTXDUE", Instant.now().minus(Duration.ofDays(30)), null, null, "simulated");
        LocalDate date = LocalDate.of(2025, 4, 16);
        send(new DailyClose(date));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from fundamentals_daily_close where trading_date = ?", Integer.class, date) == 1);
        assertThat(jdbc.queryForObject("select fetched from fundamentals_daily_close where trading_date = ?",
                Integer.class, date)).isEqualTo(1);
        int afterClose = audit.calls();
        assertThat(afterClose).isGreaterThan(afterNewSymbol);

        HttpResponse<String> refreshed = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/fundamentals/refresh"))
                .header("Content-Type", "application/json").header("Authorization", TestTokens.admin())
                .POST(HttpRequest.BodyPublishers.ofString("{\"symbols\":[\"NTXF\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refreshed.body()).contains("\"refreshed\":1");
        assertThat(audit.calls()).isGreaterThan(afterClose);

        assertThat(audit.insideTransaction()).as("provider calls made inside a transaction").isEmpty();
    }

    private void send(EventPayload payload) {
        KafkaTestClient.send(payload instanceof DailyClose ? Topics.DAILY_CLOSE : Topics.SYMBOL_ADDED, payload.key(),
                codec.encode(EventEnvelope.of(UUID.randomUUID(), UUID.randomUUID(), Instant.now(), payload)));
    }
}
