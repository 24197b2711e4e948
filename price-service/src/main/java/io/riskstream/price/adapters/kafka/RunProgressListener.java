package io.riskstream.price.adapters.kafka;

import io.riskstream.common.event.Topics;
import io.riskstream.price.application.TrackRunProgress;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Observes the ready events and the dead letters of every stage and records them per run. An observer: a record
 * it cannot read is skipped here (its real consumers dead-letter it), and the payload is never decoded — the
 * envelope writes runId before the payload, so the first match is the envelope's.
 */
@Component
class RunProgressListener {

    private static final Logger log = LoggerFactory.getLogger(RunProgressListener.class);
    private static final Pattern RUN_ID = Pattern.compile("\"runId\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

    private final TrackRunProgress track;

    RunProgressListener(TrackRunProgress track) {
        this.track = track;
    }

    @KafkaListener(id = "price-service.run-progress", idIsGroup = false, topics = {Topics.PRICES_READY,
            Topics.PROFILE_UPDATED, Topics.FUNDAMENTALS_READY, Topics.FACTORS_READY, Topics.PORTFOLIO_ANALYTICS_READY,
            Topics.SYMBOL_ADDED + Topics.DEAD_LETTER_SUFFIX, Topics.DAILY_CLOSE + Topics.DEAD_LETTER_SUFFIX,
            Topics.PRICES_READY + Topics.DEAD_LETTER_SUFFIX, Topics.PROFILE_UPDATED + Topics.DEAD_LETTER_SUFFIX,
            Topics.FACTORS_READY + Topics.DEAD_LETTER_SUFFIX, Topics.POSITION_EVENTS + Topics.DEAD_LETTER_SUFFIX})
    void on(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        Matcher m = RUN_ID.matcher(record.value());
        if (!m.find()) {
            return;
        }
        try {
            Header group = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
            track.observe(record.topic(), group == null ? null : new String(group.value(), StandardCharsets.UTF_8),
                    record.key(), UUID.fromString(m.group(1)), Instant.ofEpochMilli(record.timestamp()));
        } catch (IllegalArgumentException e) {
            log.debug("run progress: skipped {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }
}
