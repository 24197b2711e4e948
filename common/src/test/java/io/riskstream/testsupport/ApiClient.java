package io.riskstream.testsupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A test's calls to a service's HTTP API. Every request goes through {@link #send}, the one place where headers
 * every call needs (e.g. an {@code Authorization} bearer token) are added.
 */
public final class ApiClient {

    public record Answer(int status, String contentType, String body, java.util.Map<String, java.util.List<String>> headers) {
        public Answer(int status, String contentType, String body) {
            this(status, contentType, body, java.util.Map.of());
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final int port;
    private final String bearerToken;

    public ApiClient(int port) {
        this(port, null);
    }

    /** Every request carries {@code Authorization: Bearer <token>} (null: none). */
    public ApiClient(int port, String bearerToken) {
        this.port = port;
        this.bearerToken = bearerToken;
    }

    public Answer get(String path) {
        return send("GET", path, null, null);
    }

    public Answer post(String path, String json) {
        return send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The one method that sends: {@code path} is sent as given (a fuzz case may carry characters a URI refuses;
     * that answers a status of 0 with the reason as body, never a 5xx); a null content type sends none.
     */
    public Answer send(String method, String path, String contentType, byte[] body) {
        URI uri;
        try {
            uri = URI.create("http://127.0.0.1:" + port + path);
        } catch (IllegalArgumentException e) {
            return new Answer(0, null, "not a URI: " + e.getMessage());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body(),
                    r.headers().map());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + uri + ": " + e.getMessage(), e);
        }
    }
}
