package io.riskstream.system;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.PositionEvent;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import io.riskstream.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** A symbol is ACTIVE while any open position holds it and falls back to its configured tier when the last closes. */
class TierFollowsPositionsIT {

    private final RiskstreamSystem system = RiskstreamSystem.shared();
    private final EventCodec codec = new EventCodec();

    @Test
    void closingTheLastPositionReleasesTheSymbol() {
        UUID portfolio = UUID.randomUUID();
        UUID position = UUID.randomUUID();
        var info = new PositionEvent.PortfolioInfo("tiers", new BigDecimal("100000"), "USD");
        var open = new PositionEvent.Position(position, "TIER", new BigDecimal("10"), new BigDecimal("50"),
                LocalDate.of(2024, 6, 28), null, null, null);
        send(new PositionEvent(portfolio, PositionEvent.Action.OPENED, info, open));
        await().atMost(Duration.ofSeconds(60)).until(() -> "ACTIVE".equals(tier()));

        var closed = new PositionEvent.Position(position, "TIER", new BigDecimal("10"), new BigDecimal("50"),
                LocalDate.of(2024, 6, 28), LocalDate.of(2024, 11, 29), new BigDecimal("55"), null);
        send(new PositionEvent(portfolio, PositionEvent.Action.CLOSED, null, closed));
        await().atMost(Duration.ofSeconds(60)).until(() -> "UNIVERSE".equals(tier()));
    }

    private String tier() {
        return system.jdbc("price-service").queryForList("select tier from symbol_universe where symbol = 'TIER'",
                String.class).stream().findFirst().orElse(null);
    }

    private void send(PositionEvent event) {
        UUID id = UUID.randomUUID();
        KafkaTestClient.send(Topics.POSITION_EVENTS, event.key(), codec.encode(EventEnvelope.of(id,
                EventIds.named("tiers", id.toString()), Instant.now(), event)));
    }
}
