package io.riskstream.system;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.FactorsReady;
import io.riskstream.common.event.PriceBar;
import io.riskstream.common.event.PricesReady;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import io.riskstream.factor.domain.exposure.FactorFit;
import io.riskstream.factor.domain.exposure.PriceSeries;
import io.riskstream.factor.domain.exposure.SymbolExposureModel;
import io.riskstream.common.factors.FactorId;
import io.riskstream.testsupport.KafkaTestClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * When price-service replaces a symbol's history (a split, a dividend re-adjustment), factor-service replaces its
 * copy and recomputes the symbol's exposures for the whole horizon from the new prices.
 */
class HistoryReplacementIT {

    private static final String SYMBOL = "RBAS";

    private final RiskstreamSystem system = RiskstreamSystem.shared();
    private final EventCodec codec = new EventCodec();

    @Test
    void aReplacedHistoryIsRecomputedFromTheNewPricesForEveryDateOfTheHorizon() {
        Http.post(system.url("portfolio-service") + "/api/portfolios", """
                {"name":"replacement","equity":100000,"positions":[
                  {"symbol":"RBAS","quantity":10,"entryPrice":20.0,"entryDate":"2024-06-28"}]}""");
        LocalDate asOf = LocalDate.parse(RiskstreamSystem.AS_OF);
        JdbcTemplate factorDb = system.jdbc("factor-service");
        await().atMost(Duration.ofSeconds(90)).until(() -> factorDb.queryForObject("select count(*) from symbol_exposure "
                + "where symbol = ? and calculation_date = ? and factor = 'market_beta'", Long.class, SYMBOL, asOf) == 1);
        Set<LocalDate> horizon = new TreeSet<>(factorDb.queryForList("select distinct calculation_date from symbol_exposure "
                + "where symbol = ?", LocalDate.class, SYMBOL));
        await().atMost(Duration.ofSeconds(30)).until(() -> announcedDates(-1).containsAll(horizon));
        long lastOffsetBefore = factorsReady().stream().mapToLong(ConsumerRecord::offset).max().orElse(-1);
        LocalDate early = LocalDate.of(2024, 6, 28);
        double earlyBefore = marketBeta(factorDb, early);

        // the provider re-based everything before 2024-12-02 by 1.5: one large return inside the 90-day window
        LocalDate cut = LocalDate.of(2024, 12, 2);
        List<PriceBar> replaced = new ArrayList<>();
        system.jdbc("price-service").query("select trade_date, adj_close from daily_bar where symbol = ? "
                + "order by trade_date", rs -> {
            LocalDate d = rs.getObject(1, LocalDate.class);
            double adj = rs.getDouble(2) * (d.isBefore(cut) ? 1.5 : 1.0);
            replaced.add(new PriceBar(d, null, null, null, null, adj, null));
        }, SYMBOL);
        double expectedBefore = expectedMarketBeta(factorDb, factorDb.query("select trade_date, adj_close from "
                + "price_point where symbol = ? order by trade_date", (rs, i) -> new PriceBar(rs.getObject(1, LocalDate.class),
                null, null, null, null, rs.getDouble(2), null), SYMBOL), asOf);
        double expectedAfter = expectedMarketBeta(factorDb, replaced, asOf);
        assertThat(marketBeta(factorDb, asOf)).as("stored beta equals the model on the stored prices")
                .isCloseTo(expectedBefore, within(1e-9));
        assertThat(Math.abs(expectedAfter - expectedBefore)).as("the replacement moves the beta").isGreaterThan(0.05);

        UUID id = UUID.randomUUID();
        KafkaTestClient.send(Topics.PRICES_READY, SYMBOL, codec.encode(EventEnvelope.of(id, EventIds.named("replace", id.toString()),
                Instant.now(), new PricesReady(SYMBOL, asOf, true, replaced))));

        await().atMost(Duration.ofSeconds(60)).until(() -> Math.abs(marketBeta(factorDb, asOf) - expectedAfter) < 1e-9);
        assertThat(factorDb.queryForObject("select count(*) from price_point where symbol = ?", Long.class, SYMBOL))
                .isEqualTo(replaced.size());
        // a date whose windows end before the cut sees the same returns (a constant factor cancels): same beta
        assertThat(marketBeta(factorDb, early)).isCloseTo(earlyBefore, within(1e-12));
        // every date of the horizon is announced again after the replacement, not only the dates the cut touches
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(announcedDates(lastOffsetBefore)).containsAll(horizon));
    }

    /** The market beta the factor model gives for {@code date} on these prices of RBAS and the stored benchmarks. */
    private double expectedMarketBeta(JdbcTemplate factorDb, List<PriceBar> bars, LocalDate date) {
        Map<String, PriceSeries> benchmarks = new HashMap<>();
        for (String etf : List.of("SPY", "TLT", "VTV", "VUG", "MTUM", "QUAL", "IWM", "USMV")) {
            List<PriceBar> etfBars = factorDb.query("select trade_date, adj_close from price_point where symbol = ? "
                    + "order by trade_date", (rs, i) -> new PriceBar(rs.getObject(1, LocalDate.class), null, null, null,
                    null, rs.getDouble(2), null), etf);
            benchmarks.put(etf, series(etf, etfBars));
        }
        SymbolExposureModel model = system.context("factor-service").getBean(SymbolExposureModel.class);
        return ((FactorFit) model.compute(series(SYMBOL, bars), benchmarks, List.of(date)).getFirst()
                .get(FactorId.MARKET_BETA)).beta();
    }

    private static PriceSeries series(String symbol, List<PriceBar> bars) {
        return new PriceSeries(symbol, bars.stream().map(PriceBar::date).toArray(LocalDate[]::new),
                bars.stream().mapToDouble(PriceBar::adjClose).toArray());
    }

    private List<ConsumerRecord<String, String>> factorsReady() {
        return KafkaTestClient.readAll(Topics.FACTORS_READY, r -> SYMBOL.equals(r.key()));
    }

    /** Calculation dates announced in RBAS's factors-ready records after {@code afterOffset}. */
    private Set<LocalDate> announcedDates(long afterOffset) {
        return factorsReady().stream().filter(r -> r.offset() > afterOffset)
                .flatMap(r -> codec.decode(Topics.FACTORS_READY, r.value(), FactorsReady.class).payload().exposures().stream())
                .map(FactorsReady.DatedExposures::calculationDate).collect(Collectors.toCollection(TreeSet::new));
    }

    private static double marketBeta(JdbcTemplate db, LocalDate date) {
        return db.queryForObject("select beta from symbol_exposure where symbol = ? and calculation_date = ? "
                + "and factor = 'market_beta'", Double.class, SYMBOL, date);
    }
}
