package io.riskstream.portfolio.adapters.kafka;

import io.riskstream.common.event.FactorsReady;
import io.riskstream.common.event.PositionEvent;
import io.riskstream.common.event.PricesReady;
import io.riskstream.common.event.ProfileUpdated;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import io.riskstream.portfolio.application.PortfolioCommands;
import io.riskstream.portfolio.application.SymbolUpdates;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** One method per consumed topic: decode the envelope, make one application call. */
@Component
class PortfolioListeners {

    private final EventCodec codec;
    private final PortfolioCommands commands;
    private final SymbolUpdates symbolUpdates;

    PortfolioListeners(EventCodec codec, PortfolioCommands commands, SymbolUpdates symbolUpdates) {
        this.codec = codec;
        this.commands = commands;
        this.symbolUpdates = symbolUpdates;
    }

    @KafkaListener(id = "portfolio-service.position-events", idIsGroup = false, topics = Topics.POSITION_EVENTS)
    void onPositionEvent(ConsumerRecord<String, String> record) {
        commands.apply(codec.decode(record.topic(), record.value(), PositionEvent.class));
    }

    @KafkaListener(id = "portfolio-service.prices-ready", idIsGroup = false, topics = Topics.PRICES_READY)
    void onPricesReady(ConsumerRecord<String, String> record) {
        symbolUpdates.pricesReady(codec.decode(record.topic(), record.value(), PricesReady.class));
    }

    @KafkaListener(id = "portfolio-service.factors-ready", idIsGroup = false, topics = Topics.FACTORS_READY)
    void onFactorsReady(ConsumerRecord<String, String> record) {
        symbolUpdates.factorsReady(codec.decode(record.topic(), record.value(), FactorsReady.class));
    }

    @KafkaListener(id = "portfolio-service.profile-updated", idIsGroup = false, topics = Topics.PROFILE_UPDATED)
    void onProfileUpdated(ConsumerRecord<String, String> record) {
        symbolUpdates.profileUpdated(codec.decode(record.topic(), record.value(), ProfileUpdated.class));
    }
}
