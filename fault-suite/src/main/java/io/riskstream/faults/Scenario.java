package io.riskstream.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One fault scenario: how the stack is configured, what is injected during the onboarding, how the daily close is
 * triggered, what is injected after it, and the scenario's own checks (beyond the state comparison every scenario
 * gets). A step gets the running {@link Run}.
 */
record Scenario(String id, String injected, Map<String, String> env, Map<String, List<String>> serviceArgs,
                Step duringOnboarding, Step dailyClose, Step afterDailyClose) {

    @FunctionalInterface
    interface Step {
        void run(Run run) throws Exception;

        Step NOTHING = run -> {
        };
    }

    /** The stack and tools of one run, the portfolios created, and what the steps noted. */
    static final class Run {
        final StackProcesses stack;
        final BrokerTools broker;
        final Workload workload;
        final StateDigest digest;
        final List<String> notes = new ArrayList<>();
        final List<String> failures = new ArrayList<>();
        long faultEndedAt = -1;
        Map<String, List<String>> poison = Map.of();
        FmpSimulator fmp;

        Run(StackProcesses stack, BrokerTools broker, Workload workload, StateDigest digest) {
            this.stack = stack;
            this.broker = broker;
            this.workload = workload;
            this.digest = digest;
        }

        /** The fault is over (the component is back): recovery time counts from here. */
        void faultEnded() {
            faultEndedAt = System.nanoTime();
        }

        void check(boolean ok, String what) {
            notes.add((ok ? "ok: " : "FAILED: ") + what);
            if (!ok) {
                failures.add(what);
            }
        }
    }

    static Step adminDailyClose() {
        return run -> {
            var r = run.workload.triggerDailyClose(run.workload.url("price-service", ""), run.workload.d1());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("daily close for " + run.workload.d1() + ": HTTP " + r.statusCode()
                        + " " + r.body());
            }
        };
    }
}
