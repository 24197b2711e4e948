package io.riskstream.factor.it;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.FactorsReady;
import io.riskstream.common.event.PriceBar;
import io.riskstream.common.event.PricesReady;
import io.riskstream.common.event.RunStageReport;
import io.riskstream.common.event.Topics;
import io.riskstream.common.factors.FactorCatalogue;
import io.riskstream.factor.FactorServiceApplication;
import io.riskstream.factor.config.FactorServiceSettings;
import io.riskstream.factor.domain.exposure.PriceSeries;
import io.riskstream.factor.domain.exposure.SymbolExposureModel;
import io.riskstream.testsupport.KafkaTestClient;
import io.riskstream.testsupport.TestInfra;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RefreshExposures' pending-benchmark path: a symbol's dates that the benchmark ETFs do not cover yet (the last date
 * every one of the eight has a price for) wait in {@code pending_calculation}, and are computed and announced when
 * the last benchmark's prices-ready arrives; when the benchmarks came first, nothing waits. The two tests use
 * different years, so they pass in either order on the one database of the class.
 */
@SpringBootTest(classes = FactorServiceApplication.class)
@DirtiesContext
class PendingBenchmarksIT {

    static final String GROUP = TestInfra.groupOf("factor-service", PendingBenchmarksIT.class);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "factor-service", PendingBenchmarksIT.class);
    }

    @Autowired JdbcTemplate jdbc;
    @Autowired SymbolExposureModel model;
    @Autowired FactorServiceSettings settings;

    @Test
    void whenTheBenchmarksCameFirstASymbolIsComputedAtOnceAndNothingWaits() {
        LocalDate from = LocalDate.of(2019, 1, 2), through = LocalDate.of(2020, 6, 30);
        FactorFeed feed = new FactorFeed(jdbc);
        Map<String, PriceSeries> benchmarks = sendBenchmarks(feed, from, through);
        KafkaTestClient.awaitConsumed(GROUP);

        List<PriceBar> bars = FactorFeed.bars("PBX", from, through);
        EventEnvelope<PricesReady> event = FactorFeed.pricesReady("PBX", bars, false);
        feed.send(event);
        KafkaTestClient.awaitConsumed(GROUP);

        assertThat(pendingDates("PBX")).isEmpty();
        List<LocalDate> horizon = FactorFeed.horizon(bars, settings.horizonDays());
        var stored = feed.storedExposures("PBX");
        assertThat(stored.keySet()).containsExactlyElementsOf(horizon);
        FactorFeed.assertMatchesModel(stored, FactorFeed.fits(model.compute(FactorFeed.series("PBX", bars), benchmarks,
                horizon)));
        feed.awaitOutboxPublished();
        List<EventEnvelope<FactorsReady>> records = feed.factorsReady("PBX");
        assertThat(FactorFeed.announced(records).keySet()).containsExactlyElementsOf(horizon);
        assertThat(records).extracting(EventEnvelope::eventId).containsExactlyElementsOf(
                FactorFeed.expectedIds(event.eventId(), "PBX", horizon, settings.datesPerEvent()));
        assertThat(acknowledged(feed, event.eventId()).subjects()).containsExactly("PBX");
    }

    @Test
    void datesTheBenchmarksDoNotCoverWaitAndAreComputedAndAnnouncedWhenTheLastBenchmarkArrives() {
        LocalDate from = LocalDate.of(2022, 6, 1), covered = LocalDate.of(2024, 3, 28), through = LocalDate.of(2024, 4, 30);
        FactorFeed feed = new FactorFeed(jdbc);
        Map<String, PriceSeries> benchmarks = sendBenchmarks(feed, from, covered);
        KafkaTestClient.awaitConsumed(GROUP);
        assertThat(pendingDates(null)).as("nothing waits once all eight benchmarks are there").isEmpty();

        // PBY arrives with a month more than the benchmarks: its covered dates are computed, April waits
        List<PriceBar> pby = FactorFeed.bars("PBY", from, through);
        EventEnvelope<PricesReady> pbyEvent = FactorFeed.pricesReady("PBY", pby, false);
        feed.send(pbyEvent);
        // PBW is computed through the covered date, then its April bars come alone: all of them wait
        List<PriceBar> pbw = FactorFeed.bars("PBW", from, through);
        EventEnvelope<PricesReady> pbwFirst = FactorFeed.pricesReady("PBW", FactorFeed.between(pbw, from, covered), false);
        feed.send(pbwFirst);
        KafkaTestClient.awaitConsumed(GROUP);
        List<PriceBar> april = FactorFeed.between(pbw, covered.plusDays(1), through);
        EventEnvelope<PricesReady> pbwApril = FactorFeed.pricesReady("PBW", april, false);
        feed.send(pbwApril);
        KafkaTestClient.awaitConsumed(GROUP);

        List<LocalDate> aprilDates = april.stream().map(PriceBar::date).toList();
        List<LocalDate> pbyHorizon = FactorFeed.horizon(pby, settings.horizonDays());
        List<LocalDate> pbyNow = pbyHorizon.stream().filter(d -> !d.isAfter(covered)).toList();
        List<LocalDate> pbwNow = FactorFeed.horizon(FactorFeed.between(pbw, from, covered), settings.horizonDays());
        assertThat(pendingDates("PBY")).containsExactlyElementsOf(aprilDates);
        assertThat(pendingDates("PBW")).containsExactlyElementsOf(aprilDates);
        assertThat(feed.storedExposures("PBY").keySet()).containsExactlyElementsOf(pbyNow);
        assertThat(feed.storedExposures("PBW").keySet()).containsExactlyElementsOf(pbwNow);
        assertThat(metricsDates("PBY")).containsExactlyElementsOf(pbyNow);
        assertThat(metricsDates("PBW")).containsExactlyElementsOf(pbwNow);
        feed.awaitOutboxPublished();
        int pbyAnnounced = feed.factorsReady("PBY").size(), pbwAnnounced = feed.factorsReady("PBW").size();
        assertThat(FactorFeed.announced(feed.factorsReady("PBY")).keySet()).containsExactlyElementsOf(pbyNow);
        assertThat(FactorFeed.announced(feed.factorsReady("PBW")).keySet()).containsExactlyElementsOf(pbwNow);
        assertThat(acknowledged(feed, pbyEvent.eventId()).subjects()).containsExactly("PBY");
        assertThat(acknowledged(feed, pbwApril.eventId()).subjects()).as("nothing announced for the April bars").isEmpty();

        // seven of the eight benchmarks' April: coverage is the least advanced one, so everything still waits
        List<String> etfs = FactorCatalogue.benchmarkSymbols();
        String last = etfs.getLast();
        for (String etf : etfs.subList(0, etfs.size() - 1)) {
            feed.send(FactorFeed.pricesReady(etf, FactorFeed.bars(etf, covered.plusDays(1), through), false));
        }
        KafkaTestClient.awaitConsumed(GROUP);
        assertThat(pendingDates("PBY")).containsExactlyElementsOf(aprilDates);
        assertThat(pendingDates("PBW")).containsExactlyElementsOf(aprilDates);
        assertThat(feed.storedExposures("PBY").keySet()).containsExactlyElementsOf(pbyNow);
        for (String etf : etfs.subList(0, etfs.size() - 1)) {
            assertThat(pendingDates(etf)).as(etf).containsExactlyElementsOf(aprilDates);
        }

        // the last one releases every waiting date: computed on the full prices, announced because of it
        EventEnvelope<PricesReady> release = FactorFeed.pricesReady(last, FactorFeed.bars(last, covered.plusDays(1), through), false);
        feed.send(release);
        KafkaTestClient.awaitConsumed(GROUP);
        assertThat(pendingDates(null)).isEmpty();
        Map<String, PriceSeries> full = new LinkedHashMap<>();
        etfs.forEach(etf -> full.put(etf, FactorFeed.series(etf, FactorFeed.bars(etf, from, through))));
        var pbyStored = feed.storedExposures("PBY");
        assertThat(pbyStored.keySet()).containsExactlyElementsOf(pbyHorizon);
        FactorFeed.assertMatchesModel(pbyStored, FactorFeed.fits(model.compute(FactorFeed.series("PBY", pby), full, pbyHorizon)));
        List<LocalDate> pbwAll = new ArrayList<>(pbwNow);
        pbwAll.addAll(aprilDates);
        var pbwStored = feed.storedExposures("PBW");
        assertThat(pbwStored.keySet()).containsExactlyElementsOf(pbwAll);
        FactorFeed.assertMatchesModel(pbwStored, FactorFeed.fits(model.compute(FactorFeed.series("PBW", pbw), full, pbwAll)));
        assertThat(metricsDates("PBY")).containsExactlyElementsOf(pbyHorizon);
        assertThat(metricsDates("PBW")).containsExactlyElementsOf(pbwAll);
        // the benchmarks' dates computed before their April was complete are not lost either
        assertThat(benchmarks.keySet()).allSatisfy(etf -> assertThat(jdbc.queryForObject("select count(distinct "
                + "calculation_date) from symbol_exposure where symbol = ? and calculation_date > ?", Long.class, etf, covered))
                .as(etf).isEqualTo(aprilDates.size()));

        feed.awaitOutboxPublished();
        for (String symbol : List.of("PBY", "PBW")) {
            List<EventEnvelope<FactorsReady>> released = feed.factorsReady(symbol);
            released = released.subList("PBY".equals(symbol) ? pbyAnnounced : pbwAnnounced, released.size());
            assertThat(FactorFeed.announced(released).keySet()).as(symbol).containsExactlyElementsOf(aprilDates);
            assertThat(released).extracting(EventEnvelope::eventId).as(symbol).containsExactlyElementsOf(
                    FactorFeed.expectedIds(release.eventId(), symbol, aprilDates, settings.datesPerEvent()));
            assertThat(released).extracting(EventEnvelope::runId).containsOnly(release.runId());
        }
        Set<String> expectedSubjects = new TreeSet<>(etfs);
        expectedSubjects.addAll(List.of("PBY", "PBW"));
        assertThat(acknowledged(feed, release.eventId()).subjects()).containsExactlyInAnyOrderElementsOf(expectedSubjects);
    }

    private Map<String, PriceSeries> sendBenchmarks(FactorFeed feed, LocalDate from, LocalDate through) {
        Map<String, PriceSeries> series = new HashMap<>();
        for (String etf : FactorCatalogue.benchmarkSymbols()) {
            List<PriceBar> bars = FactorFeed.bars(etf, from, through);
            feed.send(FactorFeed.pricesReady(etf, bars, false));
            series.put(etf, FactorFeed.series(etf, bars));
        }
        return series;
    }

    /** Waiting dates of {@code symbol} (of every symbol when null). */
    private List<LocalDate> pendingDates(String symbol) {
        return symbol == null
                ? jdbc.queryForList("select calculation_date from pending_calculation order by 1", LocalDate.class)
                : jdbc.queryForList("select calculation_date from pending_calculation where symbol = ? order by 1",
                LocalDate.class, symbol);
    }

    private List<LocalDate> metricsDates(String symbol) {
        return jdbc.queryForList("select metrics_date from symbol_metrics where symbol = ? order by 1", LocalDate.class,
                symbol);
    }

    /** The run-status factor-service wrote for a prices-ready: the symbols it announced factors for. */
    private RunStageReport acknowledged(FactorFeed feed, UUID pricesReady) {
        String payload = jdbc.queryForObject("select payload from outbox_event where event_id = ?", String.class,
                EventIds.derive(pricesReady, "run-status", "factors"));
        RunStageReport report = feed.codec().decode(Topics.RUN_STATUS, payload, RunStageReport.class).payload();
        assertThat(report.stage()).isEqualTo("factors");
        return report;
    }
}
