package io.riskstream.profile.adapters.kafka;

import io.riskstream.common.event.DailyClose;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The daily-tier refresh on daily-close comes with the tiered refresh; for now the event is validated and logged. */
@Component
class DailyCloseListener {

    private static final Logger log = LoggerFactory.getLogger(DailyCloseListener.class);
    private final EventCodec codec;

    DailyCloseListener(EventCodec codec) {
        this.codec = codec;
    }

    @KafkaListener(id = "profile-service.daily-close", idIsGroup = false, topics = Topics.DAILY_CLOSE)
    void on(ConsumerRecord<String, String> record) {
        DailyClose close = codec.decode(record.topic(), record.value(), DailyClose.class).payload();
        log.info("daily-close {} received", close.tradingDate());
    }
}
