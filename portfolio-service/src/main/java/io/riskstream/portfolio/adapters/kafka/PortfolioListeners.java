package io.riskstream.portfolio.adapters.kafka;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.FactorsReady;
import io.riskstream.common.event.PositionEvent;
import io.riskstream.common.event.PricesReady;
import io.riskstream.common.event.ProfileUpdated;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import io.riskstream.portfolio.application.Cause;
import io.riskstream.portfolio.application.PortfolioCommands;
import io.riskstream.portfolio.application.StoreFactors;
import io.riskstream.portfolio.application.StorePrices;
import io.riskstream.portfolio.application.StoreProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** One method per consumed topic: decode the envelope, map it to a command, make one application call. */
@Component
class PortfolioListeners {

    private final EventCodec codec;
    private final PortfolioCommands commands;
    private final StorePrices prices;
    private final StoreFactors factors;
    private final StoreProfile profiles;

    PortfolioListeners(EventCodec codec, PortfolioCommands commands, StorePrices prices, StoreFactors factors,
                       StoreProfile profiles) {
        this.codec = codec;
        this.commands = commands;
        this.prices = prices;
        this.factors = factors;
        this.profiles = profiles;
    }

    @KafkaListener(id = "portfolio-service.position-events", idIsGroup = false, topics = Topics.POSITION_EVENTS)
    void onPositionEvent(ConsumerRecord<String, String> record) {
        EventEnvelope<PositionEvent> event = codec.decode(record.topic(), record.value(), PositionEvent.class);
        PositionEvent e = event.payload();
        commands.apply(new PortfolioCommands.ApplyPositionEvent(e.portfolioId(), e.portfolio(), e.position(),
                cause(event)));
    }

    @KafkaListener(id = "portfolio-service.prices-ready", idIsGroup = false, topics = Topics.PRICES_READY)
    void onPricesReady(ConsumerRecord<String, String> record) {
        EventEnvelope<PricesReady> event = codec.decode(record.topic(), record.value(), PricesReady.class);
        prices.apply(new StorePrices.Command(event.payload().symbol(), event.payload().bars(), cause(event)));
    }

    @KafkaListener(id = "portfolio-service.factors-ready", idIsGroup = false, topics = Topics.FACTORS_READY)
    void onFactorsReady(ConsumerRecord<String, String> record) {
        EventEnvelope<FactorsReady> event = codec.decode(record.topic(), record.value(), FactorsReady.class);
        factors.apply(new StoreFactors.Command(event.payload().symbol(), event.payload().exposures(), cause(event)));
    }

    @KafkaListener(id = "portfolio-service.profile-updated", idIsGroup = false, topics = Topics.PROFILE_UPDATED)
    void onProfileUpdated(ConsumerRecord<String, String> record) {
        EventEnvelope<ProfileUpdated> event = codec.decode(record.topic(), record.value(), ProfileUpdated.class);
        profiles.apply(new StoreProfile.Command(event.payload().symbol(), event.payload().profile(), cause(event)));
    }

    private static Cause cause(EventEnvelope<?> event) {
        return new Cause(event.eventId(), event.runId());
    }
}
