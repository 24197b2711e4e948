package io.riskstream.factor.it;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.FactorsReady.FactorValue;
import io.riskstream.common.event.PriceBar;
import io.riskstream.common.event.PricesReady;
import io.riskstream.common.event.RunStage;
import io.riskstream.common.event.Topics;
import io.riskstream.common.factors.FactorCatalogue;
import io.riskstream.factor.FactorServiceApplication;
import io.riskstream.factor.config.FactorServiceSettings;
import io.riskstream.factor.domain.exposure.PriceSeries;
import io.riskstream.factor.domain.exposure.SymbolExposureModel;
import io.riskstream.testsupport.KafkaTestClient;
import io.riskstream.testsupport.TestInfra;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The prices-ready batch listener on the real broker and PostgreSQL. The records are sent while the listener is
 * paused, so that they reach it as one poll (or a few): histories, daily records of several symbols and dates, dates
 * that wait for the benchmarks and the benchmarks' records that release them, re-deliveries, and malformed records
 * between good ones. What the service stores and announces is compared with what it stores and announces for the
 * same bars under other symbols, sent one record at a time.
 */
@SpringBootTest(classes = FactorServiceApplication.class)
@DirtiesContext
class PricesReadyBatchIT {

    static final String GROUP = TestInfra.groupOf("factor-service", PricesReadyBatchIT.class);
    static final LocalDate FROM = LocalDate.of(2022, 6, 1);
    static final LocalDate THROUGH = LocalDate.of(2024, 6, 28);
    static final LocalDate D1 = LocalDate.of(2024, 7, 1), D2 = LocalDate.of(2024, 7, 2), D3 = LocalDate.of(2024, 7, 3);

