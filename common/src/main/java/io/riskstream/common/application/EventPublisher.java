package io.riskstream.common.application;

import io.riskstream.common.event.EventEnvelope;
import java.util.Collection;

/**
 * The port through which a use case announces what it did. Events published inside a {@link UnitOfWork} leave only
 * if it commits, and then at least once (the adapter is the transactional outbox).
 */
public interface EventPublisher {

    void publish(EventEnvelope<?> event);

    default void publishAll(Collection<? extends EventEnvelope<?>> events) {
        events.forEach(this::publish);
    }
}
