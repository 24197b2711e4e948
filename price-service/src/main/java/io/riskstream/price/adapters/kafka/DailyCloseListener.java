package io.riskstream.price.adapters.kafka;

import io.riskstream.common.event.DailyClose;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import io.riskstream.price.application.Cause;
import io.riskstream.price.application.DailyCloseRefresh;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class DailyCloseListener {

    private final EventCodec codec;
    private final DailyCloseRefresh refresh;

    DailyCloseListener(EventCodec codec, DailyCloseRefresh refresh) {
        this.codec = codec;
        this.refresh = refresh;
    }

    @KafkaListener(id = "price-service.daily-close", idIsGroup = false, topics = Topics.DAILY_CLOSE, concurrency = "1")
    void on(ConsumerRecord<String, String> record) {
        EventEnvelope<DailyClose> event = codec.decode(record.topic(), record.value(), DailyClose.class);
        refresh.handle(new DailyCloseRefresh.Command(event.payload().tradingDate(),
                new Cause(event.eventId(), event.runId())));
    }
}
