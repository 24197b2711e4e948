package io.riskstream.system;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.PriceBar;
import io.riskstream.common.event.PricesReady;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import io.riskstream.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * When price-service replaces a symbol's history (a split, a dividend re-adjustment), factor-service replaces its
 * copy and recomputes the symbol's exposures for the whole horizon from the new prices.
 */
class HistoryReplacementIT {

    private final RiskstreamSystem system = RiskstreamSystem.shared();
    private final EventCodec codec = new EventCodec();

    @Test
    void aReplacedHistoryIsRecomputedFromTheNewPrices() {
        Http.post(system.url("portfolio-service") + "/api/portfolios", """
                {"name":"replacement","equity":100000,"positions":[
                  {"symbol":"RBAS","quantity":10,"entryPrice":20.0,"entryDate":"2024-06-28"}]}""");
        LocalDate asOf = LocalDate.parse(RiskstreamSystem.AS_OF);
        JdbcTemplate factorDb = system.jdbc("factor-service");
        await().atMost(Duration.ofSeconds(90)).until(() -> factorDb.queryForObject("select count(*) from symbol_exposure "
                + "where symbol = 'RBAS' and calculation_date = ? and factor = 'market_beta'", Long.class, asOf) == 1);
        double betaBefore = marketBeta(factorDb, asOf);
        LocalDate early = LocalDate.of(2024, 6, 28);
        double earlyBefore = marketBeta(factorDb, early);

        // the provider re-based everything before 2024-12-02 by 1.5: one large return inside the 90-day window
        LocalDate cut = LocalDate.of(2024, 12, 2);
        List<PriceBar> replaced = new ArrayList<>();
        system.jdbc("price-service").query("select trade_date, adj_close from daily_bar where symbol = 'RBAS' "
                + "order by trade_date", rs -> {
            LocalDate d = rs.getObject(1, LocalDate.class);
            double adj = rs.getDouble(2) * (d.isBefore(cut) ? 1.5 : 1.0);
            replaced.add(new PriceBar(d, null, null, null, null, adj, null));
        });
        UUID id = UUID.randomUUID();
        KafkaTestClient.send(Topics.PRICES_READY, "RBAS", codec.encode(EventEnvelope.of(id, EventIds.named("replace", id.toString()),
                Instant.now(), new PricesReady("RBAS", asOf, true, replaced))));

        await().atMost(Duration.ofSeconds(60)).until(() -> Math.abs(marketBeta(factorDb, asOf) - betaBefore) > 1e-6);
        assertThat(factorDb.queryForObject("select count(*) from price_point where symbol = 'RBAS'", Long.class))
                .isEqualTo(replaced.size());
        // a date whose windows end before the cut sees the same returns (a constant factor cancels): same beta
        assertThat(marketBeta(factorDb, early)).isCloseTo(earlyBefore, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(KafkaTestClient.readAll(Topics.FACTORS_READY, r -> "RBAS".equals(r.key())).size()).isGreaterThan(6);
    }

    private static double marketBeta(JdbcTemplate db, LocalDate date) {
        return db.queryForObject("select beta from symbol_exposure where symbol = 'RBAS' and calculation_date = ? "
                + "and factor = 'market_beta'", Double.class, date);
    }
}
