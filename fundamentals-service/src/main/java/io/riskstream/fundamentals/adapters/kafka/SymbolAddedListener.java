package io.riskstream.fundamentals.adapters.kafka;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.SymbolAdded;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import io.riskstream.fundamentals.application.FetchFundamentals;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class SymbolAddedListener {

    private final EventCodec codec;
    private final FetchFundamentals fetch;

    SymbolAddedListener(EventCodec codec, FetchFundamentals fetch) {
        this.codec = codec;
        this.fetch = fetch;
    }

    @KafkaListener(id = "fundamentals-service.symbol-added", idIsGroup = false, topics = Topics.SYMBOL_ADDED)
    void on(ConsumerRecord<String, String> record) {
        EventEnvelope<SymbolAdded> event = codec.decode(record.topic(), record.value(), SymbolAdded.class);
        fetch.handle(new FetchFundamentals.Command(event.payload().symbol(), event.payload().released(),
                event.eventId(), event.runId()));
    }
}
