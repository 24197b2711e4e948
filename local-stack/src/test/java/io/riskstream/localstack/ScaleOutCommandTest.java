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

import static org.assertj.core.api.Assertions.assertThat;

/** The scale-out command's plan, report and instance check; the replay itself needs a stack (bin/riskstream scale-out). */
class ScaleOutCommandTest {

    private String stdout;
    private String stderr;

    @Test
    void thePlanGivesTheScriptTheCgroupQuotaOfTheShare() {
        assertThat(run("plan", "--cpu", "0.5", "--timeout", "600")).isZero();
        assertThat(stdout).contains("CPU_PERIOD_US=100000\n").contains("CPU_QUOTA_US=50000\n").contains("TIMEOUT=600\n")
                .contains("JSON=\n");
        assertThat(run("plan", "--cpu", "0.01")).isEqualTo(2);
        assertThat(stderr).contains("--cpu: '0.01' must be at least 0.05");
        assertThat(run("plan", "--cpu", "NaN")).isEqualTo(2);
        assertThat(run("plan", "--json", "/no/such/folder/x.json")).isEqualTo(2);
        assertThat(stderr).contains("is not a file in an existing folder");
    }

    @Test
    void theReportSetsTheReplaysSideBySideWithTheirRatio(@TempDir Path dir) throws Exception {
        Path one = Files.writeString(dir.resolve("1.json"), """
                {"instances":1,"cpuPerInstance":0.5,"records":4000,"steadyRecordsPerSecond":100.0,
                 "wholeSeconds":45.0,"cpuSecondsUsed":22.0,"finished":true}""");
        Path two = Files.writeString(dir.resolve("2.json"), """
                {"instances":2,"cpuPerInstance":0.5,"records":4000,"steadyRecordsPerSecond":185.0,
                 "wholeSeconds":25.0,"cpuSecondsUsed":24.0,"finished":true}""");
        Path json = dir.resolve("scale-out.json");

        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertThat(run("report", "--results", one + "," + two, "--json", json.toString())).isZero();
        } finally {
            System.setOut(console);
        }

        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("scale-out: 1.85× the steady rate, 1.80× the whole replay");
        JsonNode figures = JsonMapper.builder().build().readTree(json.toFile());
        assertThat(figures.get("steadyRatio").asDouble()).isEqualTo(1.85, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(figures.at("/replays/1/instances").asInt()).isEqualTo(2);
    }

    @Test
    void aReplayWithAnInstanceThatHasExitedMeasuresNothing(@TempDir Path dir) throws Exception {
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        long alive = ProcessHandle.current().pid();

        PrintStream console = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        int status;
        try {
            // checked before the broker is asked anything, so the address need not answer
            status = run("measure", "--bootstrap", "127.0.0.1:1", "--group", "g", "--jdbc-url", "jdbc:postgresql://x/y",
                    "--instances", "2", "--cpu", "0.25", "--timeout", "5", "--result", dir.resolve("r.json").toString(),
                    "--instance-pids", alive + "," + exited.pid());
        } finally {
            System.setErr(console);
        }

        assertThat(status).isEqualTo(1);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("factor-service instance 2 of 2 (pid " + exited.pid() + ") exited during the replay")
                .contains("factor-replay-2-2.log");
        assertThat(dir.resolve("r.json")).doesNotExist();
    }

    private int run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = ScaleOutCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        stdout = out.toString(StandardCharsets.UTF_8);
        stderr = err.toString(StandardCharsets.UTF_8);
        return status;
    }
}
