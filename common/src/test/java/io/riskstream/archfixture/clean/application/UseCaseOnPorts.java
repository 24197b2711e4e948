package io.riskstream.archfixture.clean.application;

import io.riskstream.common.application.EventPublisher;
import io.riskstream.common.application.UnitOfWork;

/** The shape ArchitectureRulesTest expects to pass: a use case on the ports of common. */
public class UseCaseOnPorts {

    private final EventPublisher events;
    private final UnitOfWork unitOfWork;

    public UseCaseOnPorts(EventPublisher events, UnitOfWork unitOfWork) {
        this.events = events;
        this.unitOfWork = unitOfWork;
    }

    public void nothing() {
        unitOfWork.run(() -> events.publishAll(java.util.List.of()));
    }
}
