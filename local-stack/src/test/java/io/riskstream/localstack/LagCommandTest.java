package io.riskstream.localstack;

import io.riskstream.common.kafka.ConsumerGroupLag.Partition;
import io.riskstream.localstack.LagCommand.Status;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LagCommandTest {

    private static Partition p(long committed, long end, int members) {
        return new Partition("factor-service", "prices-ready", 0, committed, end, members);
    }

    @Test
    void aPartitionWithoutLagIsOkEvenWhenItsGroupHasNoMembers() {
        assertThat(LagCommand.classify(p(10, 10, 1), p(10, 10, 1))).isEqualTo(Status.OK);
        assertThat(LagCommand.classify(p(10, 10, 0), p(10, 10, 0))).isEqualTo(Status.OK);
    }

    @Test
    void waitingRecordsWithAMovingOffsetAreCatchingUpAndWithAFrozenOneStalled() {
        assertThat(LagCommand.classify(p(10, 500, 1), p(60, 520, 1))).isEqualTo(Status.CATCHING_UP);
        assertThat(LagCommand.classify(p(10, 500, 1), p(10, 500, 1))).isEqualTo(Status.STALLED);
        assertThat(LagCommand.classify(null, p(10, 500, 1))).isEqualTo(Status.STALLED);
    }

    @Test
    void waitingRecordsWithoutMembersAreStopped() {
        assertThat(LagCommand.classify(p(10, 500, 0), p(10, 500, 0))).isEqualTo(Status.STOPPED);
    }

    @Test
    void anIntervalThatIsNotANumberOfSecondsIsNamedWithStatus2() {
        // the broker address leads nowhere: a command line that got past the checks would fail with status 1
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP", "127.0.0.1:1");
        assertThat(run(env, "--interval", "x")).isEqualTo(2);
        assertThat(stderr).contains("--interval").contains("'x' is not a number of seconds")
                .doesNotContain("For input string");
        assertThat(run(env, "--interval", "0")).isEqualTo(2);
        assertThat(stderr).contains("'0' is not a number of seconds (at least 1)");
        assertThat(run(env, "--intervall", "5")).isEqualTo(2);
        assertThat(stderr).contains("Unknown options: '--intervall'").contains("Possible solutions: --interval").contains("Usage: bin/riskstream lag");
    }

    @Test
    void helpIsShownWithStatus0() {
        assertThat(run(Map.of("KAFKA_BOOTSTRAP", "127.0.0.1:1"), "-h")).isZero();
        assertThat(stdout).contains("Usage: bin/riskstream lag").contains("--interval=SECONDS")
                .contains("--bootstrap=HOST:PORT").contains("3   a partition is stalled or a group stopped");
    }

    private String stdout;
    private String stderr;

    private int run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = LagCommand.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        stdout = out.toString(StandardCharsets.UTF_8);
        stderr = err.toString(StandardCharsets.UTF_8);
        return status;
    }
}
