package io.riskstream.runs.adapters.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.riskstream.runs.application.RunStatusQueries;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code riskstream_runs{state}}: the runs started in the last 24 hours by state (running, succeeded, failed), for
 * the run-failed alert and the dashboard. Evaluating a run's state takes a few queries, so the counts are reused for
 * {@code maxAge}, and at most {@value #MAX_RUNS} runs are looked at.
 */
public class RunGauges {

    static final int MAX_RUNS = 200;
    private static final Duration WINDOW = Duration.ofHours(24);

    private final RunStatusQueries runs;
    private final Clock clock;
    private final Duration maxAge;
    private Map<String, Integer> cached;
    private Instant cachedAt = Instant.MIN;

    public RunGauges(RunStatusQueries runs, MeterRegistry meters, Clock clock, Duration maxAge) {
        this.runs = runs;
        this.clock = clock;
        this.maxAge = maxAge;
        for (String state : List.of("running", "succeeded", "failed")) {
            Gauge.builder("riskstream.runs", this, g -> g.states().getOrDefault(state, 0))
                    .tag("state", state).description("runs started in the last 24 hours, by state").register(meters);
        }
    }

    synchronized Map<String, Integer> states() {
        Instant now = clock.instant();
        if (cached == null || !cachedAt.plus(maxAge).isAfter(now)) {
            // runs are stamped with wall-clock time, whatever clock the service's market runs on
            cached = runs.statesSince(Instant.now().minus(WINDOW), MAX_RUNS);
            cachedAt = now;
        }
        return cached;
    }
}
