package io.riskstream.runs.adapters.http;

import io.riskstream.runs.application.DataFreshness;
import io.riskstream.runs.application.RunStatusQueries;
import io.riskstream.runs.application.RunStore;
import io.riskstream.runs.domain.RunOutcome;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs and their progress: a run started here (daily close, backfill, universe addition), declared by another
 * service (an onboarding), or only seen in the events; per stage done / total / failed / pending, the state, start
 * and end, failures with reasons and the latest activity; with the data freshness summary beside it.
 */
@RestController
@RequestMapping("/api")
public class RunController {

    record RunList(List<RunStatusQueries.RunSummary> runs, DataFreshness.Summary freshness) {
    }

    record RunView(UUID runId, String kind, LocalDate tradingDate, String state, Instant startedAt, Instant endedAt,
                   Map<String, RunOutcome.StageSummary> stages, List<RunStatusQueries.Failure> failures,
                   List<RunStatusQueries.Activity> activity, RunStore.Run run, List<RunStore.Progress> progress,
                   DataFreshness.Summary freshness) {
    }

    record FreshnessView(DataFreshness.Summary summary, List<DataFreshness.SubjectFreshness> subjects) {
    }

    private final RunStatusQueries runs;
    private final DataFreshness freshness;

    public RunController(RunStatusQueries runs, DataFreshness freshness) {
        this.runs = runs;
        this.freshness = freshness;
    }

    @GetMapping("/runs")
    RunList recent(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 200) {
            throw new IllegalArgumentException("limit must be between 1 and 200");
        }
        return new RunList(runs.recent(limit), freshness.summary());
    }

    @GetMapping("/runs/{runId}")
    RunView run(@PathVariable UUID runId) {
        RunStatusQueries.RunDetail d = runs.detail(runId).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "no run " + runId + " was started or seen in events"));
        RunStatusQueries.RunSummary s = d.summary();
        return new RunView(runId, s.kind(), s.tradingDate(), s.state(), s.startedAt(), s.endedAt(), s.stages(),
                d.failures(), d.activity(), d.run(), d.progress(), freshness.summary());
    }

    /** Per subject: {@code dataset} prices, factors or analytics; those at least {@code minDays} trading days old. */
    @GetMapping("/freshness")
    FreshnessView freshness(@RequestParam(required = false) String dataset,
                            @RequestParam(defaultValue = "1") int minDays,
                            @RequestParam(defaultValue = "500") int limit) {
        if (limit < 1 || limit > 5000) {
            throw new IllegalArgumentException("limit must be between 1 and 5000");
        }
        List<String> datasets = dataset == null ? DataFreshness.DATASETS : List.of(dataset);
        List<DataFreshness.SubjectFreshness> subjects = datasets.stream()
                .flatMap(d -> freshness.subjects(d, minDays, limit).stream()).limit(limit).toList();
        return new FreshnessView(freshness.summary(), subjects);
    }
}