    private static boolean benchmarksLoaded;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "factor-service", PricesReadyBatchIT.class);
    }

    @Autowired JdbcTemplate jdbc;
    @Autowired SymbolExposureModel model;
    @Autowired FactorServiceSettings settings;
    @Autowired KafkaListenerEndpointRegistry listeners;

    private FactorFeed feed;

    @BeforeEach
    void benchmarks() {
        feed = new FactorFeed(jdbc);
        if (!benchmarksLoaded) {
            FactorCatalogue.benchmarkSymbols().forEach(etf ->
                    feed.send(FactorFeed.pricesReady(etf, FactorFeed.bars(etf, FROM, THROUGH), false)));
            KafkaTestClient.awaitConsumed(GROUP);
            benchmarksLoaded = true;
        }
    }

    @Test
    void aPollOfManyRecordsStoresAndAnnouncesWhatTheSameRecordsOneAtATimeDoAndItsReplayChangesNothing() {
        List<String> symbols = List.of("FSBA", "FSBB", "FSBC", "FSBD", "FSBE", "FSBF");
        List<EventEnvelope<PricesReady>> batch = new ArrayList<>();
        symbols.forEach(s -> batch.add(FactorFeed.pricesReady(s, FactorFeed.bars(s, FROM, THROUGH), false)));
        FactorCatalogue.benchmarkSymbols().forEach(etf ->
                batch.add(FactorFeed.pricesReady(etf, FactorFeed.bars(etf, D1, D2), false)));
        for (LocalDate day : List.of(D1, D2, D3)) {
            symbols.forEach(s -> batch.add(FactorFeed.pricesReady(s, FactorFeed.bars(s, day, day), false)));
        }
        // D3 is not covered by the benchmarks until their D3 records, sent last: the symbols' D3 waits, then is released
        FactorCatalogue.benchmarkSymbols().forEach(etf ->
                batch.add(FactorFeed.pricesReady(etf, FactorFeed.bars(etf, D3, D3), false)));
        batch.add(batch.getFirst()); // a re-delivery inside the poll
        batch.add(batch.get(symbols.size() + FactorCatalogue.benchmarkSymbols().size() + 1));

        sendWhilePaused(batch.stream().map(this::encoded).toList());

        assertThat(jdbc.queryForObject("select count(*) from pending_calculation", Long.class)).isZero();
        // the same bars under other symbols, one record at a time (the benchmarks cover every date by now)
        Map<String, String> twins = new LinkedHashMap<>();
        symbols.forEach(s -> twins.put(s, "FSO" + s.charAt(3)));
        twins.forEach((symbol, twin) -> {
            sendOne(FactorFeed.pricesReady(twin, FactorFeed.bars(symbol, FROM, THROUGH), false));
            for (LocalDate day : List.of(D1, D2, D3)) {
                sendOne(FactorFeed.pricesReady(twin, FactorFeed.bars(symbol, day, day), false));
            }
        });

        feed.awaitOutboxPublished();
        List<PriceBar> history = FactorFeed.bars("FSBA", FROM, THROUGH);
        List<LocalDate> dates = new ArrayList<>(FactorFeed.horizon(history, settings.horizonDays()));
        dates.addAll(List.of(D1, D2, D3));
        twins.forEach((symbol, twin) -> {
            var stored = feed.storedExposures(symbol);
            assertThat(stored.keySet()).as(symbol).containsExactlyElementsOf(dates);
            assertThat(stored.get(D3)).as("%s on %s", symbol, D3).hasSize(12);
            assertSameExposures(stored, feed.storedExposures(twin), symbol + " as " + twin);
            assertThat(rowsWithoutSymbol(symbol)).as("%s as %s", symbol, twin).isEqualTo(rowsWithoutSymbol(twin));
            Map<LocalDate, Map<String, FactorValue>> announced = FactorFeed.announced(feed.factorsReady(symbol));
            assertThat(announced).as("announced once per date, as stored").isEqualTo(stored);
            assertSameExposures(announced, FactorFeed.announced(feed.factorsReady(twin)), symbol + " announced");
        });
        assertThat(acknowledgements(batch)).as("one acknowledgement per distinct record")
                .isEqualTo(batch.stream().map(EventEnvelope::eventId).distinct().count());

        // the same poll again, then the same bars under new event ids (a replay): nothing stored or announced anew
        List<List<List<String>>> before = symbols.stream().map(feed::storedRows).toList();
        long outbox = feed.outboxRows();
        long announcements = feed.outboxRows(Topics.FACTORS_READY);
        sendWhilePaused(batch.stream().map(this::encoded).toList());
        assertThat(feed.outboxRows()).isEqualTo(outbox);
        sendWhilePaused(batch.stream().map(e -> encoded(FactorFeed.pricesReady(e.payload().symbol(), e.payload().bars(),
                false))).toList());
        assertThat(feed.outboxRows(Topics.FACTORS_READY)).isEqualTo(announcements);
        assertThat(symbols.stream().map(feed::storedRows).toList()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from pending_calculation", Long.class)).isZero();
    }

    @Test
    void malformedRecordsInsideAPollAreDeadLetteredWithTheirReasonAndTheRecordsAroundThemAreStored() {
        List<PriceBar> first = FactorFeed.bars("FSBG", FROM, THROUGH);
        List<PriceBar> last = first.subList(first.size() - 5, first.size());
        String notJson = "{\"eventId\": not json " + UUID.randomUUID();
        String descending = """
                {"eventId":"%s","type":"prices-ready","schemaVersion":1,"occurredAt":"2024-06-28T22:00:00Z",
                 "runId":"%s","payload":{"symbol":"FSBG","through":"2024-06-28","historyReplaced":false,
                 "bars":[{"date":"2024-06-28","adjClose":12.5},{"date":"2024-06-27","adjClose":12.0}]}}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID());
        // one key, so one partition and this order: good, poison, good, poison, good; two other symbols around them
        sendWhilePaused(List.of(
                encoded(FactorFeed.pricesReady("FSBH", FactorFeed.bars("FSBH", FROM, THROUGH), false)),
                encoded(FactorFeed.pricesReady("FSBG", first.subList(0, first.size() - 5), false)),
                new ProducerRecord<>(Topics.PRICES_READY, "FSBG", notJson),
                encoded(FactorFeed.pricesReady("FSBI", FactorFeed.bars("FSBI", FROM, THROUGH), false)),
                new ProducerRecord<>(Topics.PRICES_READY, "FSBG", descending),
                encoded(FactorFeed.pricesReady("FSBG", last, false))));

        assertThat(deadLetterReason(notJson)).contains("MalformedEventException", "not valid JSON");
        assertThat(deadLetterReason(descending)).contains("MalformedEventException", "ascending");
        Map<String, PriceSeries> benchmarks = new LinkedHashMap<>();
        FactorCatalogue.benchmarkSymbols().forEach(etf ->
                benchmarks.put(etf, FactorFeed.series(etf, FactorFeed.bars(etf, FROM, THROUGH))));
        for (String symbol : List.of("FSBG", "FSBH", "FSBI")) {
            List<PriceBar> bars = FactorFeed.bars(symbol, FROM, THROUGH);
            assertThat(jdbc.queryForObject("select count(*) from price_point where symbol = ?", Long.class, symbol))
                    .as(symbol).isEqualTo(bars.size());
            // FSBG came in two records: the first one's horizon ends five dates earlier, so it starts earlier
            List<LocalDate> horizon = symbol.equals("FSBG")
                    ? Stream.concat(FactorFeed.horizon(first.subList(0, first.size() - 5), settings.horizonDays()).stream(),
                            last.stream().map(PriceBar::date)).toList()
                    : FactorFeed.horizon(bars, settings.horizonDays());
            var stored = feed.storedExposures(symbol);
            assertThat(stored.keySet()).as(symbol).containsExactlyElementsOf(horizon);
            FactorFeed.assertMatchesModel(stored, FactorFeed.fits(model.compute(FactorFeed.series(symbol, bars),
                    benchmarks, horizon)));
        }
    }

    private ProducerRecord<String, String> encoded(EventEnvelope<PricesReady> event) {
        return new ProducerRecord<>(event.topic(), event.key(), feed.codec().encode(event));
    }

    private void sendOne(EventEnvelope<PricesReady> event) {
        feed.send(event);
        KafkaTestClient.awaitConsumed(GROUP);
    }

    /** Sends the records in order while the listener is paused, resumes it and waits until it consumed them all. */
    private void sendWhilePaused(List<ProducerRecord<String, String>> records) {
        MessageListenerContainer container = listeners.getListenerContainer("factor-service.prices-ready");
        container.pause();
        try {
            await().atMost(Duration.ofSeconds(30)).until(container::isContainerPaused);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.bootstrapServers(),
                    ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024),
                    new StringSerializer(), new StringSerializer())) {
                records.forEach(producer::send);
                producer.flush();
            }
        } finally {
            container.resume();
        }
        KafkaTestClient.awaitConsumed(GROUP);
    }

    /** Acknowledgements (run-status) in the outbox for the records' event ids. */
    private long acknowledgements(List<EventEnvelope<PricesReady>> records) {
        String[] ids = records.stream().map(e -> EventIds.derive(e.eventId(), "run-status", RunStage.FACTORS.label()))
                .map(UUID::toString).distinct().toArray(String[]::new);
        return jdbc.queryForObject("select count(*) from outbox_event where topic = ? and event_id::text = any(?)",
                Long.class,
                Topics.RUN_STATUS, ids);
    }

    /**
     * The same dates and factors, each value equal to {@link FactorFeed#TOLERANCE}: dates computed in one call of the
     * model (a history, or pending dates released together) and dates computed one at a time differ in the last bits.
     */
    private static void assertSameExposures(Map<LocalDate, Map<String, FactorValue>> actual,
                                            Map<LocalDate, Map<String, FactorValue>> expected, String what) {
        assertThat(actual.keySet()).as(what).containsExactlyElementsOf(expected.keySet());
        expected.forEach((date, factors) -> {
            assertThat(actual.get(date).keySet()).as("%s on %s", what, date).isEqualTo(factors.keySet());
            factors.forEach((factor, v) -> {
                FactorValue a = actual.get(date).get(factor);
                String at = what + ": " + factor + " on " + date;
                assertThat(a.observations()).as(at).isEqualTo(v.observations());
                List<Double> av = Arrays.asList(a.beta(), a.alpha(), a.rSquared(), a.stdError(), a.tStat(), a.pValue());
                List<Double> ev = Arrays.asList(v.beta(), v.alpha(), v.rSquared(), v.stdError(), v.tStat(), v.pValue());
                for (int i = 0; i < ev.size(); i++) {
                    if (ev.get(i) == null) {
                        assertThat(av.get(i)).as(at).isNull();
                    } else {
                        assertThat(av.get(i)).as(at).isCloseTo(ev.get(i), within(FactorFeed.TOLERANCE));
                    }
                }
            });
        });
    }

    /** Every column but the symbol and the time of computation, of each price and metrics row kept of {@code symbol}. */
    private List<String> rowsWithoutSymbol(String symbol) {
        return Stream.of("price_point order by trade_date", "symbol_metrics order by metrics_date").flatMap(q -> {
                    String[] parts = q.split(" order by ");
                    return jdbc.queryForList("select (to_jsonb(t) - 'symbol' - 'computed_at')::text from " + parts[0]
                            + " t where symbol = ? order by " + parts[1], String.class, symbol).stream();
                }).toList();
    }

    /** The reason header of the one dead letter this class's group wrote with this value. */
    private String deadLetterReason(String value) {
        return KafkaTestClient.deadLetterReason(Topics.PRICES_READY, GROUP, r -> value.equals(r.value()));
    }
}
