package io.riskstream.localstack;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

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
