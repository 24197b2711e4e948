package io.riskstream.runs.domain;

import io.riskstream.common.event.RunStage;
import io.riskstream.common.event.Topics;

import java.util.Optional;

/**
 * What one observed record says about its run: a ready event completes its producer's stage for its key; a dead
 * letter fails the stage of the consumer group that gave up on it (spring-kafka names the group in its headers).
 */
public record StageObservation(RunStage stage, Status status) {

    public enum Status {
        SKIPPED, FAILED, DONE;

        /** Done beats failed beats skipped: a later success overrides a failure, a skip never hides either. */
        public Status strongest(Status other) {
            return compareTo(other) >= 0 ? this : other;
        }

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@code deadLetterGroup}: the original consumer group of a dead letter, null otherwise. */
    public static Optional<StageObservation> of(String topic, String deadLetterGroup) {
        if (topic.endsWith(Topics.DEAD_LETTER_SUFFIX)) {
            return RunStage.ofConsumerGroup(deadLetterGroup).map(s -> new StageObservation(s, Status.FAILED));
        }
        return RunStage.ofReadyTopic(topic).map(s -> new StageObservation(s, Status.DONE));
    }
}
