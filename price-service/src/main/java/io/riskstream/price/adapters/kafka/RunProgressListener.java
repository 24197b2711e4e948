package io.riskstream.price.adapters.kafka;

import io.riskstream.common.event.FactorsReady;
import io.riskstream.common.event.PortfolioAnalyticsReady;
import io.riskstream.common.event.PricesReady;
import io.riskstream.common.event.RunStageReport;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import io.riskstream.common.json.MalformedEventException;
import io.riskstream.common.kafka.ListenerErrorHandling;
import io.riskstream.price.application.DataFreshness;
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
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Observes the ready events and the dead letters of every stage and records them per run, the run-status reports of
 * every service, and the latest date of each symbol's prices and factors and each portfolio's analytics. An
 * observer: a record it cannot read is skipped here (its real consumers dead-letter it). For progress only the
 * envelope's runId is read (written before the payload, so the first match is the envelope's); the three ready
 * topics of the freshness datasets are decoded for their dates.
 */
@Component
class RunProgressListener {

    private static final Logger log = LoggerFactory.getLogger(RunProgressListener.class);
    private static final Pattern RUN_ID = Pattern.compile("\"runId\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

    private final TrackRunProgress track;
    private final DataFreshness freshness;
    private final EventCodec codec;

    RunProgressListener(TrackRunProgress track, DataFreshness freshness, EventCodec codec) {
        this.track = track;
        this.freshness = freshness;
        this.codec = codec;
    }

    @KafkaListener(id = "price-service.run-progress", idIsGroup = false, topics = {Topics.PRICES_READY,
            Topics.PROFILE_UPDATED, Topics.FUNDAMENTALS_READY, Topics.FACTORS_READY, Topics.PORTFOLIO_ANALYTICS_READY,
            Topics.RUN_STATUS,
            Topics.SYMBOL_ADDED + Topics.DEAD_LETTER_SUFFIX, Topics.DAILY_CLOSE + Topics.DEAD_LETTER_SUFFIX,
            Topics.PRICES_READY + Topics.DEAD_LETTER_SUFFIX, Topics.PROFILE_UPDATED + Topics.DEAD_LETTER_SUFFIX,
            Topics.FACTORS_READY + Topics.DEAD_LETTER_SUFFIX, Topics.POSITION_EVENTS + Topics.DEAD_LETTER_SUFFIX})
    void on(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        Instant at = Instant.ofEpochMilli(record.timestamp());
        try {
            if (Topics.RUN_STATUS.equals(record.topic())) {
                track.report(codec.decode(record.topic(), record.value(), RunStageReport.class).payload(), at);
                return;
            }
            Matcher m = RUN_ID.matcher(record.value());
            if (!m.find()) {
                return;
            }
            track.observe(record.topic(), header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP), record.key(),
                    UUID.fromString(m.group(1)), header(record, ListenerErrorHandling.REASON_HEADER), at);
            recordFreshness(record);
        } catch (MalformedEventException | IllegalArgumentException e) {
            log.debug("run progress: skipped {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    private void recordFreshness(ConsumerRecord<String, String> record) {
        switch (record.topic()) {
            case Topics.PRICES_READY -> {
                PricesReady p = codec.decode(record.topic(), record.value(), PricesReady.class).payload();
                freshness.record("prices", p.symbol(), p.through());
            }
            case Topics.FACTORS_READY -> {
                FactorsReady f = codec.decode(record.topic(), record.value(), FactorsReady.class).payload();
                f.exposures().stream().map(FactorsReady.DatedExposures::calculationDate).max(LocalDate::compareTo)
                        .ifPresent(d -> freshness.record("factors", f.symbol(), d));
            }
            case Topics.PORTFOLIO_ANALYTICS_READY -> {
                PortfolioAnalyticsReady a = codec.decode(record.topic(), record.value(), PortfolioAnalyticsReady.class)
                        .payload();
                freshness.record("analytics", a.portfolioId().toString(), a.date());
            }
            default -> { }
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
