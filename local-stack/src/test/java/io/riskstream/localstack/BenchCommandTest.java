package io.riskstream.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's command line. Only {@code --validate-only} and usage errors are run here: a command line that got
 * past the checks would start the benchmark against a stack.
 */
class BenchCommandTest {

    private String stdout;
    private String stderr;

    @Test
    void theUsersOptionsAreCheckedAloneBeforeAnythingRuns() {
        assertThat(run("--validate-only", "--symbols", "10", "--portfolios", "2", "--positions", "5", "--onboardings", "0",
                "--phase-timeout", "60")).isZero();
        assertThat(stdout).isEmpty();
        assertThat(stderr).isEmpty();
        assertThat(run("--validate-only")).as("the defaults").isZero();
    }

    @Test
    void aMisspeltOrBadOptionIsNamedWithStatus2() {
        assertThat(run("--validate-only", "--symbolz", "5")).isEqualTo(2);
        assertThat(stderr).contains("error: Unknown options: '--symbolz'").contains("Possible solutions: --symbols").contains("Usage: bin/riskstream bench");
        assertThat(run("--validate-only", "--symbols", "five")).isEqualTo(2);
        assertThat(stderr).contains("--symbols").contains("'five' is not a whole number");
        assertThat(run("--validate-only", "--portfolios", "0")).isEqualTo(2);
        assertThat(stderr).contains("--portfolios").contains("'0' must be at least 1");
        assertThat(run("--validate-only", "--onboardings", "-1")).isEqualTo(2);
        assertThat(stderr).contains("'-1' must not be negative");
        assertThat(run("--validate-only", "--symbols", "10", "--positions", "20")).isEqualTo(2);
        assertThat(stderr).contains("--positions (20) cannot exceed --symbols (10)");
        assertThat(run("--validate-only", "--factor-instances", "3")).isEqualTo(2);
        assertThat(stderr).contains("--factor-instances: '3' is not 1 or 2");
        assertThat(run("--validate-only", "--factor-instances", "2")).isZero();
        assertThat(run("--validate-only", "--phase-timeout", "1m")).isEqualTo(2);
        assertThat(stderr).contains("'1m' is not a number of seconds");
    }

    @Test
    void aJsonFileThatCouldNotBeWrittenIsNamedBeforeAnythingRuns(@TempDir Path dir) {
        assertThat(run("--validate-only", "--json", dir.resolve("no-such-folder/bench.json").toString())).isEqualTo(2);
        assertThat(stderr).contains("--json: the folder of").contains("no-such-folder/bench.json' does not exist");
        assertThat(run("--validate-only", "--json", dir.toString())).isEqualTo(2);
        assertThat(stderr).contains("is a directory, not a file");
        assertThat(run("--validate-only", "--json", dir.resolve("bench.json").toString())).isZero();
    }

    @Test
    void theFiguresAreWrittenAsJsonForAScriptToCompare(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bench.json");
        BenchCommand.Options options = new BenchCommand.Options(10, 2, 5, 3, true, LocalDate.of(2026, 11, 30),
                LocalDate.of(2026, 12, 1), "http://p", "http://q", "b:1", null, Duration.ofSeconds(60), 1, file);
        Map<String, Long> events = new LinkedHashMap<>();
        events.put("prices-ready", 500L);
        events.put("factors-ready", 250L);
        BenchFigures.write(options, List.of(new BenchCommand.Phase("a", "(a) cold start", 12.5, events,
                                Map.of("factor-service", 9.5)),
                        new BenchCommand.Phase("b", "(b) daily close", 2.0, Map.of("prices-ready", 10L), Map.of())), 4.25,
                List.of(0.5, 0.3, 0.9), List.of(new PipelineProbe.LagSample(1, Map.of("factor-service", 7L,
                        "bench-probe", 99L)), new PipelineProbe.LagSample(2, Map.of("factor-service", 3L))),
                Map.of("factor-service", 300L), true);

        JsonNode json = JsonMapper.builder().build().readTree(file.toFile());
        assertThat(json.get("format").asInt()).isEqualTo(1);
        assertThat(json.get("finished").asBoolean()).isTrue();
        assertThat(json.at("/options/symbols").asInt()).isEqualTo(10);
        assertThat(json.at("/options/dailyClose").asString()).isEqualTo("2026-12-01");
        assertThat(json.at("/options/onboardingsDuringClose").asBoolean()).isTrue();
        assertThat(json.at("/phases/0/id").asString()).isEqualTo("a");
        assertThat(json.at("/phases/0/seconds").asDouble()).isEqualTo(12.5);
        assertThat(json.at("/phases/0/eventsPerSecond/prices-ready").asDouble()).isEqualTo(40.0);
        assertThat(json.at("/phases/0/cpuSeconds/factor-service").asDouble()).isEqualTo(9.5);
        assertThat(json.at("/phases/1/id").asString()).isEqualTo("b");
        assertThat(json.get("portfoliosCreatedSeconds").asDouble()).isEqualTo(4.25);
        assertThat(json.at("/onboarding/n").asInt()).isEqualTo(3);
        assertThat(json.at("/onboarding/medianSeconds").asDouble()).isEqualTo(0.5);
        assertThat(json.at("/onboarding/p95Seconds").asDouble()).isEqualTo(0.9);
        assertThat(json.at("/peakLagRecords/factor-service").asLong()).isEqualTo(7);
        assertThat(json.at("/peakLagRecords").has("bench-probe")).as("the benchmark's own group").isFalse();
        assertThat(json.at("/peakRssMiB/factor-service").asLong()).isEqualTo(300);
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void theOptionsTheScriptSetsAreNotTheUsers() {
        assertThat(run("--validate-only", "--as-of", "2024-12-30")).isEqualTo(2);
        assertThat(stderr).contains("--as-of is set by bin/riskstream").contains("RISKSTREAM_BENCH_AS_OF");
        assertThat(run("--validate-only", "--bootstrap", "h:1")).isEqualTo(2);
        assertThat(stderr).contains("--bootstrap is set by bin/riskstream");
    }

    @Test
    void aRunNeedsTheStacksSessionsInOrder() {
        assertThat(run("--symbols", "100")).isEqualTo(2);
        assertThat(stderr).contains("--as-of and --next (the stack's as-of session and the one after) are required");
        assertThat(run("--as-of", "2024-12-31", "--next", "2024-12-30")).isEqualTo(2);
        assertThat(stderr).contains("--next 2024-12-30 must be after --as-of 2024-12-31");
        assertThat(run("--as-of", "2024-13-01", "--next", "2024-12-30")).isEqualTo(2);
        assertThat(stderr).contains("'2024-13-01' is not a date (YYYY-MM-DD)");
    }

    @Test
    void helpShowsTheUsersOptionsWithStatus0() {
        assertThat(run("--help")).isZero();
        assertThat(stdout).contains("Usage: bin/riskstream bench").contains("--symbols=N").contains("--portfolios=M")
                .contains("--positions=P").contains("--onboardings=K").contains("--phase-timeout=SECONDS")
                .contains("default: 5000").doesNotContain("--validate-only").doesNotContain("--as-of");
    }

    private int run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = BenchCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        stdout = out.toString(StandardCharsets.UTF_8);
        stderr = err.toString(StandardCharsets.UTF_8);
        return status;
    }
}
