package io.riskstream.common.kafka;

import io.riskstream.common.application.RetryLaterException;
import io.riskstream.common.application.IncompleteAnswerException;
import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ListenerErrorHandlingTest {

    private final ListenerErrorHandling.Settings settings = ListenerErrorHandling.Settings.defaults();

    @Test
    void anIncompleteProviderAnswerIsRetriedForAboutFiveMinutesThenGivenUp() {
        long waited = 0;
        int attempts = 0;
        BackOffExecution execution = settings.incompleteAnswers().start();
        for (long next = execution.nextBackOff(); next != BackOffExecution.STOP; next = execution.nextBackOff()) {
            waited += next;
            attempts++;
            assertThat(attempts).as("attempts").isLessThan(1_000);
        }
        assertThat(Duration.ofMillis(waited)).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5).plusSeconds(10));
    }

    @Test
    void anOutageIsWaitedOutWithoutALimit() {
        BackOffExecution execution = settings.transientFailures().start();
        for (int i = 0; i < 10_000; i++) {
            assertThat(execution.nextBackOff()).isNotEqualTo(BackOffExecution.STOP).isLessThanOrEqualTo(10_000);
        }
    }

    @Test
    void theKindOfFailureIsFoundBehindTheListenersWrapping() {
        RuntimeException incomplete = new RuntimeException("listener failed", new IncompleteAnswerException("X: no profile"));
        RuntimeException later = new RuntimeException("listener failed", new RetryLaterException("X: 503"));

        assertThat(ListenerErrorHandling.isIncompleteAnswer(incomplete)).isTrue();
        assertThat(ListenerErrorHandling.isTransient(incomplete)).isFalse();
        assertThat(ListenerErrorHandling.isTransient(later)).isTrue();
        assertThat(ListenerErrorHandling.isIncompleteAnswer(later)).isFalse();
        BackOff other = settings.otherFailures();
        BackOffExecution execution = other.start();
        int attempts = 0;
        while (execution.nextBackOff() != BackOffExecution.STOP) {
            attempts++;
        }
        assertThat(attempts).isEqualTo(settings.otherFailureRetries());
    }
}
