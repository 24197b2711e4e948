package io.riskstream.localstack;

import io.riskstream.common.cli.IsoDateConverter;
import io.riskstream.common.calendar.MarketClock;
import io.riskstream.common.calendar.NyseCalendar;
import io.riskstream.common.security.ApiAccess;
import io.riskstream.common.security.LocalTokens;
import io.riskstream.marketdata.CsvMarketData;
import io.riskstream.common.marketdata.DailyBar;
import io.riskstream.marketdata.MarketDataProvider;
import io.riskstream.marketdata.SimulatedMarket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * The demo of {@code bin/riskstream demo}: creates a portfolio of well-known stocks through portfolio-service's API,
 * waits while the flow runs (symbol-added → prices → factors → portfolio), and prints the positions with the price
 * each is valued at, the close of the same date in the demo's price source, and the symbol's market beta, then the
 * portfolio's factor exposures. The price source is named in the first line and above the table: the simulated
 * market (deterministic, not real quotes), or with {@code --prices DIR} a directory of real daily-price CSV files,
 * as of the last session all of them have.
 *
 * <p>bin/riskstream first runs {@code --plan} (nothing is started yet): it checks the options and the price files
 * and prints the as-of date and the directory for the services' environment; a missing or broken file is named
 * there. Exit status 0 when the exposures arrived, every price equals the source's close and the portfolio's market
 * beta equals the weighted symbol betas; 1 otherwise; 2 for a bad command line or an unusable {@code --prices}.
 */
@Command(name = "bin/riskstream demo", sortOptions = false,
        description = {"Starts a fresh stack, creates a portfolio of well-known stocks, waits for its exposures, prints"
                + " them with the prices used and where they come from, and stops.",
                "Prices: the simulated market (deterministic, not real quotes), or with --prices the daily closes of"
                + " <SYMBOL>.csv files (date,open,high,low,close,adj_close,volume, or a Yahoo Finance download"
                + " Date,Open,High,Low,Close,Adj Close,Volume) as of the last session they all have."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the exposures arrived and match the prices and betas shown",
                "1:they did not arrive in time or do not match", "2:bad command line or unusable --prices directory"})
public final class DemoClient implements Callable<Integer> {

