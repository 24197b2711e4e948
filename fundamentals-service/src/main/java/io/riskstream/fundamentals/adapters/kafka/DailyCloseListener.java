package io.riskstream.fundamentals.adapters.kafka;

import io.riskstream.common.event.DailyClose;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import io.riskstream.fundamentals.application.DailyFundamentalsRefresh;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class DailyCloseListener {

    private final EventCodec codec;
    private final DailyFundamentalsRefresh refresh;

    DailyCloseListener(EventCodec codec, DailyFundamentalsRefresh refresh) {
        this.codec = codec;
        this.refresh = refresh;
    }

    @KafkaListener(id = "fundamentals-service.daily-close", idIsGroup = false, topics = Topics.DAILY_CLOSE)
    void on(ConsumerRecord<String, String> record) {
        EventEnvelope<DailyClose> event = codec.decode(record.topic(), record.value(), DailyClose.class);
        refresh.handle(new DailyFundamentalsRefresh.Command(event.payload().tradingDate(), event.eventId(),
                event.runId()));
    }
}
