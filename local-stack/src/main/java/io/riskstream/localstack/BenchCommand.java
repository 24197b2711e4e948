package io.riskstream.localstack;

import io.riskstream.common.cli.IsoDateConverter;
import io.riskstream.common.security.ApiAccess;
import io.riskstream.common.security.LocalTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.BooleanSupplier;

/**
 * {@code bin/riskstream bench}: the end-to-end benchmark on a running local stack started by the script with a fixed
 * as-of date D0 and the simulated provider. (a) Cold start: M portfolios of P positions over N symbols new to the
 * system (each symbol: a year of history and factors), until every portfolio has its D0 analytics; (b) one daily
 * close for the next session D1, until every portfolio has D1; (c) onboardings of portfolios with one unknown symbol
 * each, one after the other, from the POST to the portfolio's D0 analytics, started as soon as (b)'s close is
 * triggered so they compete with it (the latency a user sees on a busy evening), or after (b) with
 * {@code --onboard-after-close}. Prints wall time per phase, events per
 * second per topic, onboarding median and p95, consumer lag over time and the peak memory of each process.
 * A benchmark, not a test: it asserts nothing about time, and exits non-zero only when a phase does not finish.
 */
public final class BenchCommand {

    record Options(int symbols, int portfolios, int positionsPerPortfolio, int onboardings,
                   boolean onboardingsDuringClose, LocalDate asOf, LocalDate next, String priceUrl,
                   String portfolioUrl, String bootstrap, Path pidsFile, Duration phaseTimeout, int factorInstances,
                   Path json) {
    }

    /** @param id "a", "b" or "c": the key a script compares runs by */
    /** @param cpuSeconds CPU seconds each process used during the phase (empty where /proc is not there) */
    record Phase(String id, String name, double seconds, Map<String, Long> events, Map<String, Double> cpuSeconds) {
    }

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    /** Written by (c)'s thread too when the onboardings run during the close. */
    private final List<Phase> phases = Collections.synchronizedList(new ArrayList<>());
    private double createdSeconds = Double.NaN;

    private BenchCommand(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return Cli.execute(new Arguments(), out, err, args);
    }

