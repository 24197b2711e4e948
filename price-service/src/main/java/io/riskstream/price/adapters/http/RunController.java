package io.riskstream.price.adapters.http;

import io.riskstream.price.application.RunStore;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs and their progress: a run started here (daily close, backfill) or any run id seen in the events (an
 * onboarding run from portfolio-service), with per stage the number of subjects done and failed, and per subject.
 */
@RestController
@RequestMapping("/api/runs")
class RunController {

    record RunView(UUID runId, RunStore.Run run, Map<String, Map<String, Integer>> stages,
                   List<RunStore.Progress> progress) {
    }

    private final RunStore runs;

    RunController(RunStore runs) {
        this.runs = runs;
    }

    @GetMapping
    List<RunStore.Run> recent(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("limit must be between 1 and 500");
        }
        return runs.recent(limit);
    }

    @GetMapping("/{runId}")
    RunView run(@PathVariable UUID runId) {
        RunStore.Run run = runs.find(runId).orElse(null);
        List<RunStore.Progress> progress = runs.progress(runId);
        if (run == null && progress.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no run " + runId + " was started or seen in events");
        }
        Map<String, Map<String, Integer>> stages = new LinkedHashMap<>();
        for (RunStore.StageCount c : runs.counts(runId)) {
            stages.computeIfAbsent(c.stage(), s -> new LinkedHashMap<>()).put(c.status(), c.subjects());
        }
        return new RunView(runId, run, stages, progress);
    }
}
