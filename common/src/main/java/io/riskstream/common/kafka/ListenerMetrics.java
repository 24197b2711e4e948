package io.riskstream.common.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Counts what the listeners do: {@code riskstream_records_processed_total} and {@code riskstream_records_failed_total}
 * (failed attempts: a record retried three times counts three) per consumer group and topic. Dead-lettered records
 * are counted by {@link ListenerErrorHandling} as {@code riskstream_dlt_records_total}. A batch listener's poll counts
 * each record; when it names a failed record ({@link BatchListenerFailedException}), the records before it count as
 * processed and that one as failed, otherwise every record of the poll as failed.
 */
public class ListenerMetrics implements RecordInterceptor<Object, Object>, BatchInterceptor<Object, Object> {

    private final MeterRegistry meters;

    public ListenerMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        return record;
    }

    @Override
    public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        counter("riskstream.records.processed", "records the listeners processed", record, consumer).increment();
    }

    @Override
    public void failure(ConsumerRecord<Object, Object> record, Exception exception, Consumer<Object, Object> consumer) {
        counter("riskstream.records.failed", "failed processing attempts", record, consumer).increment();
    }

    @Override
    public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records,
                                                     Consumer<Object, Object> consumer) {
        return records;
    }

    @Override
    public void success(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
        records.forEach(r -> success(r, consumer));
    }

    @Override
    public void failure(ConsumerRecords<Object, Object> records, Exception exception, Consumer<Object, Object> consumer) {
        ConsumerRecord<?, ?> failed = failedRecord(exception);
        for (ConsumerRecord<Object, Object> record : records) {
            if (failed == null || sameRecord(record, failed)) {
                failure(record, exception, consumer);
                if (failed != null) {
                    return;
                }
            } else {
                success(record, consumer);
            }
        }
    }

    private static ConsumerRecord<?, ?> failedRecord(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BatchListenerFailedException failed) {
                return failed.getRecord();
            }
        }
        return null;
    }

    private static boolean sameRecord(ConsumerRecord<?, ?> a, ConsumerRecord<?, ?> b) {
        return a.topic().equals(b.topic()) && a.partition() == b.partition() && a.offset() == b.offset();
    }

    private Counter counter(String name, String description, ConsumerRecord<?, ?> record, Consumer<?, ?> consumer) {
        return Counter.builder(name).description(description)
                .tag("group", ListenerErrorHandling.groupOf(consumer)).tag("topic", record.topic()).register(meters);
    }
}
