package io.riskstream.price.adapters.runs;

import io.riskstream.common.event.RunStage;
import io.riskstream.price.application.StartedRuns;
import io.riskstream.runs.application.RunStore;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The runs price-service starts, recorded by the run-tracking module embedded in this process, in the caller's unit
 * of work (the same database). Were run tracking a process of its own, this would publish the start instead.
 */
public class TrackedRuns implements StartedRuns {

    private final RunStore runs;

    public TrackedRuns(RunStore runs) {
        this.runs = runs;
    }

    @Override
    public void add(UUID runId, String kind, RunStage rootStage, LocalDate tradingDate, String triggeredBy) {
        runs.start(runId, kind, rootStage, tradingDate, triggeredBy);
    }
}
