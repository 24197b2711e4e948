package io.riskstream.testsupport.fuzz;

import io.riskstream.testsupport.ApiClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends an endpoint's fuzz cases and checks each answer: 2xx, or 4xx with a problem+json body whose detail names
 * the field a field mutation hit; never 5xx; a refused case changes no row count. Prints one line per endpoint
 * (seed, tried, 2xx, 4xx, 5xx) and fails with every case that broke a rule.
 */
public final class FuzzRun {

    public record Tally(String endpoint, long seed, int tried, int ok, int refused, int failed, List<String> broken) {
        public String line() {
            return "[fuzz] %s seed=%d tried=%d 2xx=%d 4xx=%d 5xx=%d rule-breaks=%d".formatted(endpoint, seed, tried,
                    ok, refused, failed, broken.size());
        }
    }

    private FuzzRun() {
    }

    /**
     * @param rows the row counts a refused case must leave unchanged (table → count), read before and after it
     */
    public static Tally run(ApiClient api, String method, String endpoint, long seed, List<JsonFuzz.Case> cases,
                            Supplier<Map<String, Long>> rows) {
        int ok = 0, refused = 0, failed = 0;
        List<String> broken = new ArrayList<>();
        for (JsonFuzz.Case c : cases) {
            Map<String, Long> before = rows.get();
            ApiClient.Answer answer = api.send(method, c.path(), c.contentType(), c.body());
            int status = answer.status();
            String problem = null;
            if (status == 0) {
                refused++; // the client would not send it (not a URI): nothing reached the service
                continue;
            }
            if (status >= 500) {
                failed++;
                problem = "answered " + status + ": " + JsonFuzz.abbreviate(String.valueOf(answer.body()));
            } else if (status >= 400) {
                refused++;
                problem = checkRefusal(c, answer);
                if (problem == null) {
                    Map<String, Long> after = rows.get();
                    if (!after.equals(before)) {
                        problem = "refused with " + status + " but rows changed: " + before + " -> " + after;
                    }
                }
            } else if (status >= 200 && status < 300) {
                ok++;
            } else {
                problem = "answered " + status;
            }
            if (problem != null) {
                broken.add(c.describe() + " -> " + problem);
            }
        }
        Tally tally = new Tally(method + " " + endpoint, seed, cases.size(), ok, refused, failed, broken);
        System.out.println(tally.line());
        broken.forEach(b -> System.out.println("[fuzz]   " + method + " " + endpoint + " " + b));
        return tally;
    }

    /** Asserts that no tally broke a rule, listing the first cases that did. */
    public static void assertNoRuleBroken(List<Tally> tallies) {
        List<String> broken = new ArrayList<>();
        for (Tally t : tallies) {
            t.broken().stream().limit(25).forEach(b -> broken.add(t.endpoint() + " " + b));
        }
        assertThat(broken).as("fuzz cases that answered 5xx or broke a rule").isEmpty();
    }

    private static String checkRefusal(JsonFuzz.Case c, ApiClient.Answer answer) {
        String type = answer.contentType() == null ? "" : answer.contentType().toLowerCase(Locale.ROOT);
        if (answer.status() == 400 && type.startsWith("text/html") && c.mutation().equals("hostile path segment")
                && (c.path().contains("%00") || c.path().contains("%2F"))) {
            return null; // Tomcat refuses an encoded NUL or slash in the path itself, before any application code
        }
        if (!type.startsWith("application/problem+json")) {
            return "answered " + answer.status() + " with " + answer.contentType() + ", not problem+json: "
                    + JsonFuzz.abbreviate(String.valueOf(answer.body()));
        }
        String detail;
        try {
            var detailNode = answer.json().get("detail");
            detail = detailNode == null ? null : detailNode.asString();
        } catch (RuntimeException e) {
            return "problem body is not JSON: " + JsonFuzz.abbreviate(answer.body());
        }
        if (detail == null || detail.isBlank()) {
            return "problem without a detail: " + JsonFuzz.abbreviate(answer.body());
        }
        if (detail.length() > 1_000) {
            return "detail of " + detail.length() + " characters (echoes the input?): " + JsonFuzz.abbreviate(detail);
        }
        // Jackson reports a wrong-shaped list element only as content after the object ends, with no field
        boolean positionOnly = detail.contains("content after the end of the object");
        if (answer.status() == 400 && c.field() != null && !positionOnly && !detail.contains(c.field())) {
            return "400 whose detail does not name " + c.field() + ": " + detail;
        }
        return null;
    }
}
