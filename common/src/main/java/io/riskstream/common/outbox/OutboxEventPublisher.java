package io.riskstream.common.outbox;

import io.riskstream.common.application.EventPublisher;
import io.riskstream.common.event.EventEnvelope;
import java.util.Collection;

/** {@link EventPublisher} on the transactional outbox: an event is a row written in the caller's transaction. */
public class OutboxEventPublisher implements EventPublisher {

    private final OutboxWriter outbox;

    public OutboxEventPublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(EventEnvelope<?> event) {
        outbox.enqueue(event);
    }

    @Override
    public void publishAll(Collection<? extends EventEnvelope<?>> events) {
        outbox.enqueueAll(events);
    }
}
