package io.riskstream.factor.it;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.EventPayload;
import io.riskstream.common.event.FactorsReady;
import io.riskstream.common.event.FactorsReady.FactorValue;
import io.riskstream.common.event.PriceBar;
import io.riskstream.common.event.PricesReady;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import io.riskstream.marketdata.SimulatedMarket;
import io.riskstream.factor.domain.exposure.FactorFit;
import io.riskstream.factor.domain.exposure.PriceSeries;
import io.riskstream.factor.domain.exposure.SymbolExposures;
import io.riskstream.testsupport.KafkaTestClient;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * What factor-service's integration tests send and read: prices-ready events carrying bars of the simulated market,
 * the rows the service stores, and the factors-ready records it publishes.
 */
final class FactorFeed {

    /** Stored and announced values are compared with the domain model's to this absolute difference. */
    static final double TOLERANCE = 1e-9;

    private static final SimulatedMarket MARKET = new SimulatedMarket();
    private final EventCodec codec = new EventCodec();
    private final JdbcTemplate jdbc;

    FactorFeed(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The simulated market's bars of {@code symbol} in [from, to], as price-service would carry them. */
    static List<PriceBar> bars(String symbol, LocalDate from, LocalDate to) {
        return MARKET.dailyBars(symbol, from, to).stream()
                .map(b -> new PriceBar(b.date(), b.open(), b.high(), b.low(), b.close(), b.adjClose(), b.volume()))
                .toList();
    }

    static List<PriceBar> between(List<PriceBar> bars, LocalDate from, LocalDate to) {
        return bars.stream().filter(b -> !b.date().isBefore(from) && !b.date().isAfter(to)).toList();
    }

    static EventEnvelope<PricesReady> pricesReady(String symbol, List<PriceBar> bars, boolean historyReplaced) {
        UUID id = UUID.randomUUID();
        return EventEnvelope.of(id, EventIds.named("factor-it", id.toString()), Instant.now(),
                new PricesReady(symbol, bars.getLast().date(), historyReplaced, bars));
    }

    void send(EventEnvelope<? extends EventPayload> event) {
        KafkaTestClient.send(event.topic(), event.key(), codec.encode(event));
    }

    /** The dates of {@code bars} inside the horizon that ends with the last bar (what a first prices-ready computes). */
    static List<LocalDate> horizon(List<PriceBar> bars, int horizonDays) {
        LocalDate start = bars.getLast().date().minusDays(horizonDays);
        return bars.stream().map(PriceBar::date).filter(d -> !d.isBefore(start)).toList();
    }

    static PriceSeries series(String symbol, List<PriceBar> bars) {
        return new PriceSeries(symbol, bars.stream().map(PriceBar::date).toArray(LocalDate[]::new),
                bars.stream().mapToDouble(PriceBar::adjClose).toArray());
    }

    /** The model's fitted factors per date, by wire name (what the service must store and announce). */
    static Map<LocalDate, Map<String, FactorFit>> fits(List<SymbolExposures> computed) {
        Map<LocalDate, Map<String, FactorFit>> fits = new TreeMap<>();
        for (SymbolExposures e : computed) {
            Map<String, FactorFit> byName = new TreeMap<>();
            e.factors().forEach((id, outcome) -> {
                if (outcome instanceof FactorFit fit) {
                    byName.put(id.wireName(), fit);
                }
            });
            fits.put(e.calculationDate(), byName);
        }
        return fits;
    }

    /** symbol_exposure of {@code symbol}: date → factor → value. */
    Map<LocalDate, Map<String, FactorValue>> storedExposures(String symbol) {
        Map<LocalDate, Map<String, FactorValue>> stored = new TreeMap<>();
        jdbc.query("select * from symbol_exposure where symbol = ? order by calculation_date, factor", rs -> {
            stored.computeIfAbsent(rs.getObject("calculation_date", LocalDate.class), d -> new TreeMap<>())
                    .put(rs.getString("factor"), new FactorValue(rs.getDouble("beta"), rs.getObject("alpha", Double.class),
                            rs.getObject("r_squared", Double.class), rs.getObject("std_error", Double.class),
                            rs.getObject("t_stat", Double.class), rs.getObject("p_value", Double.class),
                            rs.getObject("observations", Integer.class)));
        }, symbol);
        return stored;
    }

    /** Asserts that every expected date has exactly the model's fitted factors (plus {@code extra}), to 1e-9. */
    static void assertMatchesModel(Map<LocalDate, Map<String, FactorValue>> stored,
                                   Map<LocalDate, Map<String, FactorFit>> expected, String... extra) {
        expected.forEach((date, fits) -> {
            Map<String, FactorValue> row = stored.get(date);
            assertThat(row).as("exposures stored for %s", date).isNotNull();
            List<String> names = new ArrayList<>(fits.keySet());
            names.addAll(List.of(extra));
            assertThat(row.keySet()).as("factors on %s", date).containsExactlyInAnyOrderElementsOf(names);
            fits.forEach((factor, fit) -> {
                FactorValue v = row.get(factor);
                String at = factor + " on " + date;
                assertThat(v.beta()).as(at).isCloseTo(fit.beta(), within(TOLERANCE));
                assertClose(v.alpha(), fit.alpha(), at + " alpha");
                assertClose(v.rSquared(), fit.rSquared(), at + " rSquared");
                assertClose(v.stdError(), fit.stdError(), at + " stdError");
                assertClose(v.tStat(), fit.tStat(), at + " tStat");
                assertClose(v.pValue(), fit.pValue(), at + " pValue");
                assertThat(v.observations()).as(at + " observations").isEqualTo(fit.observations());
            });
        });
    }

    private static void assertClose(Double actual, Double expected, String what) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
        } else {
            assertThat(actual).as(what).isNotNull();
            assertThat(actual).as(what).isCloseTo(expected, within(TOLERANCE));
        }
    }

    /** Waits until the outbox relay has published every stored event: what is on the topics is then complete. */
    void awaitOutboxPublished() {
        await("outbox published").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                jdbc.queryForObject("select count(*) from outbox_event where published_at is null", Long.class) == 0);
    }

    /** factors-ready records of {@code symbol} on the topic, in offset order per partition (one key: one partition). */
    List<EventEnvelope<FactorsReady>> factorsReady(String symbol) {
        return KafkaTestClient.readAll(Topics.FACTORS_READY, r -> symbol.equals(r.key())).stream()
                .map(r -> codec.decode(Topics.FACTORS_READY, r.value(), FactorsReady.class)).toList();
    }

    /** The announced exposures of {@code records}, by date; fails if a date is announced twice. */
    static Map<LocalDate, Map<String, FactorValue>> announced(List<EventEnvelope<FactorsReady>> records) {
        Map<LocalDate, Map<String, FactorValue>> byDate = new LinkedHashMap<>();
        for (EventEnvelope<FactorsReady> record : records) {
            for (FactorsReady.DatedExposures dated : record.payload().exposures()) {
                assertThat(byDate.put(dated.calculationDate(), new TreeMap<>(dated.factors())))
                        .as("%s announced once", dated.calculationDate()).isNull();
            }
        }
        return byDate;
    }

    /**
     * The event ids factor-service derives for {@code dates} announced because of {@code cause}, in chunks of
     * {@code perEvent} dates: deterministic, so a re-delivery of the cause gives the same ids.
     */
    static List<UUID> expectedIds(UUID cause, String symbol, List<LocalDate> dates, int perEvent, String... parts) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < dates.size(); i += perEvent) {
            List<LocalDate> chunk = dates.subList(i, Math.min(dates.size(), i + perEvent));
            List<String> name = new ArrayList<>(List.of("factors-ready", symbol));
            name.addAll(List.of(parts));
            name.add(chunk.getFirst().toString());
            name.add(chunk.getLast().toString());
            ids.add(EventIds.derive(cause, name.toArray(String[]::new)));
        }
        return ids;
    }

    /**
     * Every row factor-service keeps of {@code symbol} (prices, exposures, metrics), each row as its text with every
     * column, computed_at included: a before and an after compare exactly.
     */
    List<List<String>> storedRows(String symbol) {
        return List.of(rows("price_point", "trade_date", symbol), rows("symbol_exposure", "calculation_date, factor", symbol),
                rows("symbol_metrics", "metrics_date", symbol));
    }

    private List<String> rows(String table, String order, String symbol) {
        return jdbc.queryForList("select t::text from " + table + " t where symbol = ? order by " + order, String.class,
                symbol);
    }

    long outboxRows() {
        return jdbc.queryForObject("select count(*) from outbox_event", Long.class);
    }

    long outboxRows(String topic) {
        return jdbc.queryForObject("select count(*) from outbox_event where topic = ?", Long.class, topic);
    }

    EventCodec codec() {
        return codec;
    }
}
