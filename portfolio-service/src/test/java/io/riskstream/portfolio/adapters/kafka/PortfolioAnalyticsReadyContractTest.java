package io.riskstream.portfolio.adapters.kafka;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.PortfolioAnalyticsReady;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The risk summary added to portfolio-analytics-ready: compatible both ways, and checked field by field. */
class PortfolioAnalyticsReadyContractTest {

    private final EventCodec codec = new EventCodec();
    private final UUID portfolio = UUID.randomUUID();

    @Test
    void anEventWrittenBeforeTheRiskSummaryStillReadsWithoutOne() {
        String old = codec.encode(EventEnvelope.of(UUID.randomUUID(), UUID.randomUUID(), Instant.now(),
                new PortfolioAnalyticsReady(portfolio, LocalDate.of(2024, 12, 31), LocalDate.of(2024, 12, 31), 1e6, 1,
                        false, Map.of("market_beta", new PortfolioAnalyticsReady.Exposure(1.1, 1.1e6)))))
                .replace(",\"risk\":null", "");
        assertThat(old).doesNotContain("risk");
        PortfolioAnalyticsReady decoded = codec.decode(Topics.PORTFOLIO_ANALYTICS_READY, old,
                PortfolioAnalyticsReady.class).payload();
        assertThat(decoded.risk()).isNull();
        assertThat(decoded.factors()).containsKey("market_beta");
    }

    @Test
    void theRiskSummaryTravelsWhole() {
        PortfolioAnalyticsReady event = new PortfolioAnalyticsReady(portfolio, LocalDate.of(2024, 12, 31), null, 1e6, 1,
                false, Map.of(), new PortfolioAnalyticsReady.Risk(1.0, 0.9, 0.12, 0.15, 0.13, "stable", 0.4, 2.5, 1,
                "2026.1", Map.of("market_down_5", new PortfolioAnalyticsReady.StressPnl(-5e4, -9e4)),
                Map.of("correlations", "1 position(s) qualify")));
        String json = codec.encode(EventEnvelope.of(UUID.randomUUID(), UUID.randomUUID(), Instant.now(), event));
        assertThat(codec.decode(Topics.PORTFOLIO_ANALYTICS_READY, json, PortfolioAnalyticsReady.class).payload())
                .isEqualTo(event);
    }

    @Test
    void aBadValueNamesItsField() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PortfolioAnalyticsReady.Risk(null, null, null, null,
                null, "sideways", null, null, null, "v", Map.of(), Map.of())).withMessageContaining("risk.volatilityTrend");
        assertThatIllegalArgumentException().isThrownBy(() -> new PortfolioAnalyticsReady.StressPnl(Double.NaN, 0.0))
                .withMessageContaining("risk.stress.direct");
        assertThatIllegalArgumentException().isThrownBy(() -> new PortfolioAnalyticsReady.Risk(null, null, null, null,
                null, null, 1.5, null, null, "v", Map.of(), Map.of())).withMessageContaining("risk.volatilityPercentile");
    }
}
