package io.riskstream.marketdata;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the providers said about their configuration: every refusal (invalid key, restricted or legacy endpoint) per
 * provider and endpoint, until that endpoint answers again. A provider with a standing refusal is failing — the
 * readiness check says so with the provider's own reason, {@code riskstream_provider_refused{provider}} is 1 and
 * {@code riskstream_provider_refusals_total{provider,endpoint,status}} counts each one, so the alert fires — rather
 * than a chain quietly serving the next provider's data.
 */
public final class ProviderHealth {

    /** A refusal: the endpoint (no query string: it holds the key), the HTTP status and the provider's words. */
    public record Refusal(String provider, String endpoint, int status, String reason, Instant at) {
    }

    private final Map<String, Map<String, Refusal>> refusals = new ConcurrentHashMap<>();
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private final MeterRegistry meters;
    private final Clock clock;

    public ProviderHealth(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    /** A health registry that keeps state but reports no metrics (tools, unit tests). */
    public static ProviderHealth detached() {
        return new ProviderHealth(null, Clock.systemUTC());
    }

    /** Makes the provider's gauge exist (at 0) before its first call. */
    public void track(String provider) {
        if (known.add(provider) && meters != null) {
            Gauge.builder("riskstream.provider.refused", () -> refused(provider) ? 1 : 0)
                    .description("1 while the provider refuses the configured key or plan on some endpoint")
                    .tag("provider", provider).register(meters);
        }
    }

    public void refused(String provider, String endpoint, int status, String reason) {
        track(provider);
        refusals.computeIfAbsent(provider, p -> new ConcurrentHashMap<>())
                .put(endpoint, new Refusal(provider, endpoint, status, reason, clock.instant()));
        if (meters != null) {
            Counter.builder("riskstream.provider.refusals").description("Provider refusals of the key or plan")
                    .tags("provider", provider, "endpoint", endpoint, "status", Integer.toString(status))
                    .register(meters).increment();
        }
    }

    /** The endpoint answered: a refusal recorded for it is over (the key or plan was fixed). */
    public void answered(String provider, String endpoint) {
        track(provider);
        Map<String, Refusal> byEndpoint = refusals.get(provider);
        if (byEndpoint != null) {
            byEndpoint.remove(endpoint);
        }
    }

    public boolean refused(String provider) {
        Map<String, Refusal> byEndpoint = refusals.get(provider);
        return byEndpoint != null && !byEndpoint.isEmpty();
    }

    /** Every standing refusal, newest first. */
    public List<Refusal> refusals() {
        List<Refusal> all = new ArrayList<>();
        refusals.values().forEach(m -> all.addAll(m.values()));
        all.sort(Comparator.comparing(Refusal::at).reversed());
        return all;
    }

    public Set<String> providers() {
        return Set.copyOf(known);
    }
}
