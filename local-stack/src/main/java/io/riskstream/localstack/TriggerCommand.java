package io.riskstream.localstack;

import io.riskstream.common.cli.IsoDateConverter;
import io.riskstream.common.security.ApiAccess;
import io.riskstream.common.security.LocalTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code bin/riskstream trigger daily-close [--date D] [--force]} and
 * {@code bin/riskstream trigger backfill --from D [--to D] [--symbols A,B]}: calls price-service's admin endpoints
 * ({@code RISKSTREAM_PRICE_URL}, default http://127.0.0.1:8081) with a bearer token of scope {@code admin}
 * ({@link LocalTokens#authorization}: {@code RISKSTREAM_TOKEN}, or one minted with {@code RISKSTREAM_SIGNING_KEY}), says
 * what happened and which run does the work; {@code --follow} then shows the run's progress per stage until it ends
 * ({@link StatusCommand#watch}), {@code --json} prints the service's answer as it is. Exit status 0 on success (with
 * {@code --follow}: the run succeeded), 1 when the service refused or failed or the followed run failed, 2 for a bad
 * command line.
 */
@Command(name = "bin/riskstream trigger", sortOptions = false,
        subcommands = {TriggerCommand.DailyCloseCommand.class, TriggerCommand.BackfillCommand.class},
        description = {"Asks price-service for a daily close or a backfill (RISKSTREAM_PRICE_URL, default"
                + " http://127.0.0.1:8081) with an admin token: RISKSTREAM_TOKEN, or one minted with the local key"
                + " RISKSTREAM_SIGNING_KEY (bin/riskstream sets it)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:done (with --follow: the run succeeded)", "1:price-service refused, failed or cannot be"
                + " reached (with --follow: the run failed)", "2:bad command line"})
public final class TriggerCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TriggerCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return Cli.execute(new TriggerCommand(env, out, err), out, err, args);
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "what to trigger: daily-close or backfill");
    }

    /** Options both triggers have. */
    static class Output {
        @Option(names = "--follow", description = "then show the run's progress per stage until it ends")
        boolean follow;

        @Option(names = "--json", description = "print price-service's answer as it is")
        boolean json;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
        boolean help;
    }

    @Command(name = "daily-close", sortOptions = false,
            description = {"Emits the daily close of a session unless it was already emitted"
                    + " (POST /api/admin/daily-close)."})
    static final class DailyCloseCommand extends Output implements Callable<Integer> {

        @ParentCommand
        TriggerCommand parent;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD", converter = IsoDateConverter.class,
                description = "the session (default: the latest completed one)")
        LocalDate date;

        @Option(names = "--force", description = "emit it again even if it was already emitted")
        boolean force;

        @Override
        public Integer call() {
            return parent.send(request(), follow, json, this::describe);
        }

        HttpRequest request() {
            String query = "?force=" + force + (date == null ? "" : "&date=" + date);
            return parent.admin("/api/admin/daily-close" + query).POST(HttpRequest.BodyPublishers.noBody()).build();
        }

        private String describe(JsonNode a) {
            String date = a.path("tradingDate").asString("?");
            return switch (a.path("status").asString("")) {
                case "already triggered" -> "daily close of " + date + " was already triggered by "
                        + a.path("firstTriggeredBy").asString("?") + " at " + a.path("firstTriggeredAt").asString("?")
                        + "; nothing emitted (--force emits it again)\nrun " + a.path("runId").asString("?");
                case "forced" -> "daily close of " + date + " emitted again (forced)\nrun " + a.path("runId").asString("?");
                default -> "daily close of " + date + " triggered\nrun " + a.path("runId").asString("?");
            };
        }
    }

    @Command(name = "backfill", sortOptions = false,
            description = {"Fetches the bars missing in a date range, for the given symbols or every ACTIVE and"
                    + " WATCHLIST symbol (POST /api/admin/backfill). Answers at once with the run that does the work."})
    static final class BackfillCommand extends Output implements Callable<Integer> {

        @ParentCommand
        TriggerCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", converter = IsoDateConverter.class,
                description = "the first date")
        LocalDate from;

        @Option(names = "--to", paramLabel = "YYYY-MM-DD", converter = IsoDateConverter.class,
                description = "the last date (default: the latest completed session)")
        LocalDate to;

        @Option(names = "--symbols", split = ",", paramLabel = "SYMBOL",
                description = "comma-separated symbols (default: every ACTIVE and WATCHLIST symbol)")
        List<String> symbols;

        @Override
        public Integer call() {
            if (to != null && from.isAfter(to)) {
                throw new ParameterException(spec.commandLine(),
                        "--from " + from + " is after --to " + to);
            }
            return parent.send(request(), follow, json, a -> "backfill of " + a.path("symbols").asInt() + " symbol(s)"
                    + " from " + a.path("from").asString("?") + " to " + a.path("to").asString("?") + " accepted\nrun "
                    + a.path("runId").asString("?"));
        }

        HttpRequest request() {
            ObjectNode body = JSON.createObjectNode();
            body.put("from", from.toString());
            if (to != null) {
                body.put("to", to.toString());
            }
            if (symbols != null) {
                var array = body.putArray("symbols");
                symbols.stream().map(String::strip).filter(s -> !s.isEmpty()).map(String::toUpperCase).forEach(array::add);
            }
            return parent.admin("/api/admin/backfill").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        }
    }

    HttpRequest.Builder admin(String path) {
        return LocalTokens.authorized(HttpRequest.newBuilder(URI.create(StatusCommand.priceUrl(env) + path))
                .timeout(Duration.ofSeconds(30)), env, ApiAccess.ADMIN);
    }

    private int send(HttpRequest request, boolean follow, boolean json, Function<JsonNode, String> describe) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            err.println("error: calling " + request.uri() + " failed: " + e + " (is the stack running? bin/riskstream up;"
                    + " or set RISKSTREAM_PRICE_URL)");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        if (response.statusCode() / 100 != 2) {
            err.println("error: price-service answered HTTP " + response.statusCode() + ": " + detail(response.body()));
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                err.println("(an admin token is needed: bin/riskstream mints one with the local key, RISKSTREAM_SIGNING_KEY;"
                        + " against a deployment set RISKSTREAM_TOKEN to a token with the scope 'admin')");
            }
            return 1;
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (JacksonException e) {
            err.println("error: price-service answered something that is not JSON: " + response.body());
            return 1;
        }
        if (json) {
            out.println(response.body());
        } else {
            out.println(describe.apply(answer));
        }
        if (!follow) {
            if (!json) {
                out.println("follow it: bin/riskstream status " + answer.path("runId").asString("RUN-ID"));
            }
            return 0;
        }
        UUID runId;
        try {
            runId = UUID.fromString(answer.path("runId").asString(""));
        } catch (IllegalArgumentException e) {
            err.println("error: price-service's answer names no run to follow: " + response.body());
            return 1;
        }
        out.println();
        return StatusCommand.watch(http, StatusCommand.priceUrl(env), runId, false, out, err);
    }

    /** A problem answer's detail when there is one, else the body. */
    private static String detail(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            return problem.hasNonNull("detail") ? problem.get("detail").asString() : body;
        } catch (JacksonException e) {
            return body;
        }
    }
}
