package io.riskstream.testsupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends a write request with each of {@link TestTokens#refusals} and checks the answer: the expected 401 or 403, a
 * ProblemDetail naming the scope the endpoint needs, and on 401 a {@code WWW-Authenticate: Bearer} challenge. What
 * was stored is for the caller to compare before and after.
 */
public final class AccessChecks {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A write request: method, path and JSON body (null: none). */
    public record Write(String method, String path, String body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private AccessChecks() {
    }

    public static void assertRefused(String baseUrl, Write write, String scope) {
        for (TestTokens.Refusal refusal : TestTokens.refusals(scope)) {
            HttpResponse<String> r = send(baseUrl, write, refusal.authorization());
            String what = write + " with " + refusal;
            assertThat(r.statusCode()).as(what + ": " + r.body()).isEqualTo(refusal.status());
            assertThat(r.headers().firstValue("Content-Type")).as(what).hasValue("application/problem+json");
            JsonNode problem = JSON.readTree(r.body());
            assertThat(problem.get("status").asInt()).as(what).isEqualTo(refusal.status());
            assertThat(problem.get("detail").asString()).as(what).contains("'" + scope + "'");
            if (refusal.authorization() != null) {
                assertThat(r.body()).as(what + ": the token is not echoed")
                        .doesNotContain(refusal.authorization().substring("Bearer ".length()));
            }
            if (refusal.status() == 401) {
                assertThat(r.headers().firstValue("WWW-Authenticate")).as(what)
                        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            }
        }
    }

    /** Sends {@code write} with {@code authorization} (null: no Authorization header). */
    public static HttpResponse<String> send(String baseUrl, Write write, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + write.path()))
                .header("Content-Type", "application/json")
                .method(write.method(), write.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(write.body()));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(write + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
