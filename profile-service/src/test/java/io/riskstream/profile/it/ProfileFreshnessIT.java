package io.riskstream.profile.it;

import io.riskstream.common.event.DailyClose;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import io.riskstream.profile.ProfileServiceApplication;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A daily tier refreshed by an operator since the last session's close is fresh for the next unforced request;
 * a daily close first creates the profiles of announced symbols that have none; the API names the provider.
 */
@SpringBootTest(classes = ProfileServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "riskstream.daily-close.scheduler-enabled=false",
                "riskstream.outbox.poll-interval=50ms"})
@DirtiesContext
class ProfileFreshnessIT {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "profile-service", ProfileFreshnessIT.class);
    }

    @Autowired JdbcTemplate jdbc;
    @Autowired EventCodec codec;
    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anUnforcedDailyRefreshRightAfterAForcedOneSkipsEverySymbolWithoutAProviderCall() throws Exception {
        String symbols = "[\"PFA\",\"PFB\",\"PFC\",\"PFD\",\"PFE\"]";
        assertThat(refresh("{\"symbols\":" + symbols + ",\"tier\":\"all\",\"force\":true}").body())
                .contains("\"refreshed\":5");
        HttpResponse<String> forced = refresh("{\"symbols\":" + symbols + ",\"tier\":\"daily\",\"force\":true}");
        assertThat(forced.body()).contains("\"refreshed\":5", "\"skippedFresh\":0");
        HttpResponse<String> unforced = refresh("{\"symbols\":" + symbols + ",\"tier\":\"daily\",\"force\":false}");
        assertThat(unforced.statusCode()).isEqualTo(200);
        assertThat(unforced.body()).contains("\"refreshed\":0", "\"skippedFresh\":5", "\"providerCalls\":0");

        HttpResponse<String> profile = http.send(HttpRequest.newBuilder(uri("/api/profiles/PFA")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(profile.body()).contains("\"source\":\"simulated\"")
                .contains("\"sources\":{\"daily\":\"simulated\",\"quarterly\":\"simulated\",\"static\":\"simulated\"}");
    }

    @Test
    void aDailyCloseFirstCreatesTheProfilesThatAreMissing() {
        // announced to this service, but its profile could not be created then
        jdbc.update("insert into profile_symbol (symbol, last_error) values ('PFMISS', 'provider down')");
        // a date no other test closes: every profile-service context of this JVM reads the daily-close topic
        LocalDate date = LocalDate.of(2025, 3, 12);
        KafkaTestClient.send(Topics.DAILY_CLOSE, date.toString(), codec.encode(EventEnvelope.of(UUID.randomUUID(),
                UUID.randomUUID(), Instant.now(), new DailyClose(date))));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from profile_daily_close where trading_date = ?", Integer.class, date) == 1);
        assertThat(jdbc.queryForObject("select count(*) from company_profile where symbol = 'PFMISS' and "
                + "static_refreshed_at is not null and quarterly_refreshed_at is not null and daily_refreshed_at is not "
                + "null and sector is not null and static_source = 'simulated'", Integer.class)).isEqualTo(1);
    }

    private HttpResponse<String> refresh(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/profiles/refresh")).header("Content-Type", "application/json")
                .header("Authorization", TestTokens.admin())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
