package io.riskstream.localstack;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/riskstream trigger daily-close [--date D] [--force]} and
 * {@code bin/riskstream trigger backfill --from D [--to D] [--symbols A,B]}: calls price-service's admin endpoints
 * ({@code RISKSTREAM_PRICE_URL}, default http://127.0.0.1:8081) with {@code RISKSTREAM_ADMIN_TOKEN} when set, and
 * prints the answer. Exit status 0 on success, 1 when the service refused or failed, 2 for a bad command line.
 */
public final class TriggerCommand {

    private static final String USAGE = """
            usage: bin/riskstream trigger daily-close [--date YYYY-MM-DD] [--force]
                   bin/riskstream trigger backfill --from YYYY-MM-DD [--to YYYY-MM-DD] [--symbols A,B,...]""";

    private TriggerCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    static int run(String[] args, Map<String, String> env) {
        HttpRequest request;
        try {
            request = request(args, env.getOrDefault("RISKSTREAM_PRICE_URL", "http://127.0.0.1:8081"),
                    env.get("RISKSTREAM_ADMIN_TOKEN"));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                System.out.println(response.body());
                return 0;
            }
            System.err.println("price-service answered HTTP " + response.statusCode() + ": " + response.body());
            return 1;
        } catch (Exception e) {
            System.err.println("calling " + request.uri() + " failed: " + e + " (is the stack running? bin/riskstream up)");
            return 1;
        }
    }

    static HttpRequest request(String[] args, String baseUrl, String token) {
        if (args.length == 0) {
            throw new IllegalArgumentException("what to trigger: daily-close or backfill");
        }
        Map<String, String> options = options(args);
        HttpRequest.Builder builder;
        switch (args[0]) {
            case "daily-close" -> {
                allowOnly(options, "--date", "--force");
                StringBuilder query = new StringBuilder("?force=").append(options.containsKey("--force"));
                if (options.containsKey("--date")) {
                    query.append("&date=").append(date(options, "--date"));
                }
                builder = HttpRequest.newBuilder(URI.create(baseUrl + "/api/admin/daily-close" + query))
                        .POST(HttpRequest.BodyPublishers.noBody());
            }
            case "backfill" -> {
                allowOnly(options, "--from", "--to", "--symbols");
                if (!options.containsKey("--from")) {
                    throw new IllegalArgumentException("backfill needs --from");
                }
                List<String> fields = new ArrayList<>();
                fields.add("\"from\":\"" + date(options, "--from") + "\"");
                if (options.containsKey("--to")) {
                    fields.add("\"to\":\"" + date(options, "--to") + "\"");
                }
                if (options.containsKey("--symbols")) {
                    List<String> symbols = new ArrayList<>();
                    for (String s : options.get("--symbols").split(",")) {
                        if (!s.isBlank()) {
                            symbols.add("\"" + s.trim().toUpperCase().replace("\"", "") + "\"");
                        }
                    }
                    fields.add("\"symbols\":[" + String.join(",", symbols) + "]");
                }
                builder = HttpRequest.newBuilder(URI.create(baseUrl + "/api/admin/backfill"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{" + String.join(",", fields) + "}"));
            }
            default -> throw new IllegalArgumentException("unknown trigger '" + args[0] + "'");
        }
        if (token != null && !token.isBlank()) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.timeout(Duration.ofMinutes(30)).build();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + name + "'");
            }
            if (name.equals("--force")) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
        }
        return options;
    }

    private static void allowOnly(Map<String, String> options, String... allowed) {
        for (String name : options.keySet()) {
            if (!List.of(allowed).contains(name)) {
                throw new IllegalArgumentException("unknown option " + name);
            }
        }
    }

    private static String date(Map<String, String> options, String name) {
        try {
            return URLEncoder.encode(LocalDate.parse(options.get(name)).toString(), StandardCharsets.UTF_8);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " '" + options.get(name) + "' is not a date (YYYY-MM-DD)");
        }
    }
}