    /**
     * The command line. bin/riskstream sets the hidden options (the stack it started, its sessions D0 and D1) and
     * first calls {@code --validate-only} with the user's options alone, before it deletes or starts anything.
     */
    @Command(name = "bin/riskstream bench", sortOptions = false,
            description = {"The end-to-end benchmark on a fresh stack: (a) cold start of M portfolios of P positions over"
                    + " N new symbols, (b) one daily close, (c) K onboardings; prints wall times, events/s, onboarding"
                    + " latency, consumer lag and peak memory."},
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {"0:every phase finished", "1:a phase did not finish within --phase-timeout",
                    "2:bad command line"})
    static final class Arguments implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--symbols", paramLabel = "N", converter = Cli.Positive.class, defaultValue = "5000",
                description = "symbols new to the system (default: ${DEFAULT-VALUE})")
        int symbols;

        @Option(names = "--portfolios", paramLabel = "M", converter = Cli.Positive.class, defaultValue = "1000",
                description = "portfolios of the cold start (default: ${DEFAULT-VALUE})")
        int portfolios;

        @Option(names = "--positions", paramLabel = "P", converter = Cli.Positive.class, defaultValue = "20",
                description = "positions per portfolio, at most N (default: ${DEFAULT-VALUE})")
        int positions;

        @Option(names = "--onboardings", paramLabel = "K", converter = Cli.Count.class, defaultValue = "50",
                description = "onboardings of one new symbol each, one after the other, started with (b)'s daily"
                        + " close (default: ${DEFAULT-VALUE})")
        int onboardings;

        @Option(names = "--onboard-after-close",
                description = "start (c)'s onboardings once (b) has finished, on a quiet stack, instead of during it")
        boolean onboardAfterClose;

        @Option(names = "--phase-timeout", paramLabel = "SECONDS", converter = Cli.Seconds.class, defaultValue = "1200",
                description = "how long a phase may take (default: ${DEFAULT-VALUE})")
        long phaseTimeout;

        @Option(names = "--factor-instances", paramLabel = "1|2", converter = Cli.Positive.class, defaultValue = "1",
                description = "factor-service instances bin/riskstream starts (default: ${DEFAULT-VALUE}; a second one"
                        + " listens on 8086)")
        int factorInstances;

        @Option(names = "--json", paramLabel = "FILE",
                description = "also write the figures to FILE as JSON (phases, onboarding latencies, events per second,"
                        + " peak lag and memory), for comparing runs with a script")
        Path json;

        @Option(names = "--validate-only", hidden = true)
        boolean validateOnly;

        @Option(names = "--as-of", hidden = true, converter = IsoDateConverter.class)
        LocalDate asOf;

        @Option(names = "--next", hidden = true, converter = IsoDateConverter.class)
        LocalDate next;

        @Option(names = "--price-url", hidden = true)
        String priceUrl;

        @Option(names = "--portfolio-url", hidden = true)
        String portfolioUrl;

        @Option(names = "--bootstrap", hidden = true)
        String bootstrap;

        @Option(names = "--pids", hidden = true)
        Path pids;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
        boolean help;

        @Override
        public Integer call() throws Exception {
            Options options = options();
            return validateOnly ? 0 : new BenchCommand(options).run();
        }

        Options options() {
            if (factorInstances > 2) {
                throw usage("--factor-instances: '" + factorInstances + "' is not 1 or 2");
            }
            if (positions > symbols) {
                throw usage("--positions (" + positions + ") cannot exceed --symbols (" + symbols + ")");
            }
            if (json != null) {
                // checked before the stack is wiped and started, not after a twenty-minute run
                Path file = json.toAbsolutePath();
                if (Files.isDirectory(file)) {
                    throw usage("--json: '" + json + "' is a directory, not a file");
                }
                if (file.getParent() == null || !Files.isDirectory(file.getParent())) {
                    throw usage("--json: the folder of '" + json + "' does not exist");
                }
                if (!Files.isWritable(file.getParent()) || Files.exists(file) && !Files.isWritable(file)) {
                    throw usage("--json: '" + json + "' cannot be written");
                }
            }
            if (validateOnly) {
                // the user's options alone: those the script sets are not theirs to give
                for (String option : List.of("--as-of", "--next", "--price-url", "--portfolio-url", "--bootstrap", "--pids")) {
                    if (spec.findOption(option).originalStringValues().size() > 0) {
                        throw usage(option + " is set by bin/riskstream (D0 and D1: RISKSTREAM_BENCH_AS_OF and"
                                + " RISKSTREAM_BENCH_NEXT)");
                    }
                }
            } else if (asOf == null || next == null) {
                throw usage("--as-of and --next (the stack's as-of session and the one after) are required");
            } else if (!next.isAfter(asOf)) {
                throw usage("--next " + next + " must be after --as-of " + asOf);
            }
            return new Options(symbols, portfolios, positions, onboardings, !onboardAfterClose, asOf, next,
                    priceUrl == null ? "http://127.0.0.1:8081" : priceUrl,
                    portfolioUrl == null ? "http://127.0.0.1:8085" : portfolioUrl,
                    bootstrap == null ? "127.0.0.1:19092" : bootstrap, pids, Duration.ofSeconds(phaseTimeout),
                    factorInstances, json == null ? null : json.toAbsolutePath());
        }

        private ParameterException usage(String message) {
            return new ParameterException(spec.commandLine(), message);
        }
    }

    private int run() throws Exception {
        try (PipelineProbe probe = new PipelineProbe(options.bootstrap())) {
            probe.start();
            long benchStart = System.nanoTime();
            List<Double> latencies = List.of();
            boolean finished = false;
            try {
                List<String> ids = coldStart(probe);
                if (ids == null) {
                    return 1;
                }
                if (options.onboardingsDuringClose()) {
                    FutureTask<List<Double>> during = new FutureTask<>(() -> onboardings(probe));
                    if (!dailyClose(probe, ids, () -> Thread.ofPlatform().daemon().name("bench-onboardings")
                            .start(during))) {
                        return 1;
                    }
                    latencies = during.get();
                } else {
                    if (!dailyClose(probe, ids, () -> { })) {
                        return 1;
                    }
                    latencies = onboardings(probe);
                }
                if (latencies == null) {
                    latencies = List.of();
                    return 1;
                }
                report(probe, latencies, benchStart);
                finished = true;
                return 0;
            } finally {
                if (options.json() != null) {
                    // a run that did not finish writes what it measured, marked unfinished
                    BenchFigures.write(options, phases, createdSeconds, latencies, probe.lagSamples(),
                            peakMemory(), finished);
                    System.out.println("figures written to " + options.json());
                }
            }
        }
    }

    /** (a): the portfolios are created in parallel (4 clients); their symbols onboard as they come. */
    private List<String> coldStart(PipelineProbe probe) throws Exception {
        LocalDate entry = options.asOf().minusDays(28);
        System.out.printf("(a) cold start: %d portfolios × %d positions over %d new symbols, entered %s, until every"
                + " portfolio has analytics for %s%n", options.portfolios(), options.positionsPerPortfolio(),
                options.symbols(), entry, options.asOf());
        Map<String, Long> before = probe.endOffsets();
        Map<String, Double> cpuBefore = ProcessCpu.sample(options.pidsFile());
        long t0 = System.nanoTime();
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService clients = Executors.newFixedThreadPool(4)) {
            List<Future<String>> created = new ArrayList<>();
            for (int p = 0; p < options.portfolios(); p++) {
                int portfolio = p;
                created.add(clients.submit(() -> createPortfolio("bench " + portfolio, 1_000_000,
                        symbolsOf(portfolio), entry)));
            }
            for (Future<String> f : created) {
                ids.add(f.get());
            }
        }
        createdSeconds = seconds(t0);
        System.out.printf("    %d portfolios created in %.1f s%n", ids.size(), createdSeconds);
        Set<String> all = new TreeSet<>(ids);
        boolean done = waitFor("(a)", t0, () -> probe.count(a -> !a.partial() && a.date().equals(options.asOf())
                && all.contains(a.portfolioId())) >= all.size(), () -> probe.count(a -> !a.partial()
                && a.date().equals(options.asOf()) && all.contains(a.portfolioId())) + "/" + all.size() + " portfolios");
        if (!done) {
            return null;
        }
        phases.add(new Phase("a", "(a) cold start", seconds(t0), delta(before, probe.endOffsets()),
                ProcessCpu.delta(cpuBefore, ProcessCpu.sample(options.pidsFile()))));
        return ids;
    }

    /**
     * (b): one daily close for the next session, until every portfolio has its analytics; {@code onceTriggered} runs
     * when the close has been accepted.
     */
    private boolean dailyClose(PipelineProbe probe, List<String> ids, Runnable onceTriggered) throws Exception {
        System.out.printf("(b) daily close for %s, until every portfolio has analytics for it%n", options.next());
        Set<String> all = new TreeSet<>(ids);
        Map<String, Long> before = probe.endOffsets();
        Map<String, Double> cpuBefore = ProcessCpu.sample(options.pidsFile());
        long t0 = System.nanoTime();
        HttpResponse<String> r = send(LocalTokens.authorized(HttpRequest.newBuilder(URI.create(options.priceUrl()
                + "/api/admin/daily-close?date=" + options.next())), System.getenv(), ApiAccess.ADMIN)
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (r.statusCode() != 200) {
            System.err.println("triggering the daily close failed: HTTP " + r.statusCode() + " " + r.body());
            return false;
        }
        onceTriggered.run();
        boolean done = waitFor("(b)", t0, () -> probe.count(a -> !a.partial() && a.date().equals(options.next())
                && all.contains(a.portfolioId())) >= all.size(), () -> probe.count(a -> !a.partial()
                && a.date().equals(options.next()) && all.contains(a.portfolioId())) + "/" + all.size() + " portfolios");
        if (done) {
            phases.add(new Phase("b", "(b) daily close", seconds(t0), delta(before, probe.endOffsets()),
                ProcessCpu.delta(cpuBefore, ProcessCpu.sample(options.pidsFile()))));
        }
        return done;
    }

    /** (c): sequential onboardings, each a portfolio with one symbol no one holds yet. */
    private List<Double> onboardings(PipelineProbe probe) throws Exception {
        if (options.onboardings() == 0) {
            return List.of();
        }
        System.out.printf("(c) %d onboardings, one new symbol each, from the POST to analytics for %s%s%n",
                options.onboardings(), options.asOf(), options.onboardingsDuringClose() ? ", during (b)" : "");
        Map<String, Long> before = probe.endOffsets();
        Map<String, Double> cpuBefore = ProcessCpu.sample(options.pidsFile());
        long phaseStart = System.nanoTime();
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < options.onboardings(); i++) {
            String symbol = "NB" + letters(i, 4);
            long t0 = System.nanoTime();
            String id = createPortfolio("onboarding " + i, 100_000, List.of(symbol), options.asOf().minusDays(50));
            long deadline = t0 + Duration.ofSeconds(120).toNanos();
            PipelineProbe.Announced a;
            while ((a = probe.find(id, options.asOf())) == null || a.partial()) {
                if (System.nanoTime() > deadline) {
                    System.err.println("onboarding " + i + " (" + symbol + ") had no analytics after 120 s");
                    return null;
                }
                Thread.sleep(5);
            }
            latencies.add((a.seenAtNanos() - t0) / 1e9);
        }
        phases.add(new Phase("c", "(c) " + options.onboardings() + " onboardings", seconds(phaseStart),
                delta(before, probe.endOffsets()),
                ProcessCpu.delta(cpuBefore, ProcessCpu.sample(options.pidsFile()))));
        return latencies;
    }

    /** Portfolio p holds P consecutive symbols of the universe, so every symbol is held and most by several. */
    private List<String> symbolsOf(int portfolio) {
        List<String> symbols = new ArrayList<>();
        int stride = Math.max(1, options.symbols() / Math.max(1, options.portfolios()));
        for (int j = 0; j < options.positionsPerPortfolio(); j++) {
            symbols.add("BS" + letters((portfolio * stride + j * 7) % options.symbols(), 4));
        }
        return new ArrayList<>(new TreeSet<>(symbols));
    }

    private static String letters(int n, int width) {
        char[] c = new char[width];
        for (int i = width - 1; i >= 0; i--) {
            c[i] = (char) ('A' + n % 26);
            n /= 26;
        }
        return new String(c);
    }

    private String createPortfolio(String name, long equity, List<String> symbols, LocalDate entry) throws IOException,
            InterruptedException {
        StringBuilder positions = new StringBuilder();
        for (String s : symbols) {
            positions.append(positions.isEmpty() ? "" : ",").append(
                    "{\"symbol\":\"%s\",\"quantity\":100,\"entryPrice\":50.0,\"entryDate\":\"%s\"}".formatted(s, entry));
        }
        String body = "{\"name\":\"" + name + "\",\"equity\":" + equity + ",\"positions\":[" + positions + "]}";
        HttpResponse<String> r = send(LocalTokens.authorized(HttpRequest.newBuilder(URI.create(options.portfolioUrl()
                        + "/api/portfolios")), System.getenv(), ApiAccess.PORTFOLIO_WRITE)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        if (r.statusCode() != 201) {
            throw new IllegalStateException("creating portfolio '" + name + "' failed: HTTP " + r.statusCode() + " " + r.body());
        }
        return json.readTree(r.body()).get("id").asString();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Prints progress every 5 s; false when the phase timeout passes first. */
    private boolean waitFor(String phase, long t0, BooleanSupplier done, java.util.function.Supplier<String> progress)
            throws InterruptedException {
        long lastPrint = System.nanoTime();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - t0 > options.phaseTimeout().toNanos()) {
                System.err.printf("%s did not finish within %d s: %s%n", phase, options.phaseTimeout().toSeconds(),
                        progress.get());
                return false;
            }
            if (System.nanoTime() - lastPrint > 5_000_000_000L) {
                System.out.printf("    %5.1f s  %s%n", seconds(t0), progress.get());
                lastPrint = System.nanoTime();
            }
            Thread.sleep(50);
        }
        System.out.printf("    done in %.1f s%n", seconds(t0));
        return true;
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new LinkedHashMap<>();
        for (String topic : PipelineProbe.TOPICS) {
            d.put(topic, after.getOrDefault(topic, 0L) - before.getOrDefault(topic, 0L));
        }
        return d;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private void report(PipelineProbe probe, List<Double> latencies, long benchStart) throws IOException {
        System.out.println();
        System.out.printf("riskstream bench: N=%d symbols, M=%d portfolios × %d positions, as of %s, daily close %s,"
                + " %d factor-service instance(s)%n", options.symbols(), options.portfolios(),
                options.positionsPerPortfolio(), options.asOf(), options.next(), options.factorInstances());
        System.out.printf("%-22s %9s%n", "phase", "wall (s)");
        phases.forEach(p -> System.out.printf("%-22s %9.1f%n", p.name(), p.seconds()));
        System.out.println();
        System.out.println("events per second per topic (records appended during the phase / its wall time)");
        System.out.printf("%-28s", "topic");
        phases.forEach(p -> System.out.printf(" %16s", p.name().substring(0, 3)));
        System.out.println();
        for (String topic : PipelineProbe.TOPICS) {
            System.out.printf("%-28s", topic);
            phases.forEach(p -> System.out.printf(" %7d (%6.0f/s)", p.events().get(topic), p.events().get(topic) / p.seconds()));
            System.out.println();
        }
        printCpu();
        if (!latencies.isEmpty()) {
            BenchFigures.Latency l = BenchFigures.Latency.of(latencies);
            System.out.printf("%nonboarding latency (POST → portfolio-analytics-ready): n=%d, median %.2f s, p95 %.2f s,"
                    + " max %.2f s%n", l.n(), l.median(), l.p95(), l.max());
        }
        printLag(probe, benchStart);
        printMemory();
    }

    /** Where each phase's CPU went: seconds per process, and its share of the machine's cores over the phase. */
    private void printCpu() {
        if (phases.stream().allMatch(p -> p.cpuSeconds().isEmpty())) {
            return;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.println();
        System.out.printf("CPU seconds per process (share of the %d cores' time in the phase)%n", cores);
        System.out.printf("%-28s", "process");
        phases.forEach(p -> System.out.printf(" %16s", p.name().substring(0, 3)));
        System.out.println();
        java.util.Set<String> processes = new java.util.LinkedHashSet<>();
        phases.forEach(p -> processes.addAll(p.cpuSeconds().keySet()));
        for (String process : processes) {
            System.out.printf("%-28s", process);
            phases.forEach(p -> {
                double s = p.cpuSeconds().getOrDefault(process, 0.0);
                System.out.printf(" %8.1f (%4.0f%%)", s, 100 * s / (p.seconds() * cores));
            });
            System.out.println();
        }
    }

    /** The lag of every group, one row per ~10 s (the sampler takes one every 2 s). */
    private static void printLag(PipelineProbe probe, long benchStart) {
        List<PipelineProbe.LagSample> samples = probe.lagSamples();
        if (samples.isEmpty()) {
            return;
        }
        Set<String> groups = new TreeSet<>();
        samples.forEach(s -> groups.addAll(s.lagByGroup().keySet()));
        groups.removeIf(g -> g.startsWith("console") || g.startsWith("bench"));
        System.out.println();
        System.out.println("consumer lag (records) over time");
        System.out.printf("%7s", "t (s)");
        groups.forEach(g -> System.out.printf(" %13s", g.length() > 13 ? g.substring(0, 13) : g));
        System.out.println();
        double lastPrinted = -10;
        for (PipelineProbe.LagSample s : samples) {
            double t = (s.atNanos() - benchStart) / 1e9;
            if (t - lastPrinted < 10 && s != samples.getLast()) {
                continue;
            }
            lastPrinted = t;
            System.out.printf("%7.0f", t);
            groups.forEach(g -> System.out.printf(" %13d", s.lagByGroup().getOrDefault(g, 0L)));
            System.out.println();
        }
    }

    /** Peak resident memory (VmHWM) of each process the script started. */
    private void printMemory() throws IOException {
        Map<String, Long> peaks = peakMemory();
        if (peaks.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.println("peak memory (resident set high-water mark)");
        peaks.forEach((process, mib) -> System.out.printf("%-24s %s%n", process, mib < 0 ? "n/a" : mib + " MiB"));
    }

    /** process → peak resident set in MiB (-1 when the process is gone), in the order the script started them. */
    private Map<String, Long> peakMemory() throws IOException {
        Map<String, Long> peaks = new LinkedHashMap<>();
        if (options.pidsFile() == null || !Files.exists(options.pidsFile())) {
            return peaks;
        }
        for (String line : Files.readAllLines(options.pidsFile())) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length != 2) {
                continue;
            }
            Path status = Path.of("/proc", parts[1], "status");
            long kb = -1;
            if (Files.exists(status)) {
                kb = Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM:"))
                        .map(l -> l.substring(6).replace("kB", "").trim()).mapToLong(Long::parseLong)
                        .findFirst().orElse(-1);
            }
            peaks.put(parts[0], kb < 0 ? -1 : kb / 1024);
        }
        return peaks;
    }
}
