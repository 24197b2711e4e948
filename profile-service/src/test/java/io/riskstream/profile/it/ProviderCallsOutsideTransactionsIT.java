package io.riskstream.profile.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.riskstream.common.event.DailyClose;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventPayload;
import io.riskstream.common.event.SymbolAdded;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import io.riskstream.profile.ProfileServiceApplication;
import io.riskstream.profile.application.ProfileStore;
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
 * Fetch first, then store: on every path that asks the provider (a new symbol, one the provider does not know, a daily
 * close that first creates a missing profile, an operator's refresh) no provider call is made while a database
 * transaction is open.
 */
@SpringBootTest(classes = ProfileServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "riskstream.daily-close.scheduler-enabled=false",
                "riskstream.outbox.poll-interval=50ms"})
@Import(ProviderCallAudit.class)
@DirtiesContext
class ProviderCallsOutsideTransactionsIT {

    static final String GROUP = TestInfra.groupOf("profile-service", ProviderCallsOutsideTransactionsIT.class);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "profile-service", ProviderCallsOutsideTransactionsIT.class);
    }

    @Autowired ProviderCallAudit audit;
    @Autowired ProfileStore store;
    @Autowired JdbcTemplate jdbc;
    @Autowired EventCodec codec;
    @LocalServerPort int port;

    @Test
    void noProviderCallIsMadeInsideATransaction() throws Exception {
        send(new SymbolAdded("NTXA", SymbolAdded.Tier.ACTIVE, "test"));
        await().atMost(Duration.ofSeconds(60)).until(() -> store.find("NTXA").isPresent());
        int afterNewSymbol = audit.calls();
        assertThat(afterNewSymbol).as("profile and earnings calls").isGreaterThanOrEqualTo(2);

        // unknown to the simulated market: no profile, then quotes asked until the symbol counts as unknown
        send(new SymbolAdded("ZZZNTX", SymbolAdded.Tier.ACTIVE, "test"));
        KafkaTestClient.awaitConsumed(GROUP);
        assertThat(store.find("ZZZNTX")).isEmpty();
        int afterUnknown = audit.calls();
        assertThat(afterUnknown).isGreaterThan(afterNewSymbol);

        // a daily close of a date no other test closes: the missing profile first, then the daily tier of NTXA
        jdbc.update("insert into profile_symbol (symbol, last_error) values ('NTXMISS', 'provider down')");
        LocalDate date = LocalDate.of(2025, 4, 16);
        send(new DailyClose(date));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from profile_daily_close where trading_date = ?", Integer.class, date) == 1);
        assertThat(store.find("NTXMISS")).isPresent();
        int afterClose = audit.calls();
        assertThat(afterClose).isGreaterThan(afterUnknown);

        HttpResponse<String> refreshed = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/profiles/refresh"))
                .header("Content-Type", "application/json").header("Authorization", TestTokens.admin())
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"symbols":["NTXA"],"tier":"all","force":true}""")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refreshed.body()).contains("\"refreshed\":1");
        assertThat(audit.calls()).isGreaterThan(afterClose);

        assertThat(audit.insideTransaction()).as("provider calls made inside a transaction").isEmpty();
    }

    private final HttpClient http = HttpClient.newHttpClient();

    private void send(EventPayload payload) {
        KafkaTestClient.send(payload instanceof DailyClose ? Topics.DAILY_CLOSE : Topics.SYMBOL_ADDED, payload.key(),
                codec.encode(EventEnvelope.of(UUID.randomUUID(), UUID.randomUUID(), Instant.now(), payload)));
    }
}