    /** Large companies of different sectors, whose betas to the S&P 500 are published widely. */
    static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "NVDA", "AMZN", "JPM", "JNJ", "XOM", "KO", "PG");
    /** Invested in equal parts at the entry date's closes, whole shares; the rest stays cash. */
    static final long EQUITY = 200_000;
    /** The factor ETFs: price-service's benchmarks and factor-service's regressors. */
    static final List<String> FACTOR_ETFS = SimulatedMarket.factorEtfs();
    /** The services' default exchange close ({@code riskstream.market-data.close-time}): a session is complete after it. */
    private static final LocalTime CLOSE = LocalTime.of(16, 0);
    /** Positions are entered about a month before the as-of date, at that day's close. */
    private static final int HOLDING_DAYS = 30;
    /** The factor windows reach 180 days (+30 buffer) back from every date since the entry: a year of prices is ample. */
    private static final int HISTORY_DAYS = 365;

    private static final String[] FACTORS = {"market_beta", "ir_beta", "value", "growth", "momentum", "quality", "size",
            "low_volatility", "growth_value_spread", "momentum_spread", "size_spread", "quality_spread", "provider_beta"};

    @Spec
    CommandSpec spec;

    @Option(names = "--prices", paramLabel = "DIR",
            description = "a directory of daily-price files <SYMBOL>.csv, one per demo stock and factor ETF")
    Path prices;

    @Option(names = "--timeout", paramLabel = "SECONDS", converter = Cli.Seconds.class, defaultValue = "240",
            description = "how long to wait for the exposures (default: ${DEFAULT-VALUE})")
    long timeout;

    /** bin/riskstream's check before it starts anything: prints AS_OF= and PRICES_DIR= lines. */
    @Option(names = "--plan", hidden = true)
    boolean plan;

    @Option(names = "--as-of", hidden = true, converter = IsoDateConverter.class)
    LocalDate asOf;

    @Option(names = "--portfolio-url", hidden = true, defaultValue = "http://127.0.0.1:8085")
    String portfolioUrl;

    @Option(names = "--factor-url", hidden = true, defaultValue = "http://127.0.0.1:8084")
    String factorUrl;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    DemoClient(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, Clock.systemUTC()));
    }

    static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
        return Cli.execute(new DemoClient(out, err, clock), out, err, args);
    }

    /** Where the demo's prices come from, as of which session, and the entry date and closes of its positions. */
    record Source(String description, String asOfNote, Path directory, LocalDate asOf, LocalDate entryDate,
                  MarketDataProvider provider) {

        double close(String symbol, LocalDate date) {
            return provider.dailyBars(symbol, date, date).getFirst().adjClose();
        }
    }

    @Override
    public Integer call() throws Exception {
        Source source = source();
        if (plan) {
            out.println("AS_OF=" + source.asOf());
            out.println("PRICES_DIR=" + (source.directory() == null ? "" : source.directory()));
            return 0;
        }
        out.println("prices: " + source.description() + ", as of " + source.asOf() + source.asOfNote());
        return demo(source);
    }

    /** Checks the price source; every problem is a usage error naming what is wrong. */
    Source source() {
        if (prices == null) {
            LocalDate date = asOf != null ? asOf
                    : new MarketClock(clock, NyseCalendar.instance(), CLOSE, Optional.empty()).latestCompletedSession();
            return new Source("simulated market (deterministic, not real quotes)", "", null, date, entryDate(date),
                    new SimulatedMarket(clock));
        }
        Path dir = prices.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw usage("--prices: " + prices + " is not a directory");
        }
        List<String> needed = new ArrayList<>(SYMBOLS);
        needed.addAll(FACTOR_ETFS);
        List<String> present;
        try {
            present = CsvMarketData.symbols(dir);
        } catch (UncheckedIOException e) {
            throw usage("--prices: " + e.getMessage());
        }
        List<String> missing = needed.stream().filter(s -> !present.contains(s)).toList();
        if (!missing.isEmpty()) {
            throw usage("--prices: " + dir + " has no file for " + String.join(", ", missing) + " (needed: <SYMBOL>.csv"
                    + " for the demo's stocks " + String.join(" ", SYMBOLS) + " and the factor ETFs "
                    + String.join(" ", FACTOR_ETFS) + ")");
        }
        CsvMarketData csv = new CsvMarketData(dir, clock);
        Map<String, List<DailyBar>> bars = new LinkedHashMap<>();
        for (String symbol : needed) {
            try {
                bars.put(symbol, csv.bars(symbol));
            } catch (IllegalArgumentException | UncheckedIOException e) {
                throw usage("--prices: " + e.getMessage());
            }
            if (bars.get(symbol).isEmpty()) {
                throw usage("--prices: " + dir.resolve(symbol + ".csv") + " has no prices");
            }
        }
        LocalDate date = bars.values().stream().map(b -> b.getLast().date()).min(LocalDate::compareTo).orElseThrow();
        LocalDate entry = entryDate(date);
        for (var e : bars.entrySet()) {
            String file = e.getKey() + ".csv";
            TreeSet<LocalDate> dates = new TreeSet<>(e.getValue().stream().map(DailyBar::date).toList());
            if (dates.first().isAfter(date.minusDays(HISTORY_DAYS))) {
                throw usage("--prices: " + file + " starts on " + dates.first() + ": the demo needs a year of daily"
                        + " prices up to " + date + " (the factor windows reach 210 days back)");
            }
            for (LocalDate needs : List.of(date, entry)) {
                if (!dates.contains(needs)) {
                    throw usage("--prices: " + file + " has no price for " + needs + " (the demo values its positions"
                            + " on " + date + ", the last session all files have, bought on " + entry + ")");
                }
            }
        }
        return new Source("real daily closes (adj_close) from " + dir, " (the last session all " + needed.size()
                + " files have)", dir, date, entry, csv);
    }

    /** The last NYSE session at least {@link #HOLDING_DAYS} calendar days before {@code asOf}. */
    private static LocalDate entryDate(LocalDate asOf) {
        LocalDate latest = asOf.minusDays(HOLDING_DAYS);
        return NyseCalendar.instance().tradingDays(latest.minusDays(14), latest).getLast();
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private int demo(Source source) throws Exception {
        StringBuilder positions = new StringBuilder();
        for (String symbol : SYMBOLS) {
            double entryPrice = source.close(symbol, source.entryDate());
            long quantity = (long) Math.floor((double) EQUITY / SYMBOLS.size() / entryPrice);
            positions.append(positions.isEmpty() ? "" : ",").append(
                    "{\"symbol\":\"%s\",\"quantity\":%d,\"entryPrice\":%s,\"entryDate\":\"%s\"}".formatted(symbol,
                            quantity, entryPrice, source.entryDate()));
        }
        String body = "{\"name\":\"riskstream demo\",\"equity\":" + EQUITY + ",\"positions\":[" + positions + "]}";
        HttpResponse<String> created = http.send(LocalTokens.authorized(HttpRequest.newBuilder(
                        URI.create(portfolioUrl + "/api/portfolios")), System.getenv(), ApiAccess.PORTFOLIO_WRITE)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            err.println("creating the demo portfolio failed: HTTP " + created.statusCode() + " " + created.body());
            return 1;
        }
        String id = json.readTree(created.body()).get("id").asString();
        out.printf("Created portfolio %s: %,d USD in equal parts of %d stocks bought on %s at that day's close;"
                + " waiting for its exposures (prices → factors → portfolio)...%n", id, EQUITY, SYMBOLS.size(),
                source.entryDate());
        long t0 = System.nanoTime();
        long deadline = t0 + Duration.ofSeconds(timeout).toNanos();
        JsonNode exposures = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = get(portfolioUrl + "/api/portfolios/" + id + "/exposures");
            if (r.statusCode() == 200) {
                exposures = json.readTree(r.body());
                break;
            }
            Thread.sleep(500);
        }
        if (exposures == null) {
            err.println("no exposures for portfolio " + id + " after " + timeout + " s; see the services' logs");
            return 1;
        }
        out.printf("Exposures arrived after %.1f s (as of %s, prices of %s, coverage %.1f%%)%n%n",
                (System.nanoTime() - t0) / 1e9, exposures.get("date").asString(), exposures.get("priceDate").asString(),
                exposures.get("coverage").asDouble() * 100);
        return print(id, exposures, source);
    }

    private int print(String id, JsonNode exposures, Source source) throws Exception {
        JsonNode portfolio = json.readTree(get(portfolioUrl + "/api/portfolios/" + id).body());
        // weights are of the day's NAV (starting equity rolled forward with the P&L since entry)
        double nav = exposures.get("nav").asDouble();
        String date = exposures.get("date").asString();
        out.printf("Positions on %s, prices: %s%n", date, source.description());
        out.printf("%-6s %8s %12s %11s  %12s %11s  %13s %8s %12s%n", "symbol", "quantity", "price", "price date",
                "source close", "close date", "market value", "weight", "market beta");
        double weighted = 0;
        List<String> mismatches = new ArrayList<>();
        for (JsonNode position : portfolio.get("positions")) {
            String symbol = position.get("symbol").asString();
            JsonNode symbolExposures = json.readTree(get(factorUrl + "/api/symbols/" + symbol + "/exposures?date=" + date).body());
            double beta = symbolExposures.get("factors").get("market_beta").get("beta").asDouble();
            double price = position.path("price").asDouble(Double.NaN);
            String priceDate = position.path("priceDate").asString("-");
            double sourceClose = source.close(symbol, source.asOf());
            if (!(priceDate.equals(source.asOf().toString()) && Math.abs(price - sourceClose) <= 1e-9 * sourceClose)) {
                mismatches.add(symbol + " is valued at " + price + " of " + priceDate + ", the source's close of "
                        + source.asOf() + " is " + sourceClose);
            }
            double mv = position.get("quantity").asDouble() * price;
            weighted += mv / nav * beta;
            out.printf("%-6s %8.0f %12.4f %11s  %12.4f %11s  %13.2f %7.2f%% %12.4f%n", symbol,
                    position.get("quantity").asDouble(), price, priceDate, sourceClose, source.asOf(), mv, 100 * mv / nav,
                    beta);
        }
        out.println("market beta: OLS slope of the stock's daily returns on SPY's over the 120 calendar days to " + date
                + " (factor-service's default 90-day window and its 30-day buffer); published betas (often 5 years of"
                + " monthly returns) differ by method");
        out.printf("%nPortfolio factor exposures on %s (NAV %.2f USD, starting equity %.0f USD):%n", date, nav,
                portfolio.get("equity").asDouble());
        out.printf("%-22s %12s %16s%n", "factor", "exposure", "dollar");
        JsonNode factors = exposures.get("factors");
        for (String f : FACTORS) {
            if (factors.has(f)) {
                out.printf("%-22s %12.4f %16.2f%n", f, factors.get(f).get("exposure").asDouble(),
                        factors.get(f).get("dollar").asDouble());
            }
        }
        double reported = factors.get("market_beta").get("exposure").asDouble();
        out.printf("%nCheck: Σ weight × symbol market beta = %.6f, portfolio market_beta = %.6f%n", weighted, reported);
        mismatches.forEach(m -> err.println("price mismatch: " + m));
        // the table prices positions at the latest close, the exposures at the close of their date: when those are
        // the same session (the usual case) the two sums agree to rounding
        boolean sameSession = date.equals(exposures.path("priceDate").asString(""));
        double tolerance = sameSession ? 1e-9 : 0.05 * Math.max(1, Math.abs(reported));
        return mismatches.isEmpty() && Math.abs(weighted - reported) <= tolerance ? 0 : 1;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
