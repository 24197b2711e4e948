package io.riskstream.portfolio.it;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.PortfolioAnalyticsReady;
import io.riskstream.common.event.PositionEvent;
import io.riskstream.common.event.ProfileUpdated;
import io.riskstream.common.event.SymbolAdded;
import io.riskstream.common.event.Topics;
import io.riskstream.portfolio.PortfolioServiceApplication;
import io.riskstream.testsupport.KafkaTestClient;
import io.riskstream.testsupport.TestInfra;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntFunction;

import static io.riskstream.portfolio.it.PortfolioFeed.position;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * portfolio-service alone on the real broker and PostgreSQL: portfolios created through its API, closes, betas and
 * profiles fed as price-, factor- and profile-service would send them; the stored snapshots, exposures and sectors
 * against values worked out from what was sent, the refresh queue, the announcements, API errors and dead letters.
 */
@SpringBootTest(classes = PortfolioServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "riskstream.market-data.as-of-date=2025-03-14")
@DirtiesContext
class PortfolioServiceIT {

    static final String GROUP = TestInfra.groupOf("portfolio-service", PortfolioServiceIT.class);
    /** The book's dates: entry on the first, the as-of date last; closes start a week earlier. */
    static final List<LocalDate> DATES = List.of(LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 11),
            LocalDate.of(2025, 3, 12), LocalDate.of(2025, 3, 13), LocalDate.of(2025, 3, 14));
    static final List<LocalDate> CLOSE_DATES = List.of(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 4),
            LocalDate.of(2025, 3, 5), LocalDate.of(2025, 3, 6), LocalDate.of(2025, 3, 7), DATES.get(0), DATES.get(1),
            DATES.get(2), DATES.get(3), DATES.get(4));
    static final double EXACT = 1e-9;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "portfolio-service", PortfolioServiceIT.class);
    }

    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;
    private PortfolioFeed feed;

    @BeforeEach
    void feed() {
        feed = new PortfolioFeed(jdbc, port);
    }

    @Test
    void aPortfolioIsValuedOnEveryDateOnceItsSymbolsHaveClosesAndBetasAndEachDateIsAnnouncedOnce() {
        UUID id = feed.create("three names", 100_000, position("PSA", 100, 50, DATES.getFirst()),
                position("PSB", -40, 80, DATES.getFirst()), position("PSE", 30, 120, DATES.getFirst()));
        assertThat(feed.pending(id)).containsExactlyElementsOf(DATES);

        Map<String, NavigableMap<LocalDate, Double>> closes = new LinkedHashMap<>();
        closes.put("PSA", closes(48.00, 48.50, 49.25, 49.00, 49.75, 50.00, 50.50, 51.25, 50.75, 52.00));
        closes.put("PSB", closes(81.00, 80.50, 80.25, 80.75, 80.00, 79.50, 80.25, 78.75, 79.00, 78.25));
        closes.put("PSE", closes(119.00, 119.50, 120.25, 120.00, 120.50, 121.00, 120.25, 121.50, 122.75, 122.00));
        feed.send(PortfolioFeed.profile("PSA", "Technology", false));
        feed.send(PortfolioFeed.profile("PSB", "Health Care", false));
        feed.send(PortfolioFeed.profile("PSE", null, true));
        closes.forEach((symbol, c) -> feed.send(PortfolioFeed.prices(symbol, c)));
        Map<String, NavigableMap<LocalDate, Map<String, Double>>> betas = new LinkedHashMap<>();
        betas.put("PSA", betas(k -> Map.of("market_beta", 1.10 + 0.02 * k, "value", -0.30 + 0.01 * k,
                "momentum", 0.45, "size", 0.33)));
        betas.put("PSB", betas(k -> Map.of("market_beta", 0.70 - 0.01 * k, "value", 0.55, "momentum", -0.20 + 0.03 * k)));
        betas.put("PSE", betas(k -> Map.of("market_beta", 1.00, "value", 0.10 + 0.02 * k, "momentum", 0.05)));
        feed.send(PortfolioFeed.factors("PSA", betas.get("PSA")));
        feed.send(PortfolioFeed.factors("PSE", betas.get("PSE")));
        KafkaTestClient.awaitConsumed(GROUP);
        // PSB has closes but no betas yet: every date waits, none is valued
        assertThat(feed.pending(id)).containsExactlyElementsOf(DATES);
        assertThat(feed.snapshotDates(id)).isEmpty();

        feed.send(PortfolioFeed.factors("PSB", betas.get("PSB")));
        await().atMost(Duration.ofSeconds(30)).until(() -> feed.pending(id).isEmpty());
        assertThat(feed.snapshotDates(id)).containsExactlyElementsOf(DATES);

        ExpectedBook book = new ExpectedBook(100_000, Map.of("PSA", 100.0, "PSB", -40.0, "PSE", 30.0), closes, DATES);
        JsonNode snapshots = feed.get("/api/portfolios/" + id + "/snapshots?from=" + DATES.getFirst() + "&to="
                + DATES.getLast()).json().get("snapshots");
        assertThat(snapshots).hasSize(DATES.size());
        for (int i = 0; i < DATES.size(); i++) {
            LocalDate d = DATES.get(i);
            JsonNode s = snapshots.get(i);
            double nav = book.nav(d), longValue = book.marketValue("PSA", d) + book.marketValue("PSE", d);
            double shortValue = book.marketValue("PSB", d);
            assertThat(s.get("date").asString()).isEqualTo(d.toString());
            assertThat(s.get("nav").asDouble()).as("nav on %s", d).isCloseTo(nav, within(EXACT));
            assertThat(s.get("dailyPnl").asDouble()).as("P&L on %s", d)
                    .isCloseTo(i == 0 ? 0 : nav - book.nav(DATES.get(i - 1)), within(EXACT));
            assertThat(s.get("longValue").asDouble()).isCloseTo(longValue, within(EXACT));
            assertThat(s.get("shortValue").asDouble()).isCloseTo(shortValue, within(EXACT));
            assertThat(s.get("grossExposure").asDouble()).isCloseTo(longValue - shortValue, within(EXACT));
            assertThat(s.get("netExposure").asDouble()).isCloseTo(longValue + shortValue, within(EXACT));
            assertThat(s.get("cash").asDouble()).isCloseTo(nav - longValue - shortValue, within(EXACT));
            assertThat(s.get("positions").asInt()).isEqualTo(3);
            assertThat(s.get("shortPositions").asInt()).isEqualTo(1);
            assertThat(s.get("priceDate").asString()).isEqualTo(d.toString());
            assertThat(s.get("priceStalenessDays").asInt()).isZero();
            assertThat(s.get("partial").asBoolean()).isFalse();
            assertThat(s.get("concentration").get("hhi").asDouble()).isCloseTo(book.hhi(d), within(EXACT));

            // factor exposures: Σ weight × beta from the betas sent, every factor any symbol has
            JsonNode exposures = feed.get("/api/portfolios/" + id + "/exposures?date=" + d).json();
            Map<String, Double> expected = book.exposures(d, betas);
            assertThat(expected.get("size")).isCloseTo(book.marketValue("PSA", d) / nav * 0.33, within(1e-15));
            assertThat(exposures.get("factors").propertyNames()).containsExactlyInAnyOrderElementsOf(expected.keySet());
            expected.forEach((factor, e) -> {
                assertThat(exposures.get("factors").get(factor).get("exposure").asDouble()).as("%s on %s", factor, d)
                        .isCloseTo(e, within(EXACT));
                assertThat(exposures.get("factors").get(factor).get("dollar").asDouble()).as("%s $ on %s", factor, d)
                        .isCloseTo(e * nav, within(1e-6));
            });
            assertThat(exposures.get("coverage").asDouble()).isEqualTo(1.0);
            assertThat(exposures.get("partial").asBoolean()).isFalse();

            // sectors from the profiles: gross value per sector over the NAV; the ETF in its own bucket
            JsonNode sectors = feed.get("/api/portfolios/" + id + "/sectors?date=" + d).json().get("sectors");
            assertThat(sectors.propertyNames()).containsExactlyInAnyOrder("Technology", "Health Care", "ETFs");
            Map<String, String> sectorOf = Map.of("PSA", "Technology", "PSB", "Health Care", "PSE", "ETFs");
            sectorOf.forEach((symbol, sector) -> {
                assertThat(sectors.get(sector).get("marketValue").asDouble()).as(sector)
                        .isCloseTo(Math.abs(book.marketValue(symbol, d)), within(EXACT));
                assertThat(sectors.get(sector).get("weight").asDouble()).as(sector)
                        .isCloseTo(Math.abs(book.marketValue(symbol, d)) / nav, within(EXACT));
            });
        }

        // one portfolio-analytics-ready per date, saying what was stored
        feed.awaitOutboxPublished();
        List<EventEnvelope<PortfolioAnalyticsReady>> announced = feed.analyticsReady(id);
        assertThat(announced).extracting(e -> e.payload().date()).containsExactlyElementsOf(DATES);
        for (EventEnvelope<PortfolioAnalyticsReady> event : announced) {
            PortfolioAnalyticsReady ready = event.payload();
            assertThat(ready.nav()).isCloseTo(book.nav(ready.date()), within(EXACT));
            assertThat(ready.priceDate()).isEqualTo(ready.date());
            assertThat(ready.coverage()).isEqualTo(1.0);
            assertThat(ready.partial()).isFalse();
            Map<String, Double> expected = book.exposures(ready.date(), betas);
            assertThat(ready.factors().keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
            expected.forEach((factor, e) -> assertThat(ready.factors().get(factor).exposure()).isCloseTo(e, within(EXACT)));
        }
    }

    @Test
    void aDateWithoutOneSymbolsBetasWaitsWithTheDatesAfterItAndIsValuedWhenTheyArrive() {
        Map<String, NavigableMap<LocalDate, Double>> closes = new LinkedHashMap<>();
        closes.put("PSC", closes(30.00, 30.25, 30.50, 30.00, 29.75, 30.25, 30.50, 31.00, 30.75, 31.25));
        closes.put("PSD", closes(40.00, 39.50, 40.25, 40.50, 41.00, 40.75, 41.25, 41.50, 41.00, 40.50));
        closes.forEach((symbol, c) -> feed.send(PortfolioFeed.prices(symbol, c)));
        KafkaTestClient.awaitConsumed(GROUP);
        UUID id = feed.create("one date short", 50_000, position("PSC", 200, 30, DATES.getFirst()),
                position("PSD", 150, 40, DATES.getFirst()));

        Map<String, NavigableMap<LocalDate, Map<String, Double>>> betas = new LinkedHashMap<>();
        betas.put("PSC", betas(k -> Map.of("market_beta", 0.90 + 0.05 * k, "value", 0.20)));
        betas.put("PSD", betas(k -> Map.of("market_beta", 1.30 - 0.04 * k, "value", -0.15 * k)));
        LocalDate missing = DATES.get(2);
        NavigableMap<LocalDate, Map<String, Double>> withoutOne = new TreeMap<>(betas.get("PSD"));
        withoutOne.remove(missing);
        feed.send(PortfolioFeed.factors("PSC", betas.get("PSC")));
        feed.send(PortfolioFeed.factors("PSD", withoutOne));

        // the dates before the gap are valued; the gap holds back itself and every later date (they roll from it)
        await().atMost(Duration.ofSeconds(30)).until(() -> feed.snapshotDates(id).size() >= 2);
        KafkaTestClient.awaitConsumed(GROUP);
        assertThat(feed.snapshotDates(id)).containsExactlyElementsOf(DATES.subList(0, 2));
        assertThat(feed.pending(id)).containsExactlyElementsOf(DATES.subList(2, 5));
        feed.awaitOutboxPublished();
        assertThat(feed.analyticsReady(id)).extracting(e -> e.payload().date()).containsExactlyElementsOf(DATES.subList(0, 2));

        feed.send(PortfolioFeed.factors("PSD", new TreeMap<>(Map.of(missing, betas.get("PSD").get(missing)))));
        await().atMost(Duration.ofSeconds(30)).until(() -> feed.pending(id).isEmpty());
        assertThat(feed.snapshotDates(id)).containsExactlyElementsOf(DATES);
        ExpectedBook book = new ExpectedBook(50_000, Map.of("PSC", 200.0, "PSD", 150.0), closes, DATES);
        for (LocalDate d : DATES) {
            JsonNode exposures = feed.get("/api/portfolios/" + id + "/exposures?date=" + d).json();
            assertThat(exposures.get("nav").asDouble()).as("nav on %s", d).isCloseTo(book.nav(d), within(EXACT));
            assertThat(exposures.get("partial").asBoolean()).isFalse();
            book.exposures(d, betas).forEach((factor, e) -> assertThat(exposures.get("factors").get(factor)
                    .get("exposure").asDouble()).as("%s on %s", factor, d).isCloseTo(e, within(EXACT)));
        }
        feed.awaitOutboxPublished();
        List<EventEnvelope<PortfolioAnalyticsReady>> announced = feed.analyticsReady(id);
        assertThat(announced).extracting(e -> e.payload().date()).containsExactlyElementsOf(DATES);
        assertThat(announced).noneMatch(e -> e.payload().partial());
        // no profiles yet: the symbols are left out of the sectors
        assertThat(feed.get("/api/portfolios/" + id + "/sectors?date=" + DATES.getLast()).json().get("sectors")
                .propertyNames()).isEmpty();

        // a sector arriving after the dates were valued values them again; the same sector once more changes nothing
        EventEnvelope<ProfileUpdated> sector = PortfolioFeed.profile("PSC", "Energy", false);
        feed.send(sector);
        await().atMost(Duration.ofSeconds(30)).until(() -> feed.pending(id).isEmpty() && DATES.stream().allMatch(d ->
                feed.get("/api/portfolios/" + id + "/sectors?date=" + d).json().get("sectors").has("Energy")));
        for (LocalDate d : DATES) {
            JsonNode sectors = feed.get("/api/portfolios/" + id + "/sectors?date=" + d).json().get("sectors");
            assertThat(sectors.propertyNames()).containsExactly("Energy");
            assertThat(sectors.get("Energy").get("weight").asDouble()).as("Energy on %s", d)
                    .isCloseTo(book.marketValue("PSC", d) / book.nav(d), within(EXACT));
        }
        feed.awaitOutboxPublished();
        List<EventEnvelope<PortfolioAnalyticsReady>> again = feed.analyticsReady(id);
        assertThat(again.subList(DATES.size(), again.size())).extracting(EventEnvelope::eventId)
                .containsExactlyElementsOf(DATES.stream().map(d -> EventIds.derive(sector.eventId(),
                        "portfolio-analytics-ready", id.toString(), d.toString())).toList());
        EventEnvelope<ProfileUpdated> same = PortfolioFeed.profile("PSC", "Energy", false);
        feed.send(same);
        KafkaTestClient.awaitConsumed(GROUP);
        // either a request would still wait in the queue, or its drain would have written announcements
        assertThat(feed.pending(id)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where topic = ? and record_key = ?",
                Long.class, Topics.PORTFOLIO_ANALYTICS_READY, id.toString())).isEqualTo(2L * DATES.size());
    }

    @Test
    void aSymbolNewToTheSystemIsAnnouncedOnceWhetherItComesFromTheApiOrFromPositionEvents() {
        UUID first = feed.create("new symbols", 10_000, position("PSN", 10, 20, DATES.getFirst()));
        UUID second = feed.create("known symbol", 10_000, position("PSN", 5, 20, DATES.getFirst()),
                position("PSM", 5, 20, DATES.getFirst()));

        // position-events: a portfolio created from the event, then the same record again (a re-delivery)
        UUID third = UUID.randomUUID();
        EventEnvelope<PositionEvent> opened = PortfolioFeed.envelope(new PositionEvent(third, PositionEvent.Action.OPENED,
                new PositionEvent.PortfolioInfo("from an event", new BigDecimal("25000"), "USD"),
                new PositionEvent.Position(UUID.randomUUID(), "PSQ", new BigDecimal("12"), new BigDecimal("33.5"),
                        DATES.getFirst(), null, null, null)));
        feed.send(opened);
        feed.send(opened);
        KafkaTestClient.awaitConsumed(GROUP);
        assertThat(jdbc.queryForList("select symbol from position where portfolio_id = ?", String.class, third))
                .containsExactly("PSQ");
        assertThat(jdbc.queryForObject("select name from portfolio where id = ?", String.class, third))
                .isEqualTo("from an event");
        assertThat(feed.pending(third)).containsExactlyElementsOf(DATES);

        feed.awaitOutboxPublished();
        List<EventEnvelope<SymbolAdded>> psn = feed.symbolAdded("PSN");
        assertThat(psn).hasSize(1);
        assertThat(psn.getFirst().payload().tier()).isEqualTo(SymbolAdded.Tier.ACTIVE);
        assertThat(psn.getFirst().payload().released()).isFalse();
        assertThat(psn.getFirst().payload().reason()).contains(first.toString());
        assertThat(feed.symbolAdded("PSM")).singleElement()
                .satisfies(e -> assertThat(e.payload().reason()).contains(second.toString()));
        assertThat(feed.symbolAdded("PSQ")).singleElement().satisfies(e -> {
            assertThat(e.eventId()).isEqualTo(EventIds.derive(opened.eventId(), "symbol-added", "PSQ"));
            assertThat(e.runId()).isEqualTo(opened.runId());
            assertThat(e.payload().reason()).contains(third.toString());
        });
    }

    @Test
    void invalidRequestsAnswer400NamingTheFieldAndMissingThings404NamingThem() {
        long portfolios = jdbc.queryForObject("select count(*) from portfolio", Long.class);
        Map<String, String> invalid = new LinkedHashMap<>();
        invalid.put("positions[0]: position.quantity", """
                {"name":"bad","equity":1000,"positions":[{"symbol":"PSZ","quantity":0,"entryPrice":1,"entryDate":"2025-03-10"}]}""");
        invalid.put("positions[1]: position.symbol", """
                {"name":"bad","equity":1000,"positions":[{"symbol":"PSZ","quantity":1,"entryPrice":1,"entryDate":"2025-03-10"},
                 {"symbol":"NOT A SYMBOL!","quantity":1,"entryPrice":1,"entryDate":"2025-03-10"}]}""");
        invalid.put("portfolio.equity", """
                {"name":"bad","equity":-5,"positions":[]}""");
        invalid.put("positions is required", """
                {"name":"bad","equity":1000}""");
        invalid.put("entryDate", """
                {"name":"bad","equity":1000,"positions":[{"symbol":"PSZ","quantity":1,"entryPrice":1,"entryDate":"2999-01-01"}]}""");
        invalid.put("request body is not valid", "{\"name\":\"bad\",");
        invalid.forEach((field, body) -> {
            PortfolioFeed.Response r = feed.post("/api/portfolios", body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.json().get("detail").asString()).as(body).contains(field);
        });
        assertThat(jdbc.queryForObject("select count(*) from portfolio", Long.class)).isEqualTo(portfolios);

        UUID id = feed.create("errors", 10_000, position("PSZ", 1, 50, DATES.getFirst()));
        UUID unknown = UUID.randomUUID();
        for (String path : List.of("/api/portfolios/" + unknown, "/api/portfolios/" + unknown + "/exposures",
                "/api/portfolios/" + unknown + "/snapshots", "/api/portfolios/" + unknown + "/sectors")) {
            PortfolioFeed.Response r = feed.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.json().get("detail").asString()).as(path).contains(unknown.toString());
        }
        PortfolioFeed.Response addToUnknown = feed.post("/api/portfolios/" + unknown + "/positions",
                position("PSZ", 1, 50, DATES.getFirst()));
        assertThat(addToUnknown.status()).isEqualTo(404);
        assertThat(addToUnknown.json().get("detail").asString()).contains(unknown.toString());

        PortfolioFeed.Response badId = feed.get("/api/portfolios/not-a-uuid");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().get("detail").asString()).contains("id", "not-a-uuid");
        PortfolioFeed.Response badDate = feed.get("/api/portfolios/" + id + "/exposures?date=2025-02-30");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("detail").asString()).contains("date", "2025-02-30");
        PortfolioFeed.Response noExposures = feed.get("/api/portfolios/" + id + "/exposures?date=2025-03-12");
        assertThat(noExposures.status()).isEqualTo(404);
        assertThat(noExposures.json().get("detail").asString()).contains(id.toString(), "2025-03-12");
        PortfolioFeed.Response noSnapshot = feed.get("/api/portfolios/" + id + "/sectors?date=2025-03-12");
        assertThat(noSnapshot.status()).isEqualTo(404);
        assertThat(noSnapshot.json().get("detail").asString()).contains(id.toString(), "2025-03-12");
        PortfolioFeed.Response reversed = feed.get("/api/portfolios/" + id + "/snapshots?from=2025-03-14&to=2025-03-10");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.json().get("detail").asString()).contains("from 2025-03-14 is after to 2025-03-10");
        PortfolioFeed.Response badPosition = feed.post("/api/portfolios/" + id + "/positions",
                position("PSZ", 1, -50, DATES.getFirst()));
        assertThat(badPosition.status()).isEqualTo(400);
        assertThat(badPosition.json().get("detail").asString()).contains("position.entryPrice");
        assertThat(jdbc.queryForObject("select count(*) from position where portfolio_id = ?", Long.class, id)).isEqualTo(1);
    }

    @Test
    void aYearOfExposuresContributionsAndThePortfolioListAnswerInOneCallEachAsJsonAndCsv() {
        UUID id = feed.create("series book", 250_000, position("SRA", 120, 50, DATES.getFirst()),
                position("SRA", 35.5, 51, DATES.getFirst()), position("SRB", -60, 80, DATES.getFirst()),
                position("SRC", 45, 120, DATES.getFirst()));
        Map<String, NavigableMap<LocalDate, Double>> closes = new LinkedHashMap<>();
        closes.put("SRA", closes(48.10, 48.50, 49.25, 49.00, 49.75, 50.03, 50.57, 51.21, 50.77, 52.09));
        closes.put("SRB", closes(81.00, 80.50, 80.25, 80.75, 80.00, 79.53, 80.21, 78.79, 79.07, 78.23));
        closes.put("SRC", closes(119.0, 119.5, 120.25, 120.0, 120.5, 121.07, 120.29, 121.53, 122.71, 122.03));
        closes.forEach((symbol, c) -> feed.send(PortfolioFeed.prices(symbol, c)));
        Map<String, NavigableMap<LocalDate, Map<String, Double>>> betas = new LinkedHashMap<>();
        betas.put("SRA", betas(k -> Map.of("market_beta", 1.13 + 0.021 * k, "value", -0.31 + 0.013 * k, "size", 0.37)));
        betas.put("SRB", betas(k -> Map.of("market_beta", 0.71 - 0.017 * k, "value", 0.53)));
        betas.put("SRC", betas(k -> Map.of("market_beta", 0.97, "momentum", 0.05 + 0.011 * k)));
        betas.forEach((symbol, b) -> feed.send(PortfolioFeed.factors(symbol, b)));
        await().atMost(Duration.ofSeconds(30)).until(() -> feed.snapshotDates(id).size() == DATES.size()
                && feed.pending(id).isEmpty());
        String base = "/api/portfolios/" + id;

        // the series: one call, columnar, each value the single-date endpoint's
        JsonNode series = feed.get(base + "/exposures?from=" + DATES.getFirst() + "&to=" + DATES.getLast()).json();
        assertThat(series.get("dates").valueStream().map(JsonNode::asString).toList())
                .containsExactlyElementsOf(DATES.stream().map(LocalDate::toString).toList());
        assertThat(series.get("factors").propertyNames()).containsExactly("market_beta", "momentum", "size", "value");
        JsonNode snapshots = feed.get(base + "/snapshots?from=" + DATES.getFirst() + "&to=" + DATES.getLast()).json();
        for (int i = 0; i < DATES.size(); i++) {
            JsonNode single = feed.get(base + "/exposures?date=" + DATES.get(i)).json();
            assertThat(series.get("coverage").get(i).asDouble()).isEqualTo(single.get("coverage").asDouble());
            assertThat(series.get("partial").get(i).asBoolean()).isFalse();
            assertThat(series.get("nav").get(i).decimalValue()).isEqualByComparingTo(single.get("nav").decimalValue());
            for (String factor : List.of("market_beta", "momentum", "size", "value")) {
                double exposure = single.get("factors").get(factor).get("exposure").asDouble();
                assertThat(series.get("factors").get(factor).get(i).asDouble()).isEqualTo(exposure);
                assertThat(snapshots.get("factorExposures").get(factor).get(i).asDouble()).isEqualTo(exposure);
            }
        }
        // without from, a year back from the latest date (the as-of date)
        assertThat(feed.get(base + "/exposures?to=" + DATES.getLast()).json().get("from").asString())
                .isEqualTo(DATES.getLast().minusYears(1).toString());

        // contributions: weight × the beta sent, summing to the stored exposure
        for (int i = 0; i < DATES.size(); i++) {
            LocalDate d = DATES.get(i);
            JsonNode c = feed.get(base + "/contributions?date=" + d).json();
            assertThat(c.get("positions")).hasSize(4);
            Map<String, Double> summed = new TreeMap<>();
            for (JsonNode p : c.get("positions")) {
                String symbol = p.get("symbol").asString();
                double weight = p.get("weight").asDouble();
                Map<String, Double> sent = betas.get(symbol).get(d);
                assertThat(p.get("betas").propertyNames()).containsExactlyInAnyOrderElementsOf(sent.keySet());
                sent.forEach((factor, beta) -> {
                    assertThat(p.get("betas").get(factor).asDouble()).isEqualTo(beta);
                    assertThat(p.get("contributions").get(factor).asDouble()).isEqualTo(weight * beta);
                    summed.merge(factor, weight * beta, Double::sum);
                });
            }
            JsonNode single = feed.get(base + "/exposures?date=" + d).json();
            summed.forEach((factor, sum) -> {
                double exposure = single.get("factors").get(factor).get("exposure").asDouble();
                assertThat(sum).as("%s on %s", factor, d).isCloseTo(exposure, within(1e-12));
                assertThat(c.get("totals").get(factor).asDouble()).as("%s total on %s", factor, d).isEqualTo(exposure);
                assertThat(c.get("exposures").get(factor).asDouble()).isEqualTo(exposure);
            });
        }

        // the list: this portfolio with its latest date, NAV and coverage; pages of the requested size
        UUID empty = feed.create("series empty book", 1_000);
        JsonNode listed = feed.get("/api/portfolios?size=500").json();
        JsonNode mine = listed.get("portfolios").valueStream().filter(p -> p.get("id").asString().equals(id.toString()))
                .findFirst().orElseThrow();
        assertThat(mine.get("name").asString()).isEqualTo("series book");
        assertThat(mine.get("latestDate").asString()).isEqualTo(DATES.getLast().toString());
        assertThat(mine.get("nav").decimalValue()).isEqualByComparingTo(snapshots.get("snapshots").get(DATES.size() - 1)
                .get("nav").decimalValue());
        assertThat(mine.get("coverage").asDouble()).isEqualTo(1.0);
        long total = listed.get("total").asLong();
        assertThat(total).isEqualTo(jdbc.queryForObject("select count(*) from portfolio", Long.class));
        JsonNode secondPage = feed.get("/api/portfolios?page=1&size=1").json();
        assertThat(secondPage.get("portfolios")).hasSize(1);
        assertThat(feed.get("/api/portfolios?page=" + Integer.MAX_VALUE + "&size=500").json().get("portfolios")).isEmpty();
        JsonNode emptyListed = listed.get("portfolios").valueStream()
                .filter(p -> p.get("id").asString().equals(empty.toString())).findFirst().orElseThrow();
        assertThat(emptyListed.get("latestDate").isNull()).isTrue();
        assertThat(secondPage.get("portfolios").get(0).get("id").asString())
                .isEqualTo(listed.get("portfolios").get(1).get("id").asString());

        // CSV with Accept: text/csv, JSON by default
        PortfolioFeed.Response csv = feed.get(base + "/exposures?from=" + DATES.getFirst() + "&to=" + DATES.getLast(),
                "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("date,priceDate,nav,coverage,partial,market_beta,momentum,size,value");
        assertThat(lines).hasSize(DATES.size() + 1);
        String[] last = lines.getLast().split(",");
        assertThat(last[0]).isEqualTo(DATES.getLast().toString());
        assertThat(Double.parseDouble(last[5])).isEqualTo(series.get("factors").get("market_beta").get(DATES.size() - 1)
                .asDouble());
        PortfolioFeed.Response contributionsCsv = feed.get(base + "/contributions?date=" + DATES.getLast(), "text/csv");
        assertThat(contributionsCsv.body().lines().toList()).hasSize(5).first().asString()
                .startsWith("positionId,symbol,weight,market_beta_beta,market_beta_contribution");
        assertThat(feed.get(base + "/snapshots", "text/csv").body().lines().findFirst().orElseThrow())
                .startsWith("date,nav,dailyPnl").endsWith("market_beta,momentum,size,value");
        assertThat(feed.get("/api/portfolios?size=500", "text/csv").body()).contains(id + ",series book,USD");
        assertThat(feed.get(base + "/contributions").json().get("date").asString()).isEqualTo(DATES.getLast().toString());

        // bad input names the field (400), an unknown portfolio or date is a 404 naming it, never a 500
        Map<String, String> invalid = new LinkedHashMap<>();
        invalid.put("/api/portfolios?page=-1", "page");
        invalid.put("/api/portfolios?size=0", "size");
        invalid.put("/api/portfolios?size=501", "size");
        invalid.put("/api/portfolios?size=ten", "size");
        invalid.put(base + "/exposures?from=2025-03-14&to=2025-03-10", "from 2025-03-14 is after to 2025-03-10");
        invalid.put(base + "/exposures?from=2025-03-10&date=2025-03-11", "date");
        invalid.put(base + "/exposures?from=2025-13-01", "from");
        invalid.put(base + "/contributions?date=yesterday", "date");
        invalid.forEach((path, field) -> {
            PortfolioFeed.Response r = feed.get(path);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.json().get("detail").asString()).as(path).contains(field);
        });
        UUID unknown = UUID.randomUUID();
        for (String path : List.of("/api/portfolios/" + unknown + "/exposures?from=2025-03-10",
                "/api/portfolios/" + unknown + "/contributions", "/api/portfolios/" + unknown + "/contributions?date=2025-03-10")) {
            PortfolioFeed.Response r = feed.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.json().get("detail").asString()).as(path).contains(unknown.toString());
        }
        PortfolioFeed.Response noDate = feed.get(base + "/contributions?date=2025-03-08");
        assertThat(noDate.status()).isEqualTo(404);
        assertThat(noDate.json().get("detail").asString()).contains("2025-03-08");
        assertThat(feed.get(base + "/exposures?from=2024-01-01&to=2024-12-31").json().get("dates")).isEmpty();
    }

    @Test
    void malformedAndUnprocessableRecordsAreDeadLetteredWithTheirReasonAndTheNextRecordIsProcessed() {
        String notJson = "poison-" + UUID.randomUUID();
        KafkaTestClient.send(Topics.FACTORS_READY, notJson, "{\"eventId\": not json");
        KafkaTestClient.send(Topics.FACTORS_READY, "PSX", """
                {"eventId":"%s","type":"factors-ready","schemaVersion":1,"occurredAt":"2025-03-14T22:00:00Z","runId":"%s",
                 "payload":{"symbol":"PSX","exposures":[{"calculationDate":"2025-03-14",
                 "factors":{"market_beta":{"beta":1.1,"pValue":2.0}}}]}}""".formatted(UUID.randomUUID(), UUID.randomUUID()));
        // a valid event, but for a portfolio that does not exist and without what it takes to create it
        UUID nowhere = UUID.randomUUID();
        feed.send(PortfolioFeed.envelope(new PositionEvent(nowhere, PositionEvent.Action.OPENED, null,
                new PositionEvent.Position(UUID.randomUUID(), "PSY", BigDecimal.ONE, BigDecimal.TEN, DATES.getFirst(),
                        null, null, null))));
        feed.send(PortfolioFeed.factors("PSV", betas(k -> Map.of("market_beta", 1.0 + k))));
        KafkaTestClient.awaitConsumed(GROUP);

        assertThat(PortfolioFeed.deadLetterReason(Topics.FACTORS_READY, notJson, GROUP))
                .contains("MalformedEventException", "not valid JSON");
        assertThat(PortfolioFeed.deadLetterReason(Topics.FACTORS_READY, "PSX", GROUP))
                .contains("MalformedEventException", "pValue");
        assertThat(PortfolioFeed.deadLetterReason(Topics.POSITION_EVENTS, nowhere.toString(), GROUP))
                .contains(nowhere.toString(), "carries no portfolio");
        assertThat(jdbc.queryForObject("select count(*) from symbol_betas where symbol = 'PSX'", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from portfolio where id = ?", Long.class, nowhere)).isZero();
        assertThat(jdbc.queryForList("select betas[1] from symbol_betas where symbol = 'PSV' order by calculation_date",
                Double.class)).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0);
    }

    /** Closes on {@link #CLOSE_DATES}, in order. */
    static NavigableMap<LocalDate, Double> closes(double... values) {
        NavigableMap<LocalDate, Double> closes = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            closes.put(CLOSE_DATES.get(i), values[i]);
        }
        return closes;
    }

    /** Betas on each of {@link #DATES}: the k-th date's from {@code byIndex(k)}. */
    static NavigableMap<LocalDate, Map<String, Double>> betas(IntFunction<Map<String, Double>> byIndex) {
        NavigableMap<LocalDate, Map<String, Double>> betas = new TreeMap<>();
        for (int k = 0; k < DATES.size(); k++) {
            betas.put(DATES.get(k), byIndex.apply(k));
        }
        return betas;
    }
}
