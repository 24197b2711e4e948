package io.riskstream.common.outbox;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.json.EventCodec;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Collection;
import java.util.List;

/**
 * Writes outgoing events into the {@code outbox_event} table inside the caller's transaction, so a state change and
 * its events commit together or not at all. The relay publishes them after the commit. Event ids are the
 * idempotency key: enqueueing an event whose id is already there is a no-op.
 */
public class OutboxWriter {

    private static final String INSERT = """
            insert into outbox_event (event_id, topic, record_key, payload)
            values (:eventId, :topic, :key, :payload)
            on conflict (event_id) do nothing""";

    private final NamedParameterJdbcTemplate jdbc;
    private final EventCodec codec;
    private final Runnable afterCommit;

    public OutboxWriter(NamedParameterJdbcTemplate jdbc, EventCodec codec, Runnable afterCommit) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.afterCommit = afterCommit;
    }

    public void enqueue(EventEnvelope<?> event) {
        enqueueAll(List.of(event));
    }

    public void enqueueAll(Collection<? extends EventEnvelope<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("outbox writes must run inside the transaction of the state change");
        }
        SqlParameterSource[] rows = events.stream().map(e -> new MapSqlParameterSource()
                .addValue("eventId", e.eventId())
                .addValue("topic", e.topic())
                .addValue("key", e.key())
                .addValue("payload", codec.encode(e))).toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate(INSERT, rows);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                OutboxWriter.this.afterCommit.run();
            }
        });
    }
}
