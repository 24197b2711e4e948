package io.riskstream.common.kafka;

import io.riskstream.common.application.RetryLaterException;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.MalformedEventException;
import io.riskstream.common.application.IncompleteAnswerException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The error handling every listener uses (spring-kafka's {@link DefaultErrorHandler} with a
 * {@link DeadLetterPublishingRecoverer}):
 * <ul>
 *   <li>a record that can never succeed (malformed JSON, a contract violation) goes straight to
 *       {@code <topic>.DLT}, with spring-kafka's exception headers plus {@value #REASON_HEADER};</li>
 *   <li>an infrastructure failure (database unreachable) is retried with capped exponential back-off for as long as
 *       it lasts, so an outage never dead-letters good records;</li>
 *   <li>an incomplete provider answer ({@link IncompleteAnswerException}) is retried with the same back-off for a
 *       bounded time ({@link Settings#incompleteAnswerPatience()}), then dead-lettered naming what was missing;</li>
 *   <li>any other failure is retried a few times, then dead-lettered; the partition keeps moving.</li>
 * </ul>
 */
public final class ListenerErrorHandling {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerErrorHandling.class);

    /** Header with the root cause's class and message, readable without spring-kafka's header names. */
    public static final String REASON_HEADER = "riskstream-dlt-reason";

    private ListenerErrorHandling() {
    }

    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template, Settings settings) {
        return errorHandler(template, settings, null);
    }

    /** As above, counting dead-lettered records in {@code riskstream_dlt_records_total{group, topic}} when given meters. */
    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template, Settings settings, MeterRegistry meters) {
        DeadLetterPublishingRecoverer recoverer = new BoundedDeadLetterRecoverer(template,
                // partition -1: the producer chooses, so a DLT needs no more partitions than it has
                (record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        recoverer.setHeadersFunction((record, ex) -> {
            Throwable root = rootCause(ex);
            String reason = root.getClass().getName() + ": " + root.getMessage();
            return new RecordHeaders(new RecordHeader[]{
                    new RecordHeader(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8))});
        });
        ConsumerAwareRecordRecoverer counted = meters == null ? recoverer : (record, consumer, ex) -> {
            recoverer.accept(record, consumer, ex);
            // counted once the dead letter is acknowledged: a failed publish is retried, not counted
            Counter.builder("riskstream.dlt.records").description("records sent to a dead-letter topic")
                    .tag("group", groupOf(consumer)).tag("topic", record.topic()).register(meters).increment();
        };
        return withRetries(new DefaultErrorHandler(counted, settings.otherFailures()), settings);
    }

    /**
     * For a listener that only observes (the run tracker): the same retries, but a record given up on is logged and
     * skipped, never dead-lettered. Its own consumers dead-letter a bad record; a dead letter from an observer would
     * read as a failure of the stage whose group it carries.
     */
    public static DefaultErrorHandler observerErrorHandler(Settings settings) {
        return withRetries(new DefaultErrorHandler((record, ex) -> LOG.warn("{}-{}@{} skipped by an observer: {}",
                record.topic(), record.partition(), record.offset(), rootCause(ex).toString()),
                settings.otherFailures()), settings);
    }

    private static DefaultErrorHandler withRetries(DefaultErrorHandler handler, Settings settings) {
        handler.setBackOffFunction((record, ex) -> isTransient(ex) ? settings.transientFailures()
                : isIncompleteAnswer(ex) ? settings.incompleteAnswers() : null);
        handler.addNotRetryableExceptions(MalformedEventException.class, IllegalArgumentException.class,
                DeserializationException.class, NullPointerException.class, ClassCastException.class);
        handler.setCommitRecovered(true);
        return handler;
    }

    static String groupOf(Consumer<?, ?> consumer) {
        try {
            return consumer == null ? "unknown" : consumer.groupMetadata().groupId();
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    static boolean isTransient(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof DataAccessResourceFailureException
                    || t instanceof RecoverableDataAccessException || t instanceof CannotGetJdbcConnectionException
                    || t instanceof CannotCreateTransactionException || t instanceof java.sql.SQLTransientException
                    || t instanceof java.net.ConnectException || t instanceof RetryLaterException) {
                return true;
            }
        }
        return false;
    }

    static boolean isIncompleteAnswer(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IncompleteAnswerException) {
                return true;
            }
        }
        return false;
    }

    static Throwable rootCause(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null && t.getCause() != t) {
            if (t instanceof MalformedEventException) {
                return t;
            }
            t = t.getCause();
        }
        return t;
    }

    /**
     * Back-off for transient failures (unbounded attempts), for incomplete provider answers (attempts for at most
     * {@code incompleteAnswerPatience}) and for other failures ({@code otherFailureRetries} attempts).
     */
    public record Settings(Duration initialInterval, Duration maxInterval, int otherFailureRetries,
                           Duration incompleteAnswerPatience) {

        public static Settings defaults() {
            return new Settings(Duration.ofMillis(200), Duration.ofSeconds(10), 3, Duration.ofMinutes(5));
        }

        BackOff incompleteAnswers() {
            ExponentialBackOff backOff = new ExponentialBackOff(initialInterval.toMillis(), 2.0);
            backOff.setMaxInterval(maxInterval.toMillis());
            backOff.setMaxElapsedTime(incompleteAnswerPatience.toMillis());
            return backOff;
        }

        BackOff transientFailures() {
            ExponentialBackOff backOff = new ExponentialBackOff(initialInterval.toMillis(), 2.0);
            backOff.setMaxInterval(maxInterval.toMillis());
            return backOff; // no attempt limit: an outage is waited out
        }

        BackOff otherFailures() {
            ExponentialBackOff backOff = new ExponentialBackOff(initialInterval.toMillis(), 2.0);
            backOff.setMaxInterval(maxInterval.toMillis());
            backOff.setMaxAttempts(otherFailureRetries);
            return backOff;
        }
    }
}
