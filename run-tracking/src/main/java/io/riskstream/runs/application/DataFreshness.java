package io.riskstream.runs.application;

import io.riskstream.common.calendar.MarketClock;
import io.riskstream.common.calendar.TradingCalendar;
import io.riskstream.runs.domain.Freshness;
import io.riskstream.runs.domain.Freshness.Staleness;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many trading days old the latest price, factors and analytics are, per symbol and portfolio, against the
 * latest completed session. Prices and factors count the symbols refreshed every trading day (ACTIVE and WATCHLIST,
 * not inactive or removed); UNIVERSE symbols are refreshed weekly and would always look stale.
 */
public class DataFreshness {

    public static final List<String> DATASETS = List.of("prices", "factors", "analytics");

    public record DatasetSummary(int subjects, Map<String, Integer> staleness, Integer maxTradingDays) {
    }

    public record Summary(LocalDate latestSession, Map<String, DatasetSummary> datasets) {
    }

    public record SubjectFreshness(String dataset, String subject, LocalDate latestDate, int tradingDaysBehind) {
    }

    private final FreshnessStore store;
    private final MarketClock market;

    public DataFreshness(FreshnessStore store, MarketClock market) {
        this.store = store;
        this.market = market;
    }

    public Summary summary() {
        LocalDate session = market.latestCompletedSession();
        TradingCalendar calendar = market.calendar();
        Map<String, DatasetSummary> datasets = new LinkedHashMap<>();
        for (String dataset : DATASETS) {
            Map<Staleness, Integer> buckets = new EnumMap<>(Staleness.class);
            for (Staleness s : Staleness.values()) {
                buckets.put(s, 0);
            }
            int subjects = 0;
            Integer max = null;
            for (FreshnessStore.DateCount c : store.counts(dataset)) {
                int behind = Freshness.tradingDaysBehind(c.latestDate(), session, calendar);
                buckets.merge(Staleness.of(behind), c.subjects(), Integer::sum);
                subjects += c.subjects();
                max = max == null ? behind : Math.max(max, behind);
            }
            Map<String, Integer> labelled = new LinkedHashMap<>();
            buckets.forEach((s, n) -> labelled.put(s.label(), n));
            datasets.put(dataset, new DatasetSummary(subjects, labelled, max));
        }
        return new Summary(session, datasets);
    }

    /** The subjects of a dataset at least {@code minDays} trading days old, oldest first. */
    public List<SubjectFreshness> subjects(String dataset, int minDays, int limit) {
        if (!DATASETS.contains(dataset)) {
            throw new IllegalArgumentException("dataset '" + dataset + "' is not one of " + DATASETS);
        }
        if (minDays < 0) {
            throw new IllegalArgumentException("minDays must not be negative");
        }
        LocalDate session = market.latestCompletedSession();
        TradingCalendar calendar = market.calendar();
        // at least n sessions behind ⇔ the latest date is before the session n-1 sessions before the latest one
        LocalDate before = null;
        if (minDays > 0) {
            before = session;
            for (int i = 1; i < minDays; i++) {
                before = calendar.previousTradingDay(before);
            }
        }
        return store.olderThan(dataset, before, limit).stream()
                .map(s -> new SubjectFreshness(dataset, s.subject(), s.latestDate(),
                        Freshness.tradingDaysBehind(s.latestDate(), session, calendar)))
                .toList();
    }
}
