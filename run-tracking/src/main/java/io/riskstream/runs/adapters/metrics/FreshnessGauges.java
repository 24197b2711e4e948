package io.riskstream.runs.adapters.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.riskstream.runs.application.DataFreshness;
import io.riskstream.runs.domain.Freshness.Staleness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Freshness as gauges with bounded labels: {@code riskstream_freshness_subjects{dataset, staleness}} (current, 1,
 * 2+ trading days) and {@code riskstream_freshness_max_trading_days{dataset}}. One summary query serves every gauge
 * of a scrape; it is reused for {@code maxAge}.
 */
public class FreshnessGauges {

    private final DataFreshness freshness;
    private final Clock clock;
    private final Duration maxAge;
    private DataFreshness.Summary cached;
    private Instant cachedAt = Instant.MIN;

    public FreshnessGauges(DataFreshness freshness, MeterRegistry meters, Clock clock, Duration maxAge) {
        this.freshness = freshness;
        this.clock = clock;
        this.maxAge = maxAge;
        for (String dataset : DataFreshness.DATASETS) {
            for (Staleness staleness : Staleness.values()) {
                Gauge.builder("riskstream.freshness.subjects", this,
                                g -> g.summary().datasets().get(dataset).staleness().get(staleness.label()))
                        .tag("dataset", dataset).tag("staleness", staleness.label())
                        .description("subjects whose latest data is this many trading days old")
                        .register(meters);
            }
            Gauge.builder("riskstream.freshness.max.trading.days", this, g -> {
                        Integer max = g.summary().datasets().get(dataset).maxTradingDays();
                        return max == null ? 0 : max;
                    })
                    .tag("dataset", dataset)
                    .description("trading days behind the latest completed session of the stalest subject")
                    .register(meters);
        }
    }

    synchronized DataFreshness.Summary summary() {
        Instant now = clock.instant();
        if (cached == null || !cachedAt.plus(maxAge).isAfter(now)) {
            cached = freshness.summary();
            cachedAt = now;
        }
        return cached;
    }
}
