package io.riskstream.portfolio.it;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.EventPayload;
import io.riskstream.common.event.FactorsReady;
import io.riskstream.common.event.PortfolioAnalyticsReady;
import io.riskstream.common.event.PriceBar;
import io.riskstream.common.event.PricesReady;
import io.riskstream.common.event.ProfileUpdated;
import io.riskstream.common.event.SymbolAdded;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import io.riskstream.testsupport.KafkaTestClient;
import io.riskstream.testsupport.TestTokens;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What portfolio-service's integration tests send and read: the events the symbol services would send (closes,
 * betas, profiles), its HTTP API, its refresh queue and the records it publishes.
 */
final class PortfolioFeed {

    record Response(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final EventCodec codec = new EventCodec();
    private final JdbcTemplate jdbc;
    private final int port;

    PortfolioFeed(JdbcTemplate jdbc, int port) {
        this.jdbc = jdbc;
        this.port = port;
    }

    static <P extends EventPayload> EventEnvelope<P> envelope(P payload) {
        UUID id = UUID.randomUUID();
        return EventEnvelope.of(id, EventIds.named("portfolio-it", id.toString()), Instant.now(), payload);
    }

    /** prices-ready as price-service sends it: one bar per close (the close is what the valuation uses). */
    static EventEnvelope<PricesReady> prices(String symbol, NavigableMap<LocalDate, Double> closes) {
        List<PriceBar> bars = new ArrayList<>();
        closes.forEach((d, c) -> bars.add(new PriceBar(d, c, c, c, c, c, 1_000L)));
        return envelope(new PricesReady(symbol, closes.lastKey(), false, bars));
    }

    /** factors-ready as factor-service sends it: per date, the betas by factor wire name. */
    static EventEnvelope<FactorsReady> factors(String symbol, NavigableMap<LocalDate, Map<String, Double>> betas) {
        List<FactorsReady.DatedExposures> dated = new ArrayList<>();
        betas.forEach((d, byFactor) -> {
            Map<String, FactorsReady.FactorValue> values = new TreeMap<>();
            byFactor.forEach((f, b) -> values.put(f, new FactorsReady.FactorValue(b, 0.0, 0.5, 0.1, 2.0, 0.05, 120)));
            dated.add(new FactorsReady.DatedExposures(d, values));
        });
        return envelope(new FactorsReady(symbol, dated));
    }

    static EventEnvelope<ProfileUpdated> profile(String symbol, String sector, boolean etf) {
        return envelope(new ProfileUpdated(symbol, ProfileUpdated.Tier.ALL, List.of("sector"),
                new ProfileUpdated.ProfileFields(symbol + " Inc", sector, null, etf, etf, 1.0, 1.0e9, 20.0, 18.0,
                        0.01, null, null)));
    }

    void send(EventEnvelope<? extends EventPayload> event) {
        KafkaTestClient.send(event.topic(), event.key(), codec.encode(event));
    }

    EventCodec codec() {
        return codec;
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    Response get(String path, String accept) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET().build());
    }

    /** A POST as a client holding the portfolio:write scope. */
    Response post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Authorization", TestTokens.portfolioWriter())
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Creates a portfolio through the API; positions as {"symbol":..,"quantity":..,"entryPrice":..,"entryDate":..}. */
    UUID create(String name, double equity, String... positions) {
        Response created = post("/api/portfolios", """
                {"name":"%s","equity":%s,"positions":[%s]}""".formatted(name, equity, String.join(",", positions)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    static String position(String symbol, double quantity, double entryPrice, LocalDate entryDate) {
        return """
                {"symbol":"%s","quantity":%s,"entryPrice":%s,"entryDate":"%s"}""".formatted(symbol, quantity, entryPrice,
                entryDate);
    }

    /** Dates of the portfolio still waiting in the refresh queue. */
    List<LocalDate> pending(UUID portfolio) {
        return jdbc.queryForList("select calculation_date from portfolio_refresh_pending where portfolio_id = ? "
                + "order by 1", LocalDate.class, portfolio);
    }

    List<LocalDate> snapshotDates(UUID portfolio) {
        return jdbc.queryForList("select snapshot_date from portfolio_snapshot where portfolio_id = ? order by 1",
                LocalDate.class, portfolio);
    }

    /** Waits until the outbox relay has published every stored event: what is on the topics is then complete. */
    void awaitOutboxPublished() {
        await("outbox published").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                jdbc.queryForObject("select count(*) from outbox_event where published_at is null", Long.class) == 0);
    }

    List<EventEnvelope<PortfolioAnalyticsReady>> analyticsReady(UUID portfolio) {
        return KafkaTestClient.readAll(Topics.PORTFOLIO_ANALYTICS_READY, r -> portfolio.toString().equals(r.key()))
                .stream().map(r -> codec.decode(r.topic(), r.value(), PortfolioAnalyticsReady.class)).toList();
    }

    List<EventEnvelope<SymbolAdded>> symbolAdded(String symbol) {
        return KafkaTestClient.readAll(Topics.SYMBOL_ADDED, r -> symbol.equals(r.key())).stream()
                .map(r -> codec.decode(r.topic(), r.value(), SymbolAdded.class)).toList();
    }

    /** The reason header of the one dead letter {@code group} wrote for {@code key} from {@code topic}. */
    static String deadLetterReason(String topic, String key, String group) {
        return KafkaTestClient.deadLetterReason(topic, group, r -> key.equals(r.key()));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (Exception e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        }
    }
}
