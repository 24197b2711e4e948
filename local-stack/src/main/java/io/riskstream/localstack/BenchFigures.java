package io.riskstream.localstack;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code bench --json FILE}: the figures of one run as JSON, so a script can compare runs. Seconds are wall time;
 * {@code finished} is false when a phase ran out of time (the phases it did finish are there).
 */
final class BenchFigures {

    /** Version of the layout below; bumped when a field changes meaning. */
    static final int FORMAT = 1;

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Onboarding latencies: p95 is the nearest-rank 95th percentile, as the printed report gives it. */
    record Latency(int n, double median, double p95, double max) {

        static Latency of(List<Double> seconds) {
            List<Double> sorted = seconds.stream().sorted().toList();
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            return new Latency(n, median, sorted.get(Math.max(0, (int) Math.ceil(0.95 * n) - 1)), sorted.getLast());
        }
    }

    private BenchFigures() {
    }

    static void write(BenchCommand.Options options, List<BenchCommand.Phase> phases, double createdSeconds,
                      List<Double> latencies, List<PipelineProbe.LagSample> lag, Map<String, Long> peakRssMiB,
                      boolean finished) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("finished", finished);
        root.put("writtenAt", Instant.now().toString());
        root.put("options", options(options));
        root.put("environment", environment());
        root.put("phases", phases.stream().map(BenchFigures::phase).toList());
        root.put("portfoliosCreatedSeconds", Double.isNaN(createdSeconds) ? null : round(createdSeconds));
        if (latencies.isEmpty()) {
            root.put("onboarding", null);
        } else {
            Latency l = Latency.of(latencies);
            Map<String, Object> onboarding = new LinkedHashMap<>();
            onboarding.put("n", l.n());
            onboarding.put("medianSeconds", round(l.median()));
            onboarding.put("p95Seconds", round(l.p95()));
            onboarding.put("maxSeconds", round(l.max()));
            onboarding.put("seconds", latencies.stream().map(BenchFigures::round).toList());
            root.put("onboarding", onboarding);
        }
        Map<String, Long> peakLag = new TreeMap<>();
        lag.forEach(s -> s.lagByGroup().forEach((group, records) -> peakLag.merge(group, records, Math::max)));
        peakLag.keySet().removeIf(g -> g.startsWith("console") || g.startsWith("bench"));
        root.put("peakLagRecords", peakLag);
        root.put("peakRssMiB", peakRssMiB);
        try {
            // written beside and moved into place: a script never reads half a file
            var tmp = options.json().resolveSibling(options.json().getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), root);
            Files.move(tmp, options.json(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + options.json() + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> options(BenchCommand.Options o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbols", o.symbols());
        m.put("portfolios", o.portfolios());
        m.put("positionsPerPortfolio", o.positionsPerPortfolio());
        m.put("onboardings", o.onboardings());
        m.put("onboardingsDuringClose", o.onboardingsDuringClose());
        m.put("asOf", o.asOf().toString());
        m.put("dailyClose", o.next().toString());
        m.put("factorInstances", o.factorInstances());
        return m;
    }

    /** What else decides the figures: the services inherit this process's environment from bin/riskstream. */
    private static Map<String, Object> environment() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("commit", System.getenv("RISKSTREAM_COMMIT"));
        m.put("riskAnalytics", !"false".equalsIgnoreCase(System.getenv("RISKSTREAM_PORTFOLIO_RISK_ANALYTICS")));
        m.put("serviceJavaOptions", System.getenv("RISKSTREAM_SERVICE_JAVA_OPTS_IN_USE"));
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        m.put("java", Runtime.version().toString());
        return m;
    }

    private static Map<String, Object> phase(BenchCommand.Phase p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("name", p.name());
        m.put("seconds", round(p.seconds()));
        m.put("events", p.events());
        Map<String, Double> perSecond = new LinkedHashMap<>();
        p.events().forEach((topic, n) -> perSecond.put(topic, round(n / p.seconds())));
        m.put("eventsPerSecond", perSecond);
        Map<String, Double> cpu = new LinkedHashMap<>();
        p.cpuSeconds().forEach((process, seconds) -> cpu.put(process, round(seconds)));
        m.put("cpuSeconds", cpu);
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
