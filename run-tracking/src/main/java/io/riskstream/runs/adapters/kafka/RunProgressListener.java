package io.riskstream.runs.adapters.kafka;

import io.riskstream.common.event.EventCatalog;
import io.riskstream.common.event.RunStage;
import io.riskstream.common.event.RunStageReport;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EnvelopeFields;
import io.riskstream.common.json.EventCodec;
import io.riskstream.common.json.MalformedEventException;
import io.riskstream.common.kafka.ListenerErrorHandling;
import io.riskstream.runs.application.FreshnessStore.LatestDate;
import io.riskstream.runs.application.TrackRunProgress;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Observes the ready events and the dead letters of every stage, the run-status reports of every service, and the
 * latest date of each symbol's prices and factors and each portfolio's analytics. An observer, a poll at a time:
 * of a ready event or a dead letter it reads only the envelope's runId (and the dates freshness needs), streaming
 * past the rest; a record it cannot read is skipped here (its real consumers dead-letter it), and a failure of its
 * own is retried, never dead-lettered ({@link ListenerErrorHandling#observerErrorHandler}).
 */
public class RunProgressListener {

    private static final Logger log = LoggerFactory.getLogger(RunProgressListener.class);

    /** Per ready topic with a freshness dataset: the dataset, and the payload paths of its subject and its date. */
    private record Dataset(String name, String subjectPath, String datePath) {
    }

    private static final Map<String, Dataset> DATASETS = Map.of(
            Topics.PRICES_READY, new Dataset("prices", "symbol", "through"),
            Topics.FACTORS_READY, new Dataset("factors", "symbol", "exposures.calculationDate"),
            Topics.PORTFOLIO_ANALYTICS_READY, new Dataset("analytics", "portfolioId", "date"));

    private final TrackRunProgress track;
    private final EventCodec codec;

    public RunProgressListener(TrackRunProgress track, EventCodec codec) {
        this.track = track;
        this.codec = codec;
    }

    /** Every stage's ready topic, the run-status reports, and the dead letters of every topic. */
    public static String[] topics() {
        return Stream.of(Stream.of(RunStage.values()).map(RunStage::readyTopic), Stream.of(Topics.RUN_STATUS),
                        EventCatalog.entries().stream().map(e -> Topics.deadLetter(e.topic())))
                .flatMap(s -> s).distinct().toArray(String[]::new);
    }

    @KafkaListener(id = "run-tracking.progress", idIsGroup = false, batch = "true",
            topics = "#{T(io.riskstream.runs.adapters.kafka.RunProgressListener).topics()}",
            containerPostProcessor = "runTrackingObserverContainer")
    void on(List<ConsumerRecord<String, String>> records) {
        List<TrackRunProgress.Observed> observed = new ArrayList<>();
        List<TrackRunProgress.Reported> reported = new ArrayList<>();
        List<LatestDate> dates = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            if (record.value() == null) {
                continue;
            }
            Instant at = Instant.ofEpochMilli(record.timestamp());
            try {
                if (Topics.RUN_STATUS.equals(record.topic())) {
                    RunStageReport report = codec.decode(record.topic(), record.value(), RunStageReport.class).payload();
                    reported.add(new TrackRunProgress.Reported(report, at));
                } else {
                    observe(record, at, observed, dates);
                }
            } catch (MalformedEventException | IllegalArgumentException | DateTimeException e) {
                log.debug("run progress: skipped {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                        e.getMessage());
            }
        }
        try {
            track.record(new TrackRunProgress.Batch(observed, reported, dates));
        } catch (RuntimeException e) {
            // the whole poll again, from its first record, with the back-off of the failure's kind
            throw new BatchListenerFailedException("run progress of " + records.size() + " records not recorded", e, 0);
        }
    }

    private void observe(ConsumerRecord<String, String> record, Instant at, List<TrackRunProgress.Observed> observed,
                         List<LatestDate> dates) {
        Dataset dataset = DATASETS.get(record.topic());
        Set<String> paths = dataset == null ? Set.of() : Set.of(dataset.subjectPath(), dataset.datePath());
        EnvelopeFields fields = codec.peek(record.value(), paths).orElse(null);
        if (fields == null) {
            log.debug("run progress: skipped {}-{}@{}: no envelope with a runId", record.topic(), record.partition(),
                    record.offset());
            return;
        }
        observed.add(new TrackRunProgress.Observed(record.topic(), header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP),
                record.key(), fields.runId(), header(record, ListenerErrorHandling.REASON_HEADER), at));
        if (dataset != null) {
            String subject = fields.first(dataset.subjectPath()).orElse(null);
            fields.all(dataset.datePath()).stream().map(LocalDate::parse).max(LocalDate::compareTo)
                    .filter(d -> subject != null)
                    .ifPresent(d -> dates.add(new LatestDate(dataset.name(), subject, d)));
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
