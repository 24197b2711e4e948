package io.riskstream.faults;


import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code bin/riskstream faults}: runs the workload once cleanly, then once per scenario with its fault injected,
 * each on a fresh stack of real processes, and compares every service database with the clean run (row counts and
 * a checksum of the business columns). Prints the table of issue 8 and writes it to {@code results.md} in the state
 * folder. Market data comes over HTTP from the {@link FmpSimulator} in every run. Exit status 0 when every scenario recovered with no row lost or duplicated and the same state.
 */
public final class FaultSuite {

    record Result(String id, String injected, double recoverySeconds, long lost, long duplicated, boolean equal,
                  List<String> differences, List<String> notes, String error) {
    }

    record Options(Path root, Path state, String java, Workload.Size size, Set<String> scenarios) {
    }

    private final Options options;
    private final LocalDate d1;
    private final LocalDate d0;

    private FaultSuite(Options options) {
        this.options = options;
        LatestSessions sessions = LatestSessions.now(java.time.Clock.systemUTC());
        this.d1 = sessions.d1();
        this.d0 = sessions.d0();
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = parse(args);
        } catch (RuntimeException e) {
            System.err.println("faults: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new FaultSuite(options).run());
    }

    static Options parse(String[] args) {
        Path root = null, state = null;
        String java = "java";
        int symbols = 200, portfolios = 30, positions = 10;
        Set<String> scenarios = new TreeSet<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--root" -> root = Path.of(v);
                case "--state" -> state = Path.of(v);
                case "--java" -> java = v;
                case "--symbols" -> symbols = Integer.parseInt(v);
                case "--portfolios" -> portfolios = Integer.parseInt(v);
                case "--positions" -> positions = Integer.parseInt(v);
                case "--scenarios" -> scenarios.addAll(List.of(v.split(",")));
                default -> throw new IllegalArgumentException("unknown option " + a
                        + " (known: --root --state --java --symbols --portfolios --positions --scenarios 1,2,...)");
            }
        }
        if (root == null || state == null) {
            throw new IllegalArgumentException("--root (the repository) and --state (a scratch folder) are required");
        }
        if (positions > symbols) {
            throw new IllegalArgumentException("--positions cannot exceed --symbols");
        }
        for (String s : scenarios) {
            if (!s.matches("[1-9]|clean")) {
                throw new IllegalArgumentException("unknown scenario '" + s + "' (1 to 9, or clean for the reference run alone)");
            }
        }
        return new Options(root, state, java, new Workload.Size(symbols, portfolios, positions), scenarios);
    }

    private int run() throws Exception {
        System.out.printf("fault suite: %d symbols, %d portfolios × %d positions; onboarding as of %s, daily close %s%n",
                options.size().symbols(), options.size().portfolios(), options.size().positions(), d0, d1);
        try (FmpSimulator fmp = new FmpSimulator(0, d1, ProviderFaultPlan.spread(0.3,
                java.util.EnumSet.allOf(ProviderFaultPlan.Fault.class)).withTimeoutDelay(Duration.ofSeconds(4))).start()) {
            Result clean = runOne(Scenarios.clean(), fmp, null);
            if (clean.error() != null) {
                System.err.println("the clean run failed: " + clean.error());
                return 1;
            }
            StateDigest.Snapshot reference = lastSnapshot;
            System.out.printf("clean run: %d rows in %d tables%n", reference.rows(), reference.tables().size());
            List<Result> results = new ArrayList<>();
            for (Scenario s : Scenarios.all()) {
                if (options.scenarios().isEmpty() || options.scenarios().contains(s.id())) { // "clean" alone: none
                    results.add(runOne(s, fmp, reference));
                }
            }
            String table = table(results);
            System.out.println(table);
            Files.writeString(options.state().resolve("results.md"), table);
            return results.stream().allMatch(r -> r.error() == null && r.equal() && r.lost() == 0 && r.duplicated() == 0
                    && r.notes().stream().noneMatch(n -> n.startsWith("FAILED"))) ? 0 : 1;
        }
    }

    private StateDigest.Snapshot lastSnapshot;

    private Result runOne(Scenario scenario, FmpSimulator fmp, StateDigest.Snapshot reference) throws Exception {
        System.out.printf("%n== scenario %s: %s%n", scenario.id(), scenario.injected());
        Path state = options.state().resolve("run-" + scenario.id());
        deleteTree(state);
        Map<String, String> env = new LinkedHashMap<>(Map.of("RISKSTREAM_MARKET_DATA_AS_OF_DATE", d0.toString(),
                "DAILY_CLOSE_SCHEDULER_ENABLED", "false"));
        // every run takes its market data over HTTP from the FMP simulator (faults off unless the scenario turns
        // them on), so the provider is faked at the HTTP boundary and all runs see the same answers
        env.putAll(Map.of("MARKET_DATA_PROVIDERS", "fmp", "FMP_API_KEY", "fault-suite",
                "RISKSTREAM_MARKET_DATA_FMP_BASE_URL", fmp.baseUrl().toString(),
                "RISKSTREAM_MARKET_DATA_FMP_PER_MINUTE", "1000000", "RISKSTREAM_MARKET_DATA_FMP_PER_DAY", "100000000",
                "RISKSTREAM_MARKET_DATA_FMP_TIMEOUT", "3s"));
        env.putAll(scenario.env());
        long t0 = System.nanoTime();
        try (StackProcesses stack = new StackProcesses(options.root(), state, options.java(), 15432, 19092, env)) {
            stack.startAll(scenario.serviceArgs());
            try (BrokerTools broker = new BrokerTools(stack.bootstrap())) {
                StateDigest digest = new StateDigest(stack);
                Workload workload = new Workload(options.size(), d0, d1, stack, digest, broker);
                Scenario.Run run = new Scenario.Run(stack, broker, workload, digest);
                run.fmp = fmp;
                System.out.printf("   stack up in %.0f s; creating the portfolios...%n", seconds(t0));
                workload.createPortfolios();
                scenario.duringOnboarding().run(run);
                workload.awaitPortfolios(d0, Duration.ofMinutes(15));
                System.out.printf("   onboarding done at %.0f s; daily close %s...%n", seconds(t0), d1);
                scenario.dailyClose().run(run);
                workload.awaitPortfolios(d1, Duration.ofMinutes(15));
                scenario.afterDailyClose().run(run);
                StateDigest.Snapshot end = workload.awaitSettled(Duration.ofMinutes(15));
                long settled = System.nanoTime();
                lastSnapshot = end;
                double recovery = run.faultEndedAt < 0 ? 0 : (settled - run.faultEndedAt) / 1e9;
                run.notes.forEach(n -> System.out.println("   " + n));
                if (reference == null) {
                    return new Result(scenario.id(), scenario.injected(), recovery, 0, 0, true, List.of(), run.notes, null);
                }
                List<String> differences = end.differencesFrom(reference);
                differences.forEach(d -> System.out.println("   differs: " + d));
                System.out.printf("   settled at %.0f s%n", seconds(t0));
                return new Result(scenario.id(), scenario.injected(), recovery, end.rowsLostAgainst(reference),
                        end.rowsDuplicatedAgainst(reference), differences.isEmpty(), differences, run.notes, null);
            }
        } catch (Exception e) {
            System.out.println("   scenario " + scenario.id() + " did not complete: " + e);
            return new Result(scenario.id(), scenario.injected(), -1, -1, -1, false, List.of(), List.of(), e.toString());
        }
    }

    static String table(List<Result> results) {
        StringBuilder t = new StringBuilder("| scenario | injected | time to recover | rows lost | rows duplicated | "
                + "state equal to the clean run | notes |\n|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            String notes = r.error() != null ? "did not complete: " + r.error()
                    : String.join("; ", r.notes()) + (r.differences().isEmpty() ? "" : "; differs: "
                    + String.join(", ", r.differences()));
            t.append("| ").append(r.id()).append(" | ").append(r.injected()).append(" | ")
                    .append(r.recoverySeconds() < 0 ? "—" : "%.0f s".formatted(r.recoverySeconds())).append(" | ")
                    .append(r.lost() < 0 ? "—" : r.lost()).append(" | ")
                    .append(r.duplicated() < 0 ? "—" : r.duplicated()).append(" | ")
                    .append(r.error() == null && r.equal() ? "yes" : "no").append(" | ")
                    .append(notes.replace("|", "/")).append(" |\n");
        }
        return t.toString();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
