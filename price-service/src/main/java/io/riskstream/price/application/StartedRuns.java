package io.riskstream.price.application;

import io.riskstream.common.event.RunStage;

import java.time.LocalDate;
import java.util.UUID;

/** Where a run price-service starts is recorded, with the stage it starts with, so its progress can be followed. */
public interface StartedRuns {

    void add(UUID runId, String kind, RunStage rootStage, LocalDate tradingDate, String triggeredBy);
}
