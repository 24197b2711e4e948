package io.riskstream.runs.domain;

import io.riskstream.common.event.RunStage;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A run's per-stage counts and state from what the events said about it. A declared stage has a total: every
 * subject expected, done, failed or skipped in it. A run has ended when every stage has settled: its declared
 * subjects are all done, failed or skipped, and — for factors and portfolios — every subject done upstream has been
 * answered (acknowledged, or failed in this stage), so a run never looks finished only because a later stage has
 * not said yet what it will do. The stage the run starts with (its root stage: the stage of the service that
 * started it) must have declared, or failed outright.
 */
public final class RunOutcome {

    public enum State { RUNNING, SUCCEEDED, FAILED }

    /** What the events said about one stage of a run; {@code failed} excludes nothing (done wins later). */
    public record StageFacts(boolean declared, Set<String> expected, Set<String> acknowledged, Set<String> done,
                             Set<String> failed, Set<String> skipped) {
        public static StageFacts none() {
            return new StageFacts(false, Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
        }
    }

    /** total and pending are null when the stage's service declared nothing for the run. */
    public record StageSummary(int done, Integer total, int failed, int skipped, Integer pending, boolean settled) {
    }

    public record Result(State state, Map<RunStage, StageSummary> stages) {
        public boolean ended() {
            return state != State.RUNNING;
        }
    }

    private RunOutcome() {
    }

    /** {@code root}: the stage the run starts with; empty for a run only seen in events. */
    public static Result evaluate(Optional<RunStage> root, Map<RunStage, StageFacts> facts) {
        Map<RunStage, StageSummary> stages = new EnumMap<>(RunStage.class);
        boolean anyDeclared = false;
        boolean allSettled = true;
        boolean anyFailed = false;
        for (RunStage stage : RunStage.values()) {
            StageFacts f = facts.getOrDefault(stage, StageFacts.none());
            Set<String> failed = minus(f.failed(), f.done());
            Set<String> skipped = minus(minus(f.skipped(), f.done()), failed);
            Integer total = null;
            Integer pending = null;
            if (f.declared()) {
                Set<String> all = new HashSet<>(f.expected());
                all.addAll(f.done());
                all.addAll(failed);
                all.addAll(skipped);
                total = all.size();
                pending = total - f.done().size() - failed.size() - skipped.size();
            }
            boolean answered = stage.upstream()
                    .map(up -> answered(facts.getOrDefault(up, StageFacts.none()).done(), f.acknowledged(), failed))
                    .orElse(true);
            boolean settled = answered && (f.declared() ? pending == 0
                    : !root.map(stage::equals).orElse(false) || !failed.isEmpty());
            stages.put(stage, new StageSummary(f.done().size(), total, failed.size(), skipped.size(), pending, settled));
            anyDeclared |= f.declared() || !failed.isEmpty();
            allSettled &= settled;
            anyFailed |= !failed.isEmpty();
        }
        boolean ended = allSettled && (root.isPresent() || anyDeclared);
        State state = !ended ? State.RUNNING : anyFailed ? State.FAILED : State.SUCCEEDED;
        return new Result(state, stages);
    }

    private static boolean answered(Set<String> upstreamDone, Set<String> acknowledged, Set<String> failedHere) {
        for (String subject : upstreamDone) {
            if (!acknowledged.contains(subject) && !failedHere.contains(subject)) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> result = new HashSet<>(a);
        result.removeAll(b);
        return result;
    }
}
