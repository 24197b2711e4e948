package io.riskstream.price.domain;

import java.util.Optional;

/**
 * Which stage of a run a record reports. A ready event completes its producer's stage for its key (a symbol, or a
 * portfolio for portfolio-analytics-ready); a dead-lettered record fails the stage of the consumer group that gave
 * up on it (spring-kafka names the group in the dead letter's headers).
 */
public enum RunStage {
    PRICES("prices-ready", "price-service"),
    PROFILES("profile-updated", "profile-service"),
    FUNDAMENTALS("fundamentals-ready", "fundamentals-service"),
    FACTORS("factors-ready", "factor-service"),
    PORTFOLIOS("portfolio-analytics-ready", "portfolio-service");

    public enum Status { DONE, FAILED }

    public record Observation(RunStage stage, Status status) {
    }

    private static final String DEAD_LETTER_SUFFIX = ".DLT";

    private final String readyTopic;
    private final String service;

    RunStage(String readyTopic, String service) {
        this.readyTopic = readyTopic;
        this.service = service;
    }

    /** {@code deadLetterGroup}: the original consumer group of a dead letter, null otherwise. */
    public static Optional<Observation> of(String topic, String deadLetterGroup) {
        boolean dead = topic.endsWith(DEAD_LETTER_SUFFIX);
        for (RunStage stage : values()) {
            if (!dead && stage.readyTopic.equals(topic)) {
                return Optional.of(new Observation(stage, Status.DONE));
            }
            // groups are named after their service (tests add a suffix)
            if (dead && deadLetterGroup != null && deadLetterGroup.startsWith(stage.service)) {
                return Optional.of(new Observation(stage, Status.FAILED));
            }
        }
        return Optional.empty();
    }

    public String label() {
        return name().toLowerCase();
    }

    public static Optional<RunStage> ofLabel(String label) {
        for (RunStage stage : values()) {
            if (stage.label().equals(label)) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }

    /**
     * The stage whose done subjects this stage's service answers, one by one (factor-service acknowledges each
     * prices-ready, portfolio-service each factors-ready); empty for stages started by the run itself.
     */
    public Optional<RunStage> upstream() {
        return switch (this) {
            case FACTORS -> Optional.of(PRICES);
            case PORTFOLIOS -> Optional.of(FACTORS);
            default -> Optional.empty();
        };
    }
}
