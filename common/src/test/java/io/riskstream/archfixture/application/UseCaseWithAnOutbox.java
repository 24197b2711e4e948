package io.riskstream.archfixture.application;

import io.riskstream.common.outbox.OutboxWriter;

/** A planted violation for ArchitectureRulesTest: a use case holding the outbox instead of the publishing port. */
public class UseCaseWithAnOutbox {

    private final OutboxWriter outbox;

    public UseCaseWithAnOutbox(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public OutboxWriter outbox() {
        return outbox;
    }
}
