package io.riskstream.factor.adapters.kafka;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.PricesReady;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import io.riskstream.factor.application.RefreshExposures;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * A poll of prices-ready at a time ({@link RefreshExposures#handleAll}). A record that fails is named to the error
 * handler by a {@link BatchListenerFailedException}: the offsets before it are committed, it is retried or
 * dead-lettered as a single record would be, and the records after it are delivered again.
 */
@Component
class PricesReadyListener {

    private final EventCodec codec;
    private final RefreshExposures refresh;

    PricesReadyListener(EventCodec codec, RefreshExposures refresh) {
        this.codec = codec;
        this.refresh = refresh;
    }

    @KafkaListener(id = "factor-service.prices-ready", idIsGroup = false, topics = Topics.PRICES_READY, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        List<RefreshExposures.Command> commands = new ArrayList<>(records.size());
        RuntimeException unreadable = null;
        for (ConsumerRecord<String, String> record : records) {
            try {
                EventEnvelope<PricesReady> event = codec.decode(record.topic(), record.value(), PricesReady.class);
                commands.add(new RefreshExposures.Command(event.payload(), event.eventId(), event.runId()));
            } catch (RuntimeException e) {
                unreadable = e; // the records before it are handled first
                break;
            }
        }
        try {
            refresh.handleAll(commands);
        } catch (RefreshExposures.FailedCommand e) {
            ConsumerRecord<String, String> failed = records.get(e.index());
            throw new BatchListenerFailedException(describe(failed), e.getCause(), failed);
        }
        if (unreadable != null) {
            ConsumerRecord<String, String> failed = records.get(commands.size());
            throw new BatchListenerFailedException(describe(failed), unreadable, failed);
        }
    }

    private static String describe(ConsumerRecord<String, String> record) {
        return "prices-ready " + record.topic() + "-" + record.partition() + "@" + record.offset() + " failed";
    }
}
