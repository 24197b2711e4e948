package io.riskstream.factor.adapters.kafka;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.PricesReady;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import io.riskstream.factor.application.RefreshExposures;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class PricesReadyListener {

    private final EventCodec codec;
    private final RefreshExposures refresh;

    PricesReadyListener(EventCodec codec, RefreshExposures refresh) {
        this.codec = codec;
        this.refresh = refresh;
    }

    @KafkaListener(id = "factor-service.prices-ready", idIsGroup = false, topics = Topics.PRICES_READY)
    void on(ConsumerRecord<String, String> record) {
        EventEnvelope<PricesReady> event = codec.decode(record.topic(), record.value(), PricesReady.class);
        refresh.handle(new RefreshExposures.Command(event.payload(), event.eventId(), event.runId()));
    }
}
