package io.riskstream.common.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Counts what the listeners do: {@code riskstream_records_processed_total} and {@code riskstream_records_failed_total}
 * (failed attempts: a record retried three times counts three) per consumer group and topic. Dead-lettered records
 * are counted by {@link ListenerErrorHandling} as {@code riskstream_dlt_records_total}.
 */
public class ListenerMetrics implements RecordInterceptor<Object, Object> {

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

    private Counter counter(String name, String description, ConsumerRecord<?, ?> record, Consumer<?, ?> consumer) {
        return Counter.builder(name).description(description)
                .tag("group", ListenerErrorHandling.groupOf(consumer)).tag("topic", record.topic()).register(meters);
    }
}
