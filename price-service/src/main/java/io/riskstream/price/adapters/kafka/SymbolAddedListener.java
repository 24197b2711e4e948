package io.riskstream.price.adapters.kafka;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.SymbolAdded;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import io.riskstream.price.application.Cause;
import io.riskstream.price.application.OnboardSymbol;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Onboarding has its own listener container, so it never waits behind a daily-close sweep. */
@Component
class SymbolAddedListener {

    private final EventCodec codec;
    private final OnboardSymbol onboard;

    SymbolAddedListener(EventCodec codec, OnboardSymbol onboard) {
        this.codec = codec;
        this.onboard = onboard;
    }

    @KafkaListener(id = "price-service.symbol-added", idIsGroup = false, topics = Topics.SYMBOL_ADDED)
    void on(ConsumerRecord<String, String> record) {
        EventEnvelope<SymbolAdded> event = codec.decode(record.topic(), record.value(), SymbolAdded.class);
        SymbolAdded added = event.payload();
        onboard.handle(new OnboardSymbol.Command(added.symbol(), added.tier(), added.reason(), added.released(),
                new Cause(event.eventId(), event.runId())));
    }
}
