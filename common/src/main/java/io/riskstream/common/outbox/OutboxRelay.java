package io.riskstream.common.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Publishes committed outbox rows to Kafka in commit order and marks them published once the broker acknowledged
 * them. A crash between the send and the mark re-sends the rows: delivery is at least once, and consumers are
 * idempotent. One relay per database publishes at a time (a transaction-scoped advisory lock), which keeps the
 * per-key order when a service runs several replicas.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long LOCK_KEY = 0x52534f5554424f58L; // "RSOUTBOX"

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxSettings settings;
    private final Counter published;
    private final Counter failures;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private volatile boolean signalled;
    private volatile boolean running;
    private Thread thread;

    public OutboxRelay(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx, KafkaTemplate<String, String> kafka,
                       OutboxSettings settings, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.kafka = kafka;
        this.settings = settings;
        this.published = Counter.builder("riskstream_outbox_published").description("events published from the outbox")
                .register(meters);
        this.failures = Counter.builder("riskstream_outbox_publish_failures")
                .description("outbox publish attempts that failed and will be retried").register(meters);
    }

    /** Asks the relay to look for new rows now instead of at the next poll. */
    public void wakeUp() {
        signalled = true;
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Publishes one batch; returns how many rows were published (0 when none, or another replica holds the lock). */
    public int publishBatch() {
        Integer count = tx.execute(status -> {
            Boolean locked = jdbc.getJdbcTemplate().queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class,
                    LOCK_KEY);
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<Row> rows = jdbc.query("""
                            select seq, topic, record_key, payload from outbox_event
                            where published_at is null order by seq limit :limit""",
                    new MapSqlParameterSource("limit", settings.batchSize()),
                    (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            if (rows.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
            for (Row row : rows) {
                sends.add(kafka.send(row.topic(), row.key(), row.payload()));
            }
            kafka.flush();
            try {
                CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                        .get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("outbox publish failed; will retry", e);
            }
            jdbc.update("update outbox_event set published_at = now() where seq in (:seqs)",
                    new MapSqlParameterSource("seqs", rows.stream().map(Row::seq).toList()));
            return rows.size();
        });
        int n = count == null ? 0 : count;
        published.increment(n);
        return n;
    }

    /** Deletes rows published longer ago than the retention; they are kept a while for inspection and replays. */
    public int purgePublished() {
        return jdbc.update("delete from outbox_event where published_at < now() - make_interval(secs => :secs)",
                new MapSqlParameterSource("secs", (double) settings.retention().toSeconds()));
    }

    private void loop() {
        long lastPurge = System.nanoTime();
        Duration backoff = settings.pollInterval();
        while (running) {
            try {
                int n = publishBatch();
                backoff = settings.pollInterval();
                if (n >= settings.batchSize()) {
                    continue; // more waiting
                }
                if (System.nanoTime() - lastPurge > Duration.ofMinutes(10).toNanos()) {
                    purgePublished();
                    lastPurge = System.nanoTime();
                }
            } catch (RuntimeException e) {
                failures.increment();
                if (running) {
                    log.warn("outbox relay: {} (retrying in {} ms)", e.getMessage(), backoff.toMillis());
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5)
                        : backoff.multipliedBy(2);
            }
            await(backoff);
        }
    }

    private void await(Duration timeout) {
        lock.lock();
        try {
            if (!signalled && running) {
                wake.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            signalled = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // stop after the listener containers (which stop at a higher phase) so their last events still go out
        return Integer.MAX_VALUE - 1000;
    }

    private record Row(long seq, String topic, String key, String payload) {
    }
}
