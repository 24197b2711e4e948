package io.riskstream.common.event;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The stages of a run, in pipeline order: each service reports its own stage on {@code run-status}, and the run
 * tracker reads every stage from here. A stage's ready event completes its key (a symbol, or a portfolio); a dead
 * letter fails the stage of the service whose consumer group gave up on it (a group is named after its service).
 */
public enum RunStage {
    PRICES("price-service", Topics.PRICES_READY),
    PROFILES("profile-service", Topics.PROFILE_UPDATED),
    FUNDAMENTALS("fundamentals-service", Topics.FUNDAMENTALS_READY),
    FACTORS("factor-service", Topics.FACTORS_READY),
    PORTFOLIOS("portfolio-service", Topics.PORTFOLIO_ANALYTICS_READY);

    private final String service;
    private final String readyTopic;

    RunStage(String service, String readyTopic) {
        this.service = service;
        this.readyTopic = readyTopic;
    }

    /** The name on the wire and in the runs API: {@code prices}, {@code profiles}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The service doing this stage's work; its consumer groups start with this name. */
    public String service() {
        return service;
    }

    /** The topic whose records complete this stage. */
    public String readyTopic() {
        return readyTopic;
    }

    /**
     * The stage whose done subjects this stage's service answers one by one (factor-service acknowledges each
     * prices-ready, portfolio-service each factors-ready); empty for stages started by the run itself.
     */
    public Optional<RunStage> upstream() {
        return switch (this) {
            case FACTORS -> Optional.of(PRICES);
            case PORTFOLIOS -> Optional.of(FACTORS);
            default -> Optional.empty();
        };
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(RunStage::label).toList();
    }

    public static Optional<RunStage> ofLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst();
    }

    public static Optional<RunStage> ofReadyTopic(String topic) {
        return Arrays.stream(values()).filter(s -> s.readyTopic.equals(topic)).findFirst();
    }

    /** The stage of the service a consumer group belongs to (tests give groups a suffix of their own). */
    public static Optional<RunStage> ofConsumerGroup(String group) {
        return group == null ? Optional.empty()
                : Arrays.stream(values()).filter(s -> group.startsWith(s.service)).findFirst();
    }
}
