package io.riskstream.price.adapters.kafka;

import io.riskstream.common.event.DailyClose;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
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
        refresh.handle(codec.decode(record.topic(), record.value(), DailyClose.class));
    }
}
