package io.riskstream.profile.it;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.riskstream.common.event.DailyClose;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventPayload;
import io.riskstream.common.event.SymbolAdded;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import io.riskstream.marketdata.MeteredMarketData;
import io.riskstream.profile.ProfileServiceApplication;
import io.riskstream.profile.application.ProfileStore;
import io.riskstream.profile.domain.Profile;
import io.riskstream.profile.domain.ProfileField;
import io.riskstream.profile.domain.RefreshTiers.Tier;
import io.riskstream.testsupport.AccessChecks;
import io.riskstream.testsupport.KafkaTestClient;
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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = ProfileServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ProfileServiceIT {

    static final String GROUP = TestInfra.groupOf("profile-service", ProfileServiceIT.class);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "profile-service", ProfileServiceIT.class);
    }

    private static final Instant SEEDED = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS);

    @Autowired
    ProfileStore store;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;
    @LocalServerPort
    int port;

    private final EventCodec codec = new EventCodec();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aDailyCloseRefreshesOnlyTheDailyTierInBatchesOfAHundredAndOncePerDate() {
        List<String> symbols = IntStream.rangeClosed(1, 1_250).mapToObj(i -> "DC%04d".formatted(i)).toList();
        symbols.forEach(this::seed);
        KafkaTestClient.awaitConsumed(GROUP);
        int stored = jdbc.queryForObject("select count(*) from company_profile", Integer.class);
        double callsBefore = calls("profile") + calls("earnings");
        LocalDate date = LocalDate.of(2026, 11, 20);

        send(Topics.DAILY_CLOSE, new DailyClose(date));
        await().atMost(Duration.ofSeconds(120)).until(() -> jdbc.queryForObject(
                "select count(*) from profile_daily_close where trading_date = ?", Integer.class, date) == 1);

        // what the close recorded of itself, and what the provider meter saw in the meantime
        Map<String, Object> close = jdbc.queryForMap("select * from profile_daily_close where trading_date = ?", date);
        System.out.printf("daily close over %d profiles: %s provider calls, %s refreshed%n", stored,
                close.get("provider_calls"), close.get("refreshed"));
        assertThat(close.get("provider_calls")).isEqualTo((int) Math.ceil(stored / 100.0));
        assertThat((int) close.get("provider_calls")).isLessThanOrEqualTo(13);
        assertThat(close.get("refreshed")).isEqualTo(stored);
        assertThat(close.get("failed")).isEqualTo(0);
        assertThat(calls("profile") + calls("earnings") - callsBefore).isEqualTo((int) close.get("provider_calls"));
        assertThat(jdbc.queryForObject("""
                select count(*) from company_profile where symbol like 'DC%' and daily_close_date = ?
                  and daily_refreshed_at > ? and quarterly_refreshed_at = ? and static_refreshed_at = ?""",
                Integer.class, date, Timestamp.from(SEEDED), Timestamp.from(SEEDED), Timestamp.from(SEEDED)))
                .isEqualTo(1_250);
        // the daily fields came from the provider; the static ones are still the seeded ones
        assertThat(store.find("DC0001").orElseThrow().decimal(ProfileField.MARKET_CAP)).isNotNull();
        assertThat(store.find("DC0001").orElseThrow().text(ProfileField.NAME)).isEqualTo("seeded DC0001");

        double afterFirst = calls("profile") + calls("earnings");
        send(Topics.DAILY_CLOSE, new DailyClose(date));
        KafkaTestClient.awaitConsumed(GROUP);
        System.out.printf("second daily close of the same date: %.0f provider calls%n",
                calls("profile") + calls("earnings") - afterFirst);
        assertThat(calls("profile") + calls("earnings") - afterFirst).isZero();
        assertThat(jdbc.queryForMap("select * from profile_daily_close where trading_date = ?", date)).isEqualTo(close);
    }

    @Test
    void aForcedStaticRefreshUpdatesExactlyTheRequestedSymbols() throws Exception {
        List.of("FSA", "FSB", "FSC", "FSD").forEach(this::seed);

        HttpResponse<String> response = post("""
                {"symbols":["FSA","FSB","FSC"],"tier":"static","force":true}""");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"refreshed\":3", "\"skippedFresh\":0", "\"failed\":0",
                "\"providerCalls\":1");
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select symbol, name, static_refreshed_at > ? as static_new, daily_refreshed_at = ? as daily_kept,
                  quarterly_refreshed_at = ? as quarterly_kept from company_profile where symbol like 'FS_'
                order by symbol""", Timestamp.from(SEEDED), Timestamp.from(SEEDED), Timestamp.from(SEEDED));
        assertThat(rows).extracting(r -> r.get("static_new")).containsExactly(true, true, true, false);
        assertThat(rows).extracting(r -> r.get("daily_kept")).containsOnly(true);
        assertThat(rows).extracting(r -> r.get("quarterly_kept")).containsOnly(true);
        assertThat(rows).extracting(r -> r.get("name")).containsExactly("FSA Corp", "FSB Corp", "FSC Corp", "seeded FSD");

        HttpResponse<String> notForced = post("""
                {"symbols":["FSD"],"tier":"static"}""");
        assertThat(notForced.body()).contains("\"refreshed\":0", "\"skippedFresh\":1", "\"providerCalls\":0");
    }

    @Test
    void invalidRefreshRequestsAreRejectedNamingTheField() throws Exception {
        HttpResponse<String> badTier = post("""
                {"symbols":["AAA"],"tier":"weekly"}""");
        assertThat(badTier.statusCode()).isEqualTo(400);
        assertThat(badTier.body()).contains("tier");

        HttpResponse<String> noSymbols = post("""
                {"symbols":[],"tier":"daily"}""");
        assertThat(noSymbols.statusCode()).isEqualTo(400);
        assertThat(noSymbols.body()).contains("symbols");
    }

    @Test
    void aRefreshWithoutTheAdminScopeIsRefusedAndFetchesNothing() throws Exception {
        seed("ACCP");
        AccessChecks.Write refresh = new AccessChecks.Write("POST", "/api/profiles/refresh", """
                {"symbols":["ACCP"],"tier":"static","force":true}""");

        AccessChecks.assertRefused(base(), refresh, "admin");

        assertThat(jdbc.queryForObject("select name from company_profile where symbol = 'ACCP'", String.class))
                .isEqualTo("seeded ACCP");
        assertThat(jdbc.queryForObject("select static_refreshed_at from company_profile where symbol = 'ACCP'",
                Timestamp.class)).isEqualTo(Timestamp.from(SEEDED));
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where record_key = 'ACCP'", Long.class))
                .as("nothing announced").isZero();
        HttpResponse<String> allowed = AccessChecks.send(base(), refresh, TestTokens.admin());
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
        assertThat(allowed.body()).contains("\"refreshed\":1");
    }

    @Test
    void aNewSymbolGetsItsFullProfileAtOnce() throws Exception {
        send(Topics.SYMBOL_ADDED, new SymbolAdded("NEWP", SymbolAdded.Tier.ACTIVE, "test"));

        await().atMost(Duration.ofSeconds(30)).until(() -> store.state("NEWP").isPresent());
        var state = store.state("NEWP").orElseThrow();
        assertThat(state.last().daily()).isPresent();
        assertThat(state.last().quarterly()).isPresent();
        assertThat(state.last().statics()).isPresent();
        assertThat(state.nextEarnings()).isPresent();
        HttpResponse<String> view = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/profiles/NEWP")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).contains("\"sector\":\"", "\"beta\":", "\"nextEarningsDate\":\"");
        assertThat(jdbc.queryForList("select payload from outbox_event where topic = ? and record_key = 'NEWP'",
                String.class, Topics.PROFILE_UPDATED)).singleElement().asString().contains("\"tier\":\"ALL\"");
    }

    @Test
    void aSymbolFirstFetchedAfterADailyCloseCarriesThatCloseAsAnyProfileTheCloseRefreshed() {
        LocalDate close = LocalDate.of(2026, 11, 24);
        send(Topics.DAILY_CLOSE, new DailyClose(close));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from profile_daily_close where trading_date = ?", Integer.class, close) == 1);

        // its first fetch comes after the close was processed (in the fault suite: delayed by a provider outage)
        send(Topics.SYMBOL_ADDED, new SymbolAdded("LATEP", SymbolAdded.Tier.ACTIVE, "test"));
        await().atMost(Duration.ofSeconds(30)).until(() -> store.state("LATEP").isPresent());

        assertThat(store.dailyCloseToStamp()).contains(close);
        assertThat(store.state("LATEP").orElseThrow().dailyCloseDate()).contains(close);
    }

    private void seed(String symbol) {
        store.save(new Profile(symbol, Map.of(ProfileField.NAME, "seeded " + symbol, ProfileField.BETA, 1.0)),
                EnumSet.allOf(Tier.class), "seed", SEEDED, null);
    }

    private double calls(String kind) {
        return meters.find(MeteredMarketData.METER).tag("kind", kind).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private void send(String topic, EventPayload payload) {
        KafkaTestClient.send(topic, payload.key(), codec.encode(EventEnvelope.of(UUID.randomUUID(), UUID.randomUUID(),
                Instant.now(), payload)));
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/api/profiles/refresh"))
                .header("Content-Type", "application/json").header("Authorization", TestTokens.admin())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
