package io.riskstream.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.riskstream.marketdata.SimulatedMarket;
import io.riskstream.marketdata.StatementKind;
import io.riskstream.faults.ProviderFaultPlan.Fault;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local HTTP server that speaks Financial Modeling Prep's current {@code /stable/} JSON API, as {@code FmpMarketData}
 * calls it, with the
 * data of {@link SimulatedMarket} as of a fixed date: a service configured with provider {@code fmp} pointed here
 * sees what one configured with {@code simulated} sees. It carries a {@link ProviderFaultPlan} (429, 5xx, answers
 * slower than the client waits, empty 200s for a seeded share of the requests) that can be switched on and off while
 * it runs, so the fault suite fakes a misbehaving provider at the HTTP boundary, never inside the code under test.
 */
public final class FmpSimulator implements AutoCloseable {

    public static final String API_PREFIX = "/stable/";
    public static final String CONTROL_PREFIX = "/_simulator/";
    private static final int THREADS = 8;
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** The provider endpoints served, by path after {@value #API_PREFIX}; the symbol travels in the query. */
    public enum Endpoint {
        HISTORY("historical-price-eod/full"),
        ADJUSTED_HISTORY("historical-price-eod/dividend-adjusted"),
        QUOTE("batch-quote"),
        SINGLE_QUOTE("quote"),
        PROFILE("profile"),
        RATIOS("ratios-ttm"),
        PRICE_TARGETS("price-target-consensus"),
        GRADES("grades-consensus"),
        ESTIMATES("analyst-estimates"),
        INCOME_STATEMENT("income-statement"),
        BALANCE_SHEET("balance-sheet-statement"),
        CASH_FLOW("cash-flow-statement"),
        EARNINGS("earnings"),
        SPLITS("splits"),
        /** Any other path under the API prefix: answered 404. */
        OTHER("");

        private final String path;

        Endpoint(String path) {
            this.path = path;
        }

        public String path() {
            return path;
        }

        static Endpoint of(String path) {
            for (Endpoint e : values()) {
                if (e != OTHER && path.equals(e.path)) {
                    return e;
                }
            }
            return OTHER;
        }
    }

    /** A snapshot of the counters. */
    public record Stats(boolean faultsEnabled, long totalRequests, Map<Endpoint, Long> requests,
                        Map<Fault, Long> faults) {

        public Stats {
            requests = Collections.unmodifiableMap(new LinkedHashMap<>(requests));
            faults = Collections.unmodifiableMap(new LinkedHashMap<>(faults));
        }

        public long faultsInjected() {
            return faults.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final ProviderFaultPlan plan;
    private final FmpAnswers answers;
    private final HttpServer server;
    private final ExecutorService workers;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Random draws;
    private final AtomicBoolean faultsEnabled = new AtomicBoolean();
    private final AtomicLong totalRequests = new AtomicLong();
    private final Map<Endpoint, AtomicLong> requests = counters(Endpoint.class);
    private final Map<Fault, AtomicLong> faults = counters(Fault.class);

    /** Binds 127.0.0.1:{@code port} (0 = any free port); serves once {@link #start()} is called. Faults start off. */
    public FmpSimulator(int port, LocalDate asOf, ProviderFaultPlan plan) {
        this.plan = plan;
        // after the close in New York, so the as-of session is complete and "today" is the as-of date
        Clock clock = Clock.fixed(asOf.atTime(LocalTime.of(20, 0)).atZone(NEW_YORK).toInstant(), NEW_YORK);
        this.answers = new FmpAnswers(new SimulatedMarket(clock, SimulatedMarket.DEFAULT_SEED), asOf);
        this.draws = new Random(plan.seed());
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port + ": " + e.getMessage(), e);
        }
        AtomicInteger threadNumber = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "fmp-simulator-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext(API_PREFIX, this::handleApi);
        server.createContext(CONTROL_PREFIX, this::handleControl);
    }

    public FmpSimulator start() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** What {@code riskstream.market-data.fmp.base-url} should be, e.g. {@code http://127.0.0.1:PORT/}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    public ProviderFaultPlan plan() {
        return plan;
    }

    public void enableFaults() {
        faultsEnabled.set(true);
    }

    public void disableFaults() {
        faultsEnabled.set(false);
    }

    public boolean faultsEnabled() {
        return faultsEnabled.get();
    }

    /** Requests to the provider API (not to {@value #CONTROL_PREFIX}). */
    public long totalRequests() {
        return totalRequests.get();
    }

    public long requests(Endpoint endpoint) {
        return requests.get(endpoint).get();
    }

    public long faultsInjected(Fault fault) {
        return faults.get(fault).get();
    }

    public long faultsInjected() {
        return faults.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public Stats stats() {
        return new Stats(faultsEnabled(), totalRequests(), snapshot(requests), snapshot(faults));
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow(); // wakes the requests held back by a TIMEOUT fault
    }

    // ---- the provider API

    private void handleApi(HttpExchange exchange) {
        try {
            String path = exchange.getRequestURI().getPath().substring(API_PREFIX.length());
            Endpoint endpoint = Endpoint.of(path);
            totalRequests.incrementAndGet();
            requests.get(endpoint).incrementAndGet();
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, error("only GET is served"));
                return;
            }
            if (endpoint == Endpoint.OTHER) {
                send(exchange, 404, error("no such endpoint: " + path));
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String argument = query.getOrDefault(endpoint == Endpoint.QUOTE ? "symbols" : "symbol", "");
            Fault fault = nextFault();
            if (fault != null) {
                faults.get(fault).incrementAndGet();
                switch (fault) {
                    case RATE_LIMITED -> {
                        exchange.getResponseHeaders().set("Retry-After", "1");
                        send(exchange, 429, error("Limit Reach . Please upgrade your plan or visit our documentation"));
                        return;
                    }
                    case SERVER_ERROR -> {
                        send(exchange, 500, error("Internal Server Error"));
                        return;
                    }
                    case UNAVAILABLE -> {
                        send(exchange, 503, error("Service Unavailable"));
                        return;
                    }
                    case EMPTY -> {
                        send(exchange, 200, "[]");
                        return;
                    }
                    case TIMEOUT -> {
                        if (!sleep(plan.timeoutDelay().toMillis())) {
                            return;
                        }
                        // then answer normally: the client has given up by now
                    }
                }
            }
            Object body;
            try {
                body = answer(endpoint, argument, query);
            } catch (IllegalArgumentException e) {
                send(exchange, 400, error(e.getMessage()));
                return;
            } catch (RuntimeException e) {
                // a bug of the simulator, not an injected fault: say so where the scenario's log shows it
                System.err.println("FMP simulator: " + path + " failed: " + e);
                send(exchange, 500, error("simulator failure: " + e.getClass().getSimpleName()));
                return;
            }
            send(exchange, 200, json.writeValueAsString(body));
        } catch (IOException e) {
            // the client went away (its timeout fired): nobody to answer
        } finally {
            exchange.close();
        }
    }

    private Object answer(Endpoint endpoint, String argument, Map<String, String> query) {
        return switch (endpoint) {
            case HISTORY -> answers.history(argument, query);
            case ADJUSTED_HISTORY -> answers.adjustedHistory(argument, query);
            case QUOTE, SINGLE_QUOTE -> answers.quotes(FmpAnswers.symbols(argument));
            case PROFILE -> answers.profile(argument);
            case RATIOS -> answers.ratios(argument);
            case PRICE_TARGETS -> answers.priceTargets(argument);
            case GRADES -> answers.grades(argument);
            case ESTIMATES -> answers.estimates(argument);
            case SPLITS -> List.of();
            case INCOME_STATEMENT -> answers.statements(argument, StatementKind.INCOME, query);
            case BALANCE_SHEET -> answers.statements(argument, StatementKind.BALANCE_SHEET, query);
            case CASH_FLOW -> answers.statements(argument, StatementKind.CASH_FLOW, query);
            case EARNINGS -> answers.earnings(argument);
            case OTHER -> throw new IllegalStateException("unreachable");
        };
    }

    /** One draw per request while faults are on, so a run with the same requests in the same order repeats. */
    private Fault nextFault() {
        if (!faultsEnabled.get()) {
            return null;
        }
        double draw;
        synchronized (draws) {
            draw = draws.nextDouble();
        }
        return plan.pick(draw);
    }

    // ---- the control API

    private void handleControl(HttpExchange exchange) {
        try {
            String path = exchange.getRequestURI().getPath().substring(CONTROL_PREFIX.length());
            String method = exchange.getRequestMethod();
            switch (path) {
                case "stats" -> {
                    if (!"GET".equals(method)) {
                        send(exchange, 405, error("use GET"));
                        return;
                    }
                }
                case "faults/on", "faults/off" -> {
                    if (!"POST".equals(method)) {
                        send(exchange, 405, error("use POST"));
                        return;
                    }
                    if (path.endsWith("on")) {
                        enableFaults();
                    } else {
                        disableFaults();
                    }
                }
                default -> {
                    send(exchange, 404, error("no such control endpoint: " + path));
                    return;
                }
            }
            send(exchange, 200, json.writeValueAsString(statsJson()));
        } catch (IOException e) {
            // the caller went away
        } finally {
            exchange.close();
        }
    }

    private Map<String, Object> statsJson() {
        Stats stats = stats();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("faultsEnabled", stats.faultsEnabled());
        out.put("totalRequests", stats.totalRequests());
        out.put("requests", stats.requests());
        out.put("faultsInjected", stats.faultsInjected());
        out.put("faults", stats.faults());
        Map<Fault, Double> fractions = new EnumMap<>(Fault.class);
        for (Fault f : Fault.values()) {
            fractions.put(f, plan.fraction(f));
        }
        out.put("plan", Map.of("fractions", fractions, "timeoutDelayMs", plan.timeoutDelay().toMillis(),
                "seed", plan.seed()));
        return out;
    }

    // ---- plumbing

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private String error(String message) {
        return json.writeValueAsString(Map.of("Error Message", message));
    }

    /** False when interrupted (the simulator is closing). */
    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(name, value); // "apikey" among them: accepted, whatever it is, and never looked at
        }
        return out;
    }

    private static <E extends Enum<E>> Map<E, AtomicLong> counters(Class<E> type) {
        Map<E, AtomicLong> out = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            out.put(e, new AtomicLong());
        }
        return Map.copyOf(out);
    }

    private static <E extends Enum<E>> Map<E, Long> snapshot(Map<E, AtomicLong> counters) {
        Map<E, Long> out = new LinkedHashMap<>();
        counters.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.put(e.getKey(), e.getValue().get()));
        return out;
    }

    // ---- command line

    /** {@code --port N --as-of YYYY-MM-DD [--fault-fraction F] [--fault-kinds K,K] [--timeout-delay-ms MS] [--seed S] [--faults-on]}. */
    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("FmpSimulator: " + e.getMessage());
            System.err.println("usage: FmpSimulator --port N --as-of YYYY-MM-DD [--fault-fraction F] "
                    + "[--fault-kinds RATE_LIMITED,SERVER_ERROR,UNAVAILABLE,TIMEOUT,EMPTY] [--timeout-delay-ms MS] "
                    + "[--seed S] [--faults-on]");
            System.exit(2);
            return;
        }
        FmpSimulator simulator = new FmpSimulator(options.port(), options.asOf(), options.plan());
        if (options.faultsOn()) {
            simulator.enableFaults();
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "fmp-simulator-shutdown"));
        simulator.start();
        System.out.println("FMP simulator ready on port " + simulator.port());
        System.out.flush();
        stopped.await();
    }

    /** The command line, parsed. */
    record Options(int port, LocalDate asOf, ProviderFaultPlan plan, boolean faultsOn) {

        static Options parse(String[] args) {
            Integer port = null;
            LocalDate asOf = null;
            double fraction = 0;
            EnumSet<Fault> kinds = EnumSet.allOf(Fault.class);
            long delayMs = ProviderFaultPlan.DEFAULT_TIMEOUT_DELAY.toMillis();
            long seed = ProviderFaultPlan.DEFAULT_SEED;
            boolean faultsOn = false;
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (flag.equals("--faults-on")) {
                    faultsOn = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(flag + " needs a value");
                }
                String value = args[++i];
                try {
                    switch (flag) {
                        case "--port" -> port = Integer.parseInt(value);
                        case "--as-of" -> asOf = LocalDate.parse(value);
                        case "--fault-fraction" -> fraction = Double.parseDouble(value);
                        case "--fault-kinds" -> kinds = kinds(value);
                        case "--timeout-delay-ms" -> delayMs = Long.parseLong(value);
                        case "--seed" -> seed = Long.parseLong(value);
                        default -> throw new IllegalArgumentException("unknown flag " + flag);
                    }
                } catch (NumberFormatException | DateTimeParseException e) {
                    throw new IllegalArgumentException("bad value for " + flag + ": " + value);
                }
            }
            if (port == null || asOf == null) {
                throw new IllegalArgumentException("--port and --as-of are required");
            }
            ProviderFaultPlan plan = ProviderFaultPlan.spread(fraction, kinds)
                    .withTimeoutDelay(Duration.ofMillis(delayMs)).withSeed(seed);
            return new Options(port, asOf, plan, faultsOn);
        }

        private static EnumSet<Fault> kinds(String list) {
            EnumSet<Fault> kinds = EnumSet.noneOf(Fault.class);
            for (String name : list.split(",")) {
                try {
                    kinds.add(Fault.valueOf(name.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown fault kind '" + name.trim() + "' (known: "
                            + Arrays.toString(Fault.values()) + ")");
                }
            }
            return kinds;
        }
    }
}
