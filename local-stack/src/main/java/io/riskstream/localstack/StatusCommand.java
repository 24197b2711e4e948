package io.riskstream.localstack;

import java.util.Locale;
import io.riskstream.common.event.RunStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code bin/riskstream status [RUN] [--once]}: without RUN the recent runs (kind, date, state, start, end, per stage
 * done/total); with RUN a progress bar per stage, redrawn every second until the run ends. Reads price-service's runs
 * API ({@code RISKSTREAM_PRICE_URL}, default http://127.0.0.1:8081). Exit status: 0, or for a run watched to its end
 * 0 when it succeeded and 1 when it failed; 1 when the service cannot be reached or does not know the run; 2 for a
 * bad command line.
 */
@Command(name = "bin/riskstream status", sortOptions = false,
        description = {"Recent runs (kind, date, state, start, end, done/total per stage); with RUN-ID a progress bar per"
                + " stage, redrawn every second until the run ends.",
                "Reads price-service's runs API at RISKSTREAM_PRICE_URL (default http://127.0.0.1:8081)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:shown (a watched run: it succeeded)", "1:a watched run failed, or price-service cannot be"
                + " reached or does not know the run", "2:bad command line"})
public final class StatusCommand implements Callable<Integer> {

    static final List<String> STAGES = RunStage.labels();
    private static final int BAR = 30;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Parameters(arity = "0..1", paramLabel = "RUN-ID", converter = Cli.RunId.class,
            description = "a run id (as listed without it, or as trigger printed it)")
    UUID runId;

    @Option(names = "--once", description = "show the run once instead of following it to its end")
    boolean once;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    StatusCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return Cli.execute(new StatusCommand(env, out, err), out, err, args);
    }

    @Override
    public Integer call() {
        String base = priceUrl(env);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        if (runId == null) {
            return reporting(err, () -> {
                out.print(renderList(get(http, base + "/api/runs?limit=20", null)));
                return 0;
            });
        }
        return watch(http, base, runId, once, out, err);
    }

    static String priceUrl(Map<String, String> env) {
        return env.getOrDefault("RISKSTREAM_PRICE_URL", "http://127.0.0.1:8081");
    }

    /**
     * Shows one run, redrawn every second on a terminal (appended otherwise), until it ends or at once with
     * {@code once}: 0 when it succeeded or is still running, 1 when it failed or cannot be read.
     */
    static int watch(HttpClient http, String base, UUID runId, boolean once, PrintStream out, PrintStream err) {
        boolean redraw = !once && System.console() != null;
        return reporting(err, () -> {
            while (true) {
                JsonNode run = get(http, base + "/api/runs/" + runId, runId.toString());
                String state = run.path("state").asString("running");
                if (redraw) {
                    out.print("\033[H\033[2J");
                }
                out.print(renderRun(run));
                out.flush();
                if (!"running".equals(state)) {
                    return "failed".equals(state) ? 1 : 0;
                }
                if (once) {
                    return 0;
                }
                Thread.sleep(1000);
            }
        });
    }

    /** A read of the runs API. */
    private interface Read {
        int run() throws StatusException, InterruptedException;
    }

    /** Runs {@code read}; a service that cannot answer is one line on {@code err} and status 1. */
    private static int reporting(PrintStream err, Read read) {
        try {
            return read.run();
        } catch (StatusException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** The recent runs, one line each. */
    static String renderList(JsonNode answer) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("%-36s  %-15s  %-10s  %-9s  %-20s  %-20s  %s%n", "RUN", "KIND", "DATE", "STATE",
                "STARTED", "ENDED", "PRICES  PROFILES  FUNDAMENTALS  FACTORS  PORTFOLIOS (done/total)"));
        JsonNode runs = answer.path("runs");
        if (runs.isEmpty()) {
            s.append("(no runs yet)\n");
        }
        for (JsonNode run : runs) {
            StringBuilder stages = new StringBuilder();
            for (String stage : STAGES) {
                JsonNode st = run.path("stages").path(stage);
                String cell = count(st, "done") + "/" + total(st);
                stages.append(String.format("%-" + (stage.length() + 2) + "s", cell));
            }
            s.append(String.format("%-36s  %-15s  %-10s  %-9s  %-20s  %-20s  %s%n", text(run, "runId"),
                    text(run, "kind"), text(run, "tradingDate"), text(run, "state"), time(run, "startedAt"),
                    time(run, "endedAt"), stages.toString().stripTrailing()));
        }
        appendFreshness(s, answer.path("freshness"));
        return s.toString();
    }

    /** One run: a progress bar per stage, failures and the latest activity. */
    static String renderRun(JsonNode run) {
        StringBuilder s = new StringBuilder();
        s.append("run ").append(text(run, "runId")).append("  ").append(text(run, "kind"));
        if (!run.path("tradingDate").isNull() && !run.path("tradingDate").isMissingNode()) {
            s.append(" ").append(text(run, "tradingDate"));
        }
        s.append('\n');
        s.append("state ").append(text(run, "state").toUpperCase(Locale.ROOT)).append("   started ").append(time(run, "startedAt"))
                .append("   ended ").append(time(run, "endedAt")).append("\n\n");
        for (String stage : STAGES) {
            JsonNode st = run.path("stages").path(stage);
            int done = count(st, "done");
            int skipped = count(st, "skipped");
            int failed = count(st, "failed");
            s.append(String.format("%-13s ", stage));
            if (st.path("total").isNumber()) {
                int total = st.path("total").asInt();
                s.append(bar(done + skipped, failed, total));
                s.append(String.format(" %5d/%-5d %3d%%", done + skipped, total,
                        total == 0 ? 100 : (int) Math.floor(100.0 * (done + skipped + failed) / total)));
            } else {
                s.append(String.format("[%-" + BAR + "s]", " no total declared"));
                s.append(String.format(" %5d/%-5s     ", done, "?"));
            }
            if (failed > 0) {
                s.append("  failed ").append(failed);
            }
            if (skipped > 0) {
                s.append("  (").append(skipped).append(" up to date)");
            }
            s.append('\n');
        }
        JsonNode failures = run.path("failures");
        if (!failures.isEmpty()) {
            s.append("\nfailed:\n");
            for (JsonNode f : failures) {
                s.append("  ").append(text(f, "stage")).append(' ').append(text(f, "subject")).append(": ")
                        .append(f.path("reason").isNull() ? "(no reason given)" : text(f, "reason")).append('\n');
            }
        }
        JsonNode activity = run.path("activity");
        if (!activity.isEmpty()) {
            s.append("\nrecent:\n");
            int shown = 0;
            for (JsonNode a : activity) {
                if (shown++ == 8) {
                    break;
                }
                s.append("  ").append(time(a, "at")).append("  ").append(String.format("%-12s", text(a, "stage")))
                        .append(' ').append(String.format("%-36s", text(a, "subject"))).append(' ')
                        .append(text(a, "status")).append('\n');
            }
        }
        appendFreshness(s, run.path("freshness"));
        return s.toString();
    }

    private static String bar(int done, int failed, int total) {
        if (total == 0) {
            return "[" + "#".repeat(BAR) + "]";
        }
        int filled = (int) Math.floor((double) BAR * done / total);
        int bad = Math.min(BAR - filled, (int) Math.ceil((double) BAR * failed / total));
        return "[" + "#".repeat(filled) + "x".repeat(bad) + ".".repeat(BAR - filled - bad) + "]";
    }

    private static void appendFreshness(StringBuilder s, JsonNode freshness) {
        if (freshness.isMissingNode() || freshness.isNull()) {
            return;
        }
        s.append("\nfreshness against ").append(text(freshness, "latestSession")).append(" (trading days):");
        for (Map.Entry<String, JsonNode> d : freshness.path("datasets").properties()) {
            JsonNode b = d.getValue().path("staleness");
            s.append("  ").append(d.getKey()).append(" current ").append(b.path("current").asInt())
                    .append(" / 1 ").append(b.path("1").asInt()).append(" / 2+ ").append(b.path("2+").asInt());
        }
        s.append('\n');
    }

    private static int count(JsonNode stage, String field) {
        return stage.path(field).asInt(0);
    }

    private static String total(JsonNode stage) {
        return stage.path("total").isNumber() ? String.valueOf(stage.path("total").asInt()) : "-";
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNull() || v.isMissingNode() ? "-" : v.asString();
    }

    /** An ISO instant to the second, without the fraction. */
    private static String time(JsonNode node, String field) {
        String t = text(node, field);
        int dot = t.indexOf('.');
        return dot > 0 && t.endsWith("Z") ? t.substring(0, dot) + "Z" : t;
    }

    private static JsonNode get(HttpClient http, String url, String runId) throws StatusException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new StatusException("price-service is not reachable at " + url + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); is the stack running (bin/riskstream up), or set RISKSTREAM_PRICE_URL");
        }
        if (response.statusCode() == 404 && runId != null) {
            throw new StatusException("no run " + runId + " is known to price-service");
        }
        if (response.statusCode() / 100 != 2) {
            throw new StatusException("price-service answered HTTP " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    static final class StatusException extends Exception {
        StatusException(String message) {
            super(message);
        }
    }
}
