package io.riskstream.common.event;

/**
 * Topic names. Constants so that {@code @KafkaListener(topics = Topics.PRICES_READY)} compiles; the payload type and
 * schema version of each topic are in {@link EventCatalog}.
 */
public final class Topics {
    public static final String POSITION_EVENTS = "position-events";
    public static final String SYMBOL_ADDED = "symbol-added";
    public static final String DAILY_CLOSE = "daily-close";
    public static final String PRICES_READY = "prices-ready";
    public static final String PROFILE_UPDATED = "profile-updated";
    public static final String FUNDAMENTALS_READY = "fundamentals-ready";
    public static final String FACTORS_READY = "factors-ready";
    public static final String PORTFOLIO_ANALYTICS_READY = "portfolio-analytics-ready";
    public static final String RUN_STATUS = "run-status";

    /** Suffix of the dead-letter topic of every topic. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
