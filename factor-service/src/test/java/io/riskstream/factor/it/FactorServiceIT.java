package io.riskstream.factor.it;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.FactorsReady.FactorValue;
import io.riskstream.common.event.FactorsReady;
import io.riskstream.common.event.PriceBar;
import io.riskstream.common.event.PricesReady;
import io.riskstream.common.event.ProfileUpdated;
import io.riskstream.common.event.Topics;
import io.riskstream.common.factors.FactorCatalogue;
import io.riskstream.factor.FactorServiceApplication;
import io.riskstream.factor.config.FactorServiceSettings;
import io.riskstream.factor.domain.exposure.PriceSeries;
import io.riskstream.factor.domain.exposure.SymbolExposureModel;
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
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * factor-service alone on the real broker and PostgreSQL: prices-ready of the simulated market in (the eight
 * benchmark ETFs first, then a few symbols), stored prices, exposures equal to the domain model's on the same
 * prices, metrics, factors-ready out; profile-updated, the read API and dead letters.
 */
@SpringBootTest(classes = FactorServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class FactorServiceIT {

    static final String GROUP = TestInfra.groupOf("factor-service", FactorServiceIT.class);
    static final LocalDate FROM = LocalDate.of(2022, 6, 1);
    static final LocalDate THROUGH = LocalDate.of(2024, 6, 28);

    /** Loaded once per context, before the first test's symbols (their dates must not wait for benchmarks). */
    private static boolean benchmarksLoaded;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "factor-service", FactorServiceIT.class);
    }

    @Autowired JdbcTemplate jdbc;
    @Autowired SymbolExposureModel model;
    @Autowired FactorServiceSettings settings;
    @LocalServerPort int port;

    private FactorFeed feed;
    private final Map<String, PriceSeries> benchmarks = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void benchmarks() {
        feed = new FactorFeed(jdbc);
        for (String etf : FactorCatalogue.benchmarkSymbols()) {
            benchmarks.put(etf, FactorFeed.series(etf, FactorFeed.bars(etf, FROM, THROUGH)));
        }
        if (!benchmarksLoaded) {
            FactorCatalogue.benchmarkSymbols().forEach(etf ->
                    feed.send(FactorFeed.pricesReady(etf, FactorFeed.bars(etf, FROM, THROUGH), false)));
            KafkaTestClient.awaitConsumed(GROUP);
            assertThat(jdbc.queryForObject("select count(*) from pending_calculation", Long.class)).isZero();
            benchmarksLoaded = true;
        }
    }

    @Test
    void pricesReadyIsStoredComputedForEveryDateOfTheHorizonAnnouncedAndARedeliveryChangesNothing() {
        List<PriceBar> bars = FactorFeed.bars("FSIA", FROM, THROUGH);
        EventEnvelope<PricesReady> event = FactorFeed.pricesReady("FSIA", bars, false);
        feed.send(event);
        KafkaTestClient.awaitConsumed(GROUP);

        // the prices as sent
        List<Map<String, Object>> points = jdbc.queryForList(
                "select trade_date, adj_close, close from price_point where symbol = 'FSIA' order by trade_date");
        assertThat(points).hasSameSizeAs(bars);
        for (int i = 0; i < bars.size(); i++) {
            assertThat(points.get(i).get("trade_date")).isEqualTo(java.sql.Date.valueOf(bars.get(i).date()));
            assertThat(points.get(i).get("adj_close")).isEqualTo(bars.get(i).adjClose());
            assertThat(points.get(i).get("close")).isEqualTo(bars.get(i).close());
        }

        // exposures on every date of the horizon, each the model's on the same prices
        List<LocalDate> horizon = FactorFeed.horizon(bars, settings.horizonDays());
        var expected = FactorFeed.fits(model.compute(FactorFeed.series("FSIA", bars), benchmarks, horizon));
        assertThat(expected.get(THROUGH)).as("the model fits all twelve regression factors").hasSize(12);
        var stored = feed.storedExposures("FSIA");
        assertThat(stored.keySet()).containsExactlyElementsOf(horizon);
        FactorFeed.assertMatchesModel(stored, expected);

        // metrics for the same dates: the close, returns against the closes sent, and the quality score
        List<Map<String, Object>> metrics = jdbc.queryForList("select * from symbol_metrics where symbol = 'FSIA' "
                + "order by metrics_date");
        assertThat(metrics).extracting(m -> ((java.sql.Date) m.get("metrics_date")).toLocalDate())
                .containsExactlyElementsOf(horizon);
        for (Map<String, Object> m : metrics) {
            LocalDate d = ((java.sql.Date) m.get("metrics_date")).toLocalDate();
            double close = closeOnOrBefore(bars, d);
            assertThat(m.get("current_price")).as("close on %s", d).isEqualTo(close);
            assertThat((Double) m.get("return_1d")).as("1d on %s", d)
                    .isCloseTo(close / closeOnOrBefore(bars, d.minusDays(1)) - 1, within(1e-12));
            assertThat((Double) m.get("return_ytd")).as("ytd on %s", d)
                    .isCloseTo(close / closeOnOrBefore(bars, LocalDate.of(d.getYear() - 1, 12, 31)) - 1, within(1e-12));
            assertThat((Double) m.get("return_1y")).as("1y on %s", d)
                    .isCloseTo(close / closeOnOrBefore(bars, d.minusDays(365)) - 1, within(1e-12));
            assertThat(m.get("has_factors")).isEqualTo(true);
            assertThat(m.get("has_profile")).isEqualTo(false);
            assertThat(((Number) m.get("data_quality_score")).intValue()).isEqualTo(80);
        }

        // announced once per date, in chunks whose ids derive from the prices-ready, with the stored values
        feed.awaitOutboxPublished();
        List<EventEnvelope<FactorsReady>> records = feed.factorsReady("FSIA");
        Map<LocalDate, Map<String, FactorValue>> announced = FactorFeed.announced(records);
        assertThat(announced.keySet()).containsExactlyElementsOf(horizon);
        announced.forEach((date, factors) -> assertThat(factors).as("announced %s", date).isEqualTo(stored.get(date)));
        assertThat(records).allSatisfy(r -> assertThat(r.payload().exposures()).hasSizeLessThanOrEqualTo(settings.datesPerEvent()));
        assertThat(records).extracting(EventEnvelope::eventId)
                .containsExactlyElementsOf(FactorFeed.expectedIds(event.eventId(), "FSIA", horizon, settings.datesPerEvent()));
        assertThat(records).extracting(EventEnvelope::runId).containsOnly(event.runId());

        // the same record again (a re-delivery), then the same bars under a new event id (a replay): nothing changes
        var before = feed.storedRows("FSIA");
        long outbox = feed.outboxRows();
        long announcements = feed.outboxRows(Topics.FACTORS_READY);
        feed.send(event);
        KafkaTestClient.awaitConsumed(GROUP);
        assertThat(feed.outboxRows()).isEqualTo(outbox);
        feed.send(FactorFeed.pricesReady("FSIA", bars, false));
        KafkaTestClient.awaitConsumed(GROUP);
        assertThat(feed.outboxRows(Topics.FACTORS_READY)).isEqualTo(announcements);
        assertThat(feed.storedRows("FSIA")).isEqualTo(before);
        feed.awaitOutboxPublished();
        assertThat(feed.factorsReady("FSIA")).isEqualTo(records);
    }

    @Test
    void aReplacedHistoryIsRecomputedForTheWholeHorizonAndItsRedeliveryAnnouncesNothingNew() {
        List<PriceBar> original = FactorFeed.bars("FSIR", FROM, THROUGH);
        EventEnvelope<PricesReady> first = FactorFeed.pricesReady("FSIR", original, false);
        feed.send(first);
        KafkaTestClient.awaitConsumed(GROUP);
        List<LocalDate> horizon = FactorFeed.horizon(original, settings.horizonDays());

        // the provider re-based everything before the cut by 1.5 and dropped the raw columns
        LocalDate cut = LocalDate.of(2024, 5, 1);
        List<PriceBar> replaced = original.stream().map(b -> new PriceBar(b.date(), null, null, null, null,
                b.adjClose() * (b.date().isBefore(cut) ? 1.5 : 1.0), null)).toList();
        var before = FactorFeed.fits(model.compute(FactorFeed.series("FSIR", original), benchmarks, horizon));
        var after = FactorFeed.fits(model.compute(FactorFeed.series("FSIR", replaced), benchmarks, horizon));
        assertThat(Math.abs(after.get(THROUGH).get("market_beta").beta() - before.get(THROUGH).get("market_beta").beta()))
                .as("the replacement moves the beta").isGreaterThan(0.05);
        FactorFeed.assertMatchesModel(feed.storedExposures("FSIR"), before);

        EventEnvelope<PricesReady> replacement = FactorFeed.pricesReady("FSIR", replaced, true);
        feed.send(replacement);
        KafkaTestClient.awaitConsumed(GROUP);

        assertThat(jdbc.queryForList("select adj_close from price_point where symbol = 'FSIR' and close is null "
                + "order by trade_date", Double.class)).containsExactlyElementsOf(replaced.stream().map(PriceBar::adjClose).toList());
        var stored = feed.storedExposures("FSIR");
        assertThat(stored.keySet()).containsExactlyElementsOf(horizon);
        FactorFeed.assertMatchesModel(stored, after);

        // every date of the horizon announced again, under ids derived from the replacement
        feed.awaitOutboxPublished();
        List<UUID> firstIds = FactorFeed.expectedIds(first.eventId(), "FSIR", horizon, settings.datesPerEvent());
        List<UUID> replacementIds = FactorFeed.expectedIds(replacement.eventId(), "FSIR", horizon, settings.datesPerEvent());
        List<UUID> allIds = new ArrayList<>(firstIds);
        allIds.addAll(replacementIds);
        List<EventEnvelope<FactorsReady>> records = feed.factorsReady("FSIR");
        assertThat(records).extracting(EventEnvelope::eventId).containsExactlyElementsOf(allIds);
        var reannounced = FactorFeed.announced(records.subList(firstIds.size(), records.size()));
        assertThat(reannounced.keySet()).containsExactlyElementsOf(horizon);
        reannounced.forEach((date, factors) -> assertThat(factors).as("announced %s", date).isEqualTo(stored.get(date)));

        // a re-delivery of the replacement computes again but stores and announces nothing new
        var rows = feed.storedRows("FSIR");
        long outbox = feed.outboxRows();
        feed.send(replacement);
        KafkaTestClient.awaitConsumed(GROUP);
        assertThat(feed.outboxRows()).isEqualTo(outbox);
        assertThat(feed.storedRows("FSIR")).isEqualTo(rows);
        feed.awaitOutboxPublished();
        assertThat(feed.factorsReady("FSIR")).isEqualTo(records);
    }

    @Test
    void aProfileSetsTheProviderBetaOnEveryDateAndTheValuationInTheMetricsWhicheverArrivesFirst() {
        // profile first, then prices: the computed dates carry the provider beta from the start
        feed.send(profile("FSIP", 1.37, 2.5e9));
        KafkaTestClient.awaitConsumed(GROUP);
        assertThat(jdbc.queryForObject("select beta from provider_beta where symbol = 'FSIP'", Double.class)).isEqualTo(1.37);
        List<PriceBar> bars = FactorFeed.bars("FSIP", FROM, THROUGH);
        feed.send(FactorFeed.pricesReady("FSIP", bars, false));
        KafkaTestClient.awaitConsumed(GROUP);
        List<LocalDate> horizon = FactorFeed.horizon(bars, settings.horizonDays());
        var stored = feed.storedExposures("FSIP");
        assertThat(stored.keySet()).containsExactlyElementsOf(horizon);
        FactorFeed.assertMatchesModel(stored, FactorFeed.fits(model.compute(FactorFeed.series("FSIP", bars), benchmarks,
                horizon)), "provider_beta");
        FactorValue providerBeta = new FactorValue(1.37, null, null, null, null, null, 252);
        assertThat(stored.values()).allSatisfy(f -> assertThat(f.get("provider_beta")).isEqualTo(providerBeta));
        assertValuation("FSIP", horizon.size(), 2.5e9);

        // prices first, then the profile: every stored date gets it, announced in chunks derived from the profile
        List<PriceBar> other = FactorFeed.bars("FSIQ", FROM, THROUGH);
        feed.send(FactorFeed.pricesReady("FSIQ", other, false));
        KafkaTestClient.awaitConsumed(GROUP);
        assertThat(feed.storedExposures("FSIQ").values()).allSatisfy(f -> assertThat(f).doesNotContainKey("provider_beta"));
        feed.awaitOutboxPublished();
        int announcedBefore = feed.factorsReady("FSIQ").size();
        EventEnvelope<ProfileUpdated> update = profile("FSIQ", 0.85, 7.0e8);
        feed.send(update);
        KafkaTestClient.awaitConsumed(GROUP);
        var withBeta = feed.storedExposures("FSIQ");
        assertThat(withBeta.keySet()).containsExactlyElementsOf(horizon);
        FactorValue quoted = new FactorValue(0.85, null, null, null, null, null, 252);
        assertThat(withBeta.values()).allSatisfy(f -> assertThat(f.get("provider_beta")).isEqualTo(quoted));
        assertValuation("FSIQ", horizon.size(), 7.0e8);
        feed.awaitOutboxPublished();
        List<EventEnvelope<FactorsReady>> records = feed.factorsReady("FSIQ");
        List<EventEnvelope<FactorsReady>> fromProfile = records.subList(announcedBefore, records.size());
        assertThat(fromProfile).extracting(EventEnvelope::eventId).containsExactlyElementsOf(FactorFeed.expectedIds(
                update.eventId(), "FSIQ", horizon, settings.datesPerEvent(), "provider_beta"));
        var announced = FactorFeed.announced(fromProfile);
        assertThat(announced.keySet()).containsExactlyElementsOf(horizon);
        assertThat(announced.values()).allSatisfy(f -> assertThat(f).isEqualTo(Map.of("provider_beta", quoted)));

        // a profile without a beta takes it away again; the valuation follows the latest profile
        feed.send(profile("FSIQ", null, 7.5e8));
        KafkaTestClient.awaitConsumed(GROUP);
        assertThat(feed.storedExposures("FSIQ").values()).allSatisfy(f -> assertThat(f).doesNotContainKey("provider_beta")
                .hasSize(12));
        assertValuation("FSIQ", horizon.size(), 7.5e8);
    }

    @Test
    void theReadApiAnswersWithTheStoredValuesAndNamesWhatIsMissingOrInvalid() throws Exception {
        List<PriceBar> bars = FactorFeed.bars("FSIH", FROM, THROUGH);
        feed.send(FactorFeed.pricesReady("FSIH", bars, false));
        KafkaTestClient.awaitConsumed(GROUP);
        LocalDate date = LocalDate.of(2024, 3, 15);
        Map<String, FactorValue> stored = feed.storedExposures("FSIH").get(date);
        assertThat(stored).hasSize(12);

        HttpResponse<String> exposures = get("/api/symbols/fsih/exposures?date=" + date);
        assertThat(exposures.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(exposures.body());
        assertThat(body.get("symbol").asString()).isEqualTo("FSIH");
        assertThat(body.get("date").asString()).isEqualTo(date.toString());
        assertThat(body.get("factors").propertyNames()).containsExactlyInAnyOrderElementsOf(stored.keySet());
        stored.forEach((factor, v) -> {
            assertThat(body.get("factors").get(factor).get("beta").asDouble()).as(factor).isEqualTo(v.beta());
            assertThat(body.get("factors").get(factor).get("observations").asInt()).as(factor).isEqualTo(v.observations());
        });
        JsonNode latest = json.readTree(get("/api/symbols/FSIH/exposures").body());
        assertThat(latest.get("date").asString()).isEqualTo(THROUGH.toString());
        assertThat(latest.get("factors").get("market_beta").get("beta").asDouble())
                .isEqualTo(feed.storedExposures("FSIH").get(THROUGH).get("market_beta").beta());

        HttpResponse<String> metrics = get("/api/symbols/FSIH/metrics?date=" + date);
        assertThat(metrics.statusCode()).isEqualTo(200);
        JsonNode m = json.readTree(metrics.body());
        double close = closeOnOrBefore(bars, date);
        assertThat(m.get("currentPrice").asDouble()).isEqualTo(close);
        assertThat(m.get("returns").get("oneDay").asDouble())
                .isCloseTo(close / closeOnOrBefore(bars, date.minusDays(1)) - 1, within(1e-12));
        assertThat(m.get("hasFactors").asBoolean()).isTrue();
        assertThat(m.get("dataQualityScore").asInt()).isEqualTo(80);
        assertThat(json.readTree(get("/api/symbols/FSIH/metrics").body()).get("date").asString()).isEqualTo(THROUGH.toString());

        // many symbols at once: each as the one-symbol read answers it, in the requested order, at most the limit
        long onDate = jdbc.queryForObject("select count(*) from symbol_metrics where metrics_date = ?", Long.class, date);
        JsonNode page = json.readTree(get("/api/symbols/metrics?date=" + date + "&sort=-return1d&limit=1000").body());
        assertThat(page.get("date").asString()).isEqualTo(date.toString());
        assertThat(page.get("symbols")).hasSize((int) onDate);
        List<Double> oneDay = page.get("symbols").valueStream().map(s -> s.get("returns").get("oneDay"))
                .filter(r -> !r.isNull()).map(JsonNode::asDouble).toList();
        assertThat(oneDay).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        for (String symbol : List.of("FSIA", "FSIH")) {
            JsonNode listed = page.get("symbols").valueStream().filter(s -> s.get("symbol").asString().equals(symbol))
                    .findFirst().orElseThrow();
            assertThat(listed).isEqualTo(json.readTree(get("/api/symbols/" + symbol + "/metrics?date=" + date).body()));
        }
        JsonNode firstTwo = json.readTree(get("/api/symbols/metrics?date=" + date + "&limit=2").body());
        assertThat(firstTwo.get("symbols").valueStream().map(s -> s.get("symbol").asString()).toList())
                .containsExactlyElementsOf(jdbc.queryForList("select symbol from symbol_metrics where metrics_date = ? "
                        + "order by symbol limit 2", String.class, date));
        HttpResponse<String> csv = get("/api/symbols/metrics?date=" + date + "&sort=symbol", "text/csv");
        assertThat(csv.body().lines().toList()).hasSize((int) onDate + 1).first().asString()
                .startsWith("symbol,date,currentPrice,return1d");
        assertThat(csv.body()).contains("FSIH," + date + "," + close + ",");
        Map<String, String> invalid = Map.of("sort=price", "sort", "sort=-", "sort", "limit=0", "limit",
                "limit=1001", "limit", "limit=many", "limit", "date=2024-13-01", "date");
        for (Map.Entry<String, String> query : invalid.entrySet()) {
            HttpResponse<String> bad = get("/api/symbols/metrics?" + query.getKey());
            assertThat(bad.statusCode()).as(query.getKey()).isEqualTo(400);
            assertThat(json.readTree(bad.body()).get("detail").asString()).as(query.getKey()).contains(query.getValue());
        }
        assertThat(json.readTree(get("/api/symbols/metrics?date=2024-03-16").body()).get("symbols"))
                .isEmpty();

        LocalDate saturday = LocalDate.of(2024, 3, 16);
        for (String kind : List.of("exposures", "metrics")) {
            HttpResponse<String> unknown = get("/api/symbols/FSINONE/" + kind);
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).contains("FSINONE");
            HttpResponse<String> noDate = get("/api/symbols/FSIH/" + kind + "?date=" + saturday);
            assertThat(noDate.statusCode()).isEqualTo(404);
            assertThat(noDate.body()).contains("FSIH", saturday.toString());
            HttpResponse<String> badDate = get("/api/symbols/FSIH/" + kind + "?date=2024-02-30");
            assertThat(badDate.statusCode()).as(badDate.body()).isEqualTo(400);
            assertThat(badDate.body()).contains("date", "2024-02-30");
        }
    }

    @Test
    void malformedPricesReadyRecordsAreDeadLetteredWithTheirReasonAndTheNextRecordIsProcessed() {
        String notJson = "poison-" + UUID.randomUUID();
        String descending = "FSIX";
        KafkaTestClient.send(Topics.PRICES_READY, notJson, "{\"eventId\": not json");
        // valid JSON, but the bars break the contract (not in ascending order)
        KafkaTestClient.send(Topics.PRICES_READY, descending, """
                {"eventId":"%s","type":"prices-ready","schemaVersion":1,"occurredAt":"2024-06-28T22:00:00Z",
                 "runId":"%s","payload":{"symbol":"FSIX","through":"2024-06-28","historyReplaced":false,
                 "bars":[{"date":"2024-06-28","adjClose":12.5},{"date":"2024-06-27","adjClose":12.0}]}}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID()));
        List<PriceBar> bars = FactorFeed.bars("FSID", FROM, THROUGH);
        feed.send(FactorFeed.pricesReady("FSID", bars, false));
        KafkaTestClient.awaitConsumed(GROUP);

        assertThat(deadLetterReason(notJson)).contains("MalformedEventException", "not valid JSON");
        assertThat(deadLetterReason(descending)).contains("MalformedEventException", "ascending");
        assertThat(jdbc.queryForObject("select count(*) from price_point where symbol = 'FSIX'", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from price_point where symbol = 'FSID'", Long.class))
                .isEqualTo(bars.size());
        assertThat(feed.storedExposures("FSID").keySet()).containsExactlyElementsOf(FactorFeed.horizon(bars,
                settings.horizonDays()));
    }

    /** The reason header of the one dead letter this service's group wrote for {@code key}. */
    private String deadLetterReason(String key) {
        return KafkaTestClient.deadLetterReason(Topics.PRICES_READY, GROUP, r -> key.equals(r.key()));
    }

    private void assertValuation(String symbol, int dates, double marketCap) {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from symbol_metrics where symbol = ?", symbol);
        assertThat(rows).hasSize(dates).allSatisfy(r -> {
            assertThat(r.get("has_profile")).isEqualTo(true);
            assertThat(r.get("name")).isEqualTo(symbol + " Corp");
            assertThat(r.get("sector")).isEqualTo("Industrials");
            assertThat(r.get("market_cap")).isEqualTo(marketCap);
            assertThat(r.get("pe_ratio")).isEqualTo(18.5);
            assertThat(r.get("forward_pe")).isEqualTo(16.25);
            assertThat(r.get("dividend_yield")).isEqualTo(0.0125);
            assertThat(((Number) r.get("data_quality_score")).intValue()).isEqualTo(100);
        });
    }

    private static EventEnvelope<ProfileUpdated> profile(String symbol, Double beta, double marketCap) {
        UUID id = UUID.randomUUID();
        return EventEnvelope.of(id, EventIds.named("factor-it", id.toString()), Instant.now(),
                new ProfileUpdated(symbol, ProfileUpdated.Tier.ALL, List.of("beta", "marketCap"),
                        new ProfileUpdated.ProfileFields(symbol + " Corp", "Industrials", "Machinery", false, false, beta,
                                marketCap, 18.5, 16.25, 0.0125, 120.0, 80.0)));
    }

    /** The last close sent on or before {@code date} (a return's reference price). */
    private static double closeOnOrBefore(List<PriceBar> bars, LocalDate date) {
        return bars.stream().filter(b -> !b.date().isAfter(date)).reduce((a, b) -> b).orElseThrow().adjClose();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept)
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
