package io.riskstream.price;

import io.micrometer.core.instrument.MeterRegistry;
import io.riskstream.common.event.SymbolAdded.Tier;
import io.riskstream.common.application.UnitOfWork;
import io.riskstream.price.application.Cause;
import io.riskstream.price.application.PriceFetch;
import io.riskstream.price.application.PriceHistory;
import io.riskstream.price.application.UniverseStore;
import io.riskstream.testsupport.MutableClock;
import io.riskstream.testsupport.TestInfra;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Freshness in trading days, over real Kafka and PostgreSQL: a watchlist symbol priced through Friday 2025-01-17 is
 * current on Martin Luther King Jr. Day (Monday 2025-01-20, closed), one trading day old after Tuesday's close and
 * two after Wednesday's — in the gauges, the freshness API and the runs API alike.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "riskstream.daily-close.scheduler-enabled=false",
        "riskstream.prices.history-days=30",
        "riskstream.prices.bootstrap-benchmarks=false",
        "riskstream.outbox.poll-interval=50ms"})
@DirtiesContext
class FreshnessIT {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-01-17T23:30:00Z"));
    static final LocalDate FRIDAY = LocalDate.of(2025, 1, 17);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TestConfiguration
    static class Clocks {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "price-service", FreshnessIT.class);
    }

    @Autowired UniverseStore universe;
    @Autowired PriceFetch fetch;
    @Autowired PriceHistory history;
    @Autowired UnitOfWork unitOfWork;
    @Autowired MeterRegistry meters;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aFridayCloseIsNotStaleOnAMondayHolidayAndAgesOnePerSession() throws Exception {
        universe.register("FRSH", Tier.WATCHLIST);
        var fetched = fetch.upTo("FRSH", FRIDAY);
        unitOfWork.run(() -> history.store(fetched, Cause.ofRun(UUID.randomUUID())));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(get("/api/freshness?dataset=prices&minDays=0").at("/subjects/0/latestDate").asString())
                        .isEqualTo(FRIDAY.toString()));

        CLOCK.set(Instant.parse("2025-01-20T23:30:00Z")); // Monday, a holiday: the latest session is still Friday
        assertStaleness(0, "current");
        assertThat(get("/api/freshness?dataset=prices&minDays=1").get("subjects")).isEmpty();

        CLOCK.set(Instant.parse("2025-01-21T23:30:00Z")); // Tuesday after the close
        assertStaleness(1, "1");
        JsonNode stale = get("/api/freshness?dataset=prices&minDays=1");
        assertThat(stale.at("/subjects/0/subject").asString()).isEqualTo("FRSH");
        assertThat(stale.at("/subjects/0/tradingDaysBehind").asInt()).isEqualTo(1);

        CLOCK.set(Instant.parse("2025-01-22T23:30:00Z")); // Wednesday after the close
        assertStaleness(2, "2+");
        assertThat(get("/api/freshness?dataset=prices&minDays=2").at("/subjects/0/subject").asString()).isEqualTo("FRSH");
        assertThat(get("/api/freshness?dataset=prices&minDays=3").get("subjects")).isEmpty();
        JsonNode runs = get("/api/runs");
        assertThat(runs.at("/freshness/latestSession").asString()).isEqualTo("2025-01-22");
        assertThat(runs.at("/freshness/datasets/prices/staleness/2+").asInt()).isEqualTo(1);
        assertThat(runs.at("/freshness/datasets/prices/maxTradingDays").asInt()).isEqualTo(2);
    }

    @Test
    void theRunTablesKeepTheChangeSetIdentityTheyWereCreatedUnderInPriceService() {
        // created before run tracking had a module of its own: a database that has them must not run them again
        assertThat(jdbc.queryForList("select filename from databasechangelog where id in ('price-4-runs',"
                + " 'price-5-run-totals-and-freshness')", String.class))
                .containsExactly("db/changelog/price-service.yaml", "db/changelog/price-service.yaml");
        assertThat(jdbc.queryForObject("select filename from databasechangelog where id = 'runs-1-root-stage'",
                String.class)).isEqualTo("db/changelog/run-tracking.yaml");
    }

    private void assertStaleness(int days, String bucket) throws Exception {
        assertThat(gauge("riskstream.freshness.max.trading.days", null)).isEqualTo(days);
        for (String b : new String[]{"current", "1", "2+"}) {
            assertThat(gauge("riskstream.freshness.subjects", b)).as(b).isEqualTo(b.equals(bucket) ? 1 : 0);
        }
        JsonNode summary = get("/api/freshness?dataset=prices&minDays=0");
        assertThat(summary.at("/subjects/0/tradingDaysBehind").asInt()).isEqualTo(days);
        assertThat(summary.at("/summary/datasets/prices/staleness/" + bucket.replace("/", "~1")).asInt()).isEqualTo(1);
    }

    private double gauge(String name, String staleness) {
        var search = meters.get(name).tag("dataset", "prices");
        return (staleness == null ? search : search.tag("staleness", staleness)).gauge().value();
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
