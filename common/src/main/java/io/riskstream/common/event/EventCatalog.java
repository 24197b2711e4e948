package io.riskstream.common.event;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Ties every topic to its event type name, payload record and current schema version. One entry per topic. */
public final class EventCatalog {

    public record Entry(String topic, String type, Class<? extends EventPayload> payloadType, int schemaVersion) {
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry(Topics.POSITION_EVENTS, "position-event", PositionEvent.class, 1),
            new Entry(Topics.SYMBOL_ADDED, "symbol-added", SymbolAdded.class, 1),
            new Entry(Topics.DAILY_CLOSE, "daily-close", DailyClose.class, 1),
            new Entry(Topics.PRICES_READY, "prices-ready", PricesReady.class, 1),
            new Entry(Topics.PROFILE_UPDATED, "profile-updated", ProfileUpdated.class, 1),
            new Entry(Topics.FUNDAMENTALS_READY, "fundamentals-ready", FundamentalsReady.class, 1),
            new Entry(Topics.FACTORS_READY, "factors-ready", FactorsReady.class, 1),
            new Entry(Topics.PORTFOLIO_ANALYTICS_READY, "portfolio-analytics-ready", PortfolioAnalyticsReady.class, 1),
            new Entry(Topics.RUN_STATUS, "run-stage-report", RunStageReport.class, 1));

    private static final Map<String, Entry> BY_TOPIC =
            ENTRIES.stream().collect(Collectors.toUnmodifiableMap(Entry::topic, Function.identity()));
    private static final Map<Class<?>, Entry> BY_PAYLOAD =
            ENTRIES.stream().collect(Collectors.toUnmodifiableMap(Entry::payloadType, Function.identity()));

    private EventCatalog() {
    }

    public static List<Entry> entries() {
        return ENTRIES;
    }

    public static Entry forTopic(String topic) {
        Entry entry = BY_TOPIC.get(topic);
        if (entry == null) {
            throw new IllegalArgumentException("no event contract for topic '" + topic + "'");
        }
        return entry;
    }

    public static Entry forPayload(Class<?> payloadType) {
        Entry entry = BY_PAYLOAD.get(payloadType);
        if (entry == null) {
            throw new IllegalArgumentException("no topic carries payload " + payloadType.getName());
        }
        return entry;
    }
}
