package io.riskstream.profile.adapters.kafka;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.SymbolAdded;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import io.riskstream.profile.application.CreateMissingProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class SymbolAddedListener {

    private final EventCodec codec;
    private final CreateMissingProfile create;

    SymbolAddedListener(EventCodec codec, CreateMissingProfile create) {
        this.codec = codec;
        this.create = create;
    }

    @KafkaListener(id = "profile-service.symbol-added", idIsGroup = false, topics = Topics.SYMBOL_ADDED)
    void on(ConsumerRecord<String, String> record) {
        EventEnvelope<SymbolAdded> event = codec.decode(record.topic(), record.value(), SymbolAdded.class);
        create.handle(new CreateMissingProfile.Command(event.payload().symbol(), event.payload().released(),
                event.eventId(), event.runId()));
    }
}
