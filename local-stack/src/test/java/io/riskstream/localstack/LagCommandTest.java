package io.riskstream.localstack;

import io.riskstream.localstack.LagCommand.Partition;
import io.riskstream.localstack.LagCommand.Status;
import org.junit.jupiter.api.Test;

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
}
