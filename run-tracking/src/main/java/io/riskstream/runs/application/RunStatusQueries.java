package io.riskstream.runs.application;

import java.util.Locale;
import io.riskstream.common.event.RunStage;
import io.riskstream.runs.domain.RunOutcome;
import io.riskstream.runs.domain.RunOutcome.StageFacts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The read side of runs: per stage done / total / failed / pending, the run's state, start and end. */
public class RunStatusQueries {

    public static final int ACTIVITY = 20;
    public static final int FAILURES = 200;

    public record RunSummary(UUID runId, String kind, LocalDate tradingDate, String triggeredBy, String state,
                             Instant startedAt, Instant endedAt, Map<String, RunOutcome.StageSummary> stages) {
    }

    public record Failure(String stage, String subject, String reason, Instant at) {
    }

    public record Activity(Instant at, String stage, String subject, String status, int events) {
    }

    public record RunDetail(RunSummary summary, RunStore.Run run, List<Failure> failures, List<Activity> activity,
                            List<RunStore.Progress> progress) {
    }

    private final RunStore runs;

    public RunStatusQueries(RunStore runs) {
        this.runs = runs;
    }

    public List<RunSummary> recent(int limit) {
        return runs.recent(limit).stream().map(r -> summary(r.runId(), Optional.of(r))).toList();
    }

    /** Runs started since {@code since} (at most {@code limit}, newest first) per state: running, succeeded, failed. */
    public Map<String, Integer> statesSince(Instant since, int limit) {
        Map<String, Integer> states = new LinkedHashMap<>();
        for (RunOutcome.State state : RunOutcome.State.values()) {
            states.put(state.name().toLowerCase(Locale.ROOT), 0);
        }
        for (RunStore.Run run : runs.startedSince(since, limit)) {
            states.merge(summary(run.runId(), Optional.of(run)).state(), 1, Integer::sum);
        }
        return states;
    }

    /** Empty when the run was neither started here nor seen in any event. */
    public Optional<RunDetail> detail(UUID runId) {
        Optional<RunStore.Run> run = runs.find(runId);
        List<RunStore.Progress> progress = runs.progress(runId);
        if (run.isEmpty() && progress.isEmpty() && runs.declarations(runId).isEmpty()) {
            return Optional.empty();
        }
        List<Failure> failures = runs.failures(runId, FAILURES).stream()
                .map(p -> new Failure(p.stage(), p.subject(), p.reason(), p.lastAt())).toList();
        List<Activity> activity = runs.recentActivity(runId, ACTIVITY).stream()
                .map(p -> new Activity(p.lastAt(), p.stage(), p.subject(), p.status(), p.events())).toList();
        return Optional.of(new RunDetail(summary(runId, run), run.orElse(null), failures, activity, progress));
    }

    private RunSummary summary(UUID runId, Optional<RunStore.Run> run) {
        Map<RunStage, Facts> facts = new EnumMap<>(RunStage.class);
        Instant first = null;
        Instant last = null;
        for (RunStore.Declaration d : runs.declarations(runId)) {
            Optional<RunStage> stage = RunStage.ofLabel(d.stage());
            if (stage.isPresent()) {
                Facts f = facts.computeIfAbsent(stage.get(), s -> new Facts());
                f.declared = true;
                if (!d.upstream().isEmpty()) {
                    f.acknowledged.add(d.upstream());
                }
            }
            first = min(first, d.declaredAt());
            last = max(last, d.declaredAt());
        }
        for (RunStore.Expected e : runs.expected(runId)) {
            RunStage.ofLabel(e.stage()).ifPresent(s -> facts.computeIfAbsent(s, x -> new Facts()).expected.add(e.subject()));
        }
        for (RunStore.SubjectStatus s : runs.statuses(runId)) {
            Optional<RunStage> stage = RunStage.ofLabel(s.stage());
            if (stage.isEmpty()) {
                continue;
            }
            Facts f = facts.computeIfAbsent(stage.get(), x -> new Facts());
            switch (s.status()) {
                case "done" -> f.done.add(s.subject());
                case "failed" -> f.failed.add(s.subject());
                case "skipped" -> f.skipped.add(s.subject());
                default -> { }
            }
        }
        for (RunStore.Progress p : runs.recentActivity(runId, 1)) {
            last = max(last, p.lastAt());
        }
        Map<RunStage, StageFacts> stageFacts = new EnumMap<>(RunStage.class);
        facts.forEach((stage, f) -> stageFacts.put(stage,
                new StageFacts(f.declared, f.expected, f.acknowledged, f.done, f.failed, f.skipped)));
        String kind = run.map(RunStore.Run::kind).orElse(null);
        RunOutcome.Result result = RunOutcome.evaluate(run.map(RunStore.Run::rootStage).flatMap(RunStage::ofLabel),
                stageFacts);
        Map<String, RunOutcome.StageSummary> stages = new LinkedHashMap<>();
        result.stages().forEach((stage, summary) -> stages.put(stage.label(), summary));
        Instant started = run.map(RunStore.Run::startedAt).orElse(null);
        if (started == null) {
            started = first;
            for (RunStore.Progress p : runs.progress(runId)) {
                started = min(started, p.firstAt());
            }
        }
        return new RunSummary(runId, kind, run.map(RunStore.Run::tradingDate).orElse(null),
                run.map(RunStore.Run::triggeredBy).orElse(null), result.state().name().toLowerCase(Locale.ROOT), started,
                result.ended() ? last : null, stages);
    }

    private static Instant min(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static final class Facts {
        boolean declared;
        final Set<String> expected = new HashSet<>();
        final Set<String> acknowledged = new HashSet<>();
        final Set<String> done = new HashSet<>();
        final Set<String> failed = new HashSet<>();
        final Set<String> skipped = new HashSet<>();
    }
}
