package io.riskstream.profile.adapters.kafka;

import io.riskstream.common.event.DailyClose;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import io.riskstream.profile.application.DailyProfileRefresh;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class DailyCloseListener {

    private final EventCodec codec;
    private final DailyProfileRefresh refresh;

    DailyCloseListener(EventCodec codec, DailyProfileRefresh refresh) {
        this.codec = codec;
        this.refresh = refresh;
    }

    @KafkaListener(id = "profile-service.daily-close", idIsGroup = false, topics = Topics.DAILY_CLOSE)
    void on(ConsumerRecord<String, String> record) {
        EventEnvelope<DailyClose> event = codec.decode(record.topic(), record.value(), DailyClose.class);
        refresh.handle(new DailyProfileRefresh.Command(event.payload().tradingDate(), event.occurredAt(),
                event.eventId(), event.runId()));
    }
}
