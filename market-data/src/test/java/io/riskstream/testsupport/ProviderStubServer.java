package io.riskstream.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A local HTTP server that plays a market-data provider: per path prefix, a queue of scripted answers (status,
 * body, delay) followed by a default answer. It records every request, so a test can count provider calls.
 * Providers are faked here, at the HTTP boundary, never inside the code under test.
 */
public final class ProviderStubServer implements AutoCloseable {

    public record Answer(int status, String body, Duration delay) {
        public static Answer ok(String body) {
            return new Answer(200, body, Duration.ZERO);
        }

        public static Answer status(int status) {
            return new Answer(status, "{\"Error Message\":\"stub " + status + "\"}", Duration.ZERO);
        }

        public static Answer slow(Duration delay, String body) {
            return new Answer(200, body, delay);
        }

        /** A recorded answer from {@code src/test/resources/marketdata/} (see the README there), with its status. */
        public static Answer fixture(int status, String path) {
            return new Answer(status, ProviderFixtures.read(path), Duration.ZERO);
        }

        public static Answer fixture(String path) {
            return fixture(200, path);
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Answer>> scripted = new ConcurrentHashMap<>();
    private final Map<String, Function<URI, Answer>> defaults = new ConcurrentHashMap<>();
    private final List<URI> requests = Collections.synchronizedList(new ArrayList<>());

    public ProviderStubServer() {
        this(0);
    }

    /** On {@code port} (0: any free one), e.g. to come up where a service expects a provider that was down. */
    public ProviderStubServer(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the provider stub: " + e.getMessage(), e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    /** Base URL, e.g. http://127.0.0.1:PORT/ (the clients add stable/, api/v3/ or v8/finance/chart/). */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /**
     * Makes this stub the service's only provider, as FMP (with a test key and short retry back-offs): the service
     * runs its real FMP client, rate limiters, retries and circuit breaker against it.
     */
    public void registerAsFmp(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("riskstream.market-data.providers", () -> "fmp");
        registry.add("riskstream.market-data.fmp.api-key", () -> "stub-key");
        registry.add("riskstream.market-data.fmp.base-url", () -> baseUrl().toString());
        registry.add("riskstream.market-data.fmp.initial-backoff", () -> "20ms");
        registry.add("riskstream.market-data.fmp.max-backoff", () -> "100ms");
    }

    /** Makes this stub play Yahoo's chart API as well (chain {@code fmp,yahoo} with {@link #registerAsFmp}). */
    public void registerAsYahoo(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("riskstream.market-data.yahoo.base-url", () -> baseUrl().toString());
        registry.add("riskstream.market-data.yahoo.initial-backoff", () -> "20ms");
        registry.add("riskstream.market-data.yahoo.max-backoff", () -> "100ms");
    }

    /**
     * Answers for requests whose path and query (after {@code /stable/} or {@code /api/v3/}, e.g.
     * {@code profile?symbol=AAPL&}, {@code quote/AAPL}, {@code v8/finance/chart/AAPL}) start with {@code prefix},
     * in order, before the default.
     */
    public ProviderStubServer script(String prefix, Answer... answers) {
        scripted.computeIfAbsent(prefix, k -> new ArrayDeque<>()).addAll(List.of(answers));
        return this;
    }

    public ProviderStubServer byDefault(String prefix, Function<URI, Answer> answer) {
        defaults.put(prefix, answer);
        return this;
    }

    public List<URI> requests() {
        return List.copyOf(requests);
    }

    public long requestsTo(String prefix) {
        return requests().stream().filter(u -> relative(u).startsWith(prefix)).count();
    }

    /** The path after the API prefix, with the decoded query: {@code historical-price-eod/full?symbol=AAPL&from=...}. */
    static String relative(URI uri) {
        String path = uri.getPath();
        for (String prefix : List.of("/stable/", "/api/v3/", "/api/v4/", "/")) {
            if (path.startsWith(prefix)) {
                path = path.substring(prefix.length());
                break;
            }
        }
        return uri.getQuery() == null ? path : path + "?" + uri.getQuery();
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        requests.add(uri);
        String path = relative(uri);
        // the longest matching prefix wins, so "quote?symbol=AAPL" can be scripted beside "quote?symbol="
        Answer answer = scripted.entrySet().stream().filter(e -> path.startsWith(e.getKey()) && !e.getValue().isEmpty())
                .max(java.util.Comparator.comparingInt(e -> e.getKey().length()))
                .map(e -> e.getValue().pollFirst()).orElse(null);
        if (answer == null) {
            answer = defaults.entrySet().stream().filter(e -> path.startsWith(e.getKey()))
                    .max(java.util.Comparator.comparingInt(e -> e.getKey().length()))
                    .map(e -> e.getValue().apply(uri)).orElse(new Answer(404, "{}", Duration.ZERO));
        }
        try {
            if (!answer.delay().isZero()) {
                Thread.sleep(answer.delay().toMillis());
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (a timeout test): nothing to answer
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
