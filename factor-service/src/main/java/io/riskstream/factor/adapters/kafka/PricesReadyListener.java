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

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

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

    @KafkaListener(id = "factor-service.prices-ready", idIsGroup = false, topics = Topics.PRICES_READY, batch = "true",
            properties = "fetch.max.bytes=${riskstream.factors.prices-ready-fetch-max-bytes}")
    void on(List<ConsumerRecord<String, String>> records) {
        Decoded commands = new Decoded(records);
        try {
            refresh.handleAll(commands);
        } catch (RefreshExposures.FailedCommand e) {
            ConsumerRecord<String, String> failed = records.get(e.index());
            throw new BatchListenerFailedException(describe(failed), e.getCause(), failed);
        }
        if (commands.unreadable != null) {
            ConsumerRecord<String, String> failed = records.get(commands.next);
            throw new BatchListenerFailedException(describe(failed), commands.unreadable, failed);
        }
    }

    /**
     * The poll's records decoded as they are asked for, so only the unit of work being handled holds decoded bars. It
     * ends before the first record that cannot be decoded: the records before it are handled first.
     */
    private final class Decoded implements Iterator<RefreshExposures.Command> {

        private final List<ConsumerRecord<String, String>> records;
        private int next;
        private RefreshExposures.Command decoded;
        private RuntimeException unreadable;

        Decoded(List<ConsumerRecord<String, String>> records) {
            this.records = records;
        }

        @Override
        public boolean hasNext() {
            if (decoded == null && unreadable == null && next < records.size()) {
                ConsumerRecord<String, String> record = records.get(next);
                try {
                    EventEnvelope<PricesReady> event = codec.decode(record.topic(), record.value(), PricesReady.class);
                    decoded = new RefreshExposures.Command(event.payload(), event.eventId(), event.runId());
                } catch (RuntimeException e) {
                    unreadable = e;
                }
            }
            return decoded != null;
        }

        @Override
        public RefreshExposures.Command next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            RefreshExposures.Command command = decoded;
            decoded = null;
            next++;
            return command;
        }
    }

    private static String describe(ConsumerRecord<String, String> record) {
        return "prices-ready " + record.topic() + "-" + record.partition() + "@" + record.offset() + " failed";
    }
}
