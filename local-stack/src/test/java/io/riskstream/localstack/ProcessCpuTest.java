package io.riskstream.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProcessCpuTest {

    @Test
    void userAndSystemTimeAreReadAfterTheCommandNameWhateverItHolds(@TempDir Path proc) throws Exception {
        // a command name with spaces and a ")" of its own, as /proc shows it: (java) x)
        Files.writeString(proc.resolve("stat"), "4242 (java) x) S 1 4242 4242 0 -1 4194560 1000 0 0 0 "
                + "1234 567 0 0 20 0 40 0 100 0 0\n");
        assertThat(ProcessCpu.seconds(proc)).isCloseTo(18.01, within(1e-9));
        assertThat(ProcessCpu.seconds(proc.resolve("gone"))).isEqualTo(-1);
    }

    @Test
    void theProcessesOfThePidsFileAreSampledAndTheirDeltaTaken(@TempDir Path dir) throws Exception {
        Path pids = Files.writeString(dir.resolve("pids"), "bench-self " + ProcessHandle.current().pid() + "\n");
        Map<String, Double> before = ProcessCpu.sample(pids);
        assertThat(before).containsKey("bench-self").containsKey("postgres (all processes)");
        assertThat(ProcessCpu.delta(Map.of("a", 1.0), Map.of("a", 3.5, "b", 2.0)))
                .containsEntry("a", 2.5).containsEntry("b", 2.0);
    }
}
