package io.riskstream.faults;

import io.riskstream.common.security.ApiAccess;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The same input for every run: M portfolios of P positions over N simulated symbols new to the system, entered four
 * weeks before the as-of session D0 (an onboarding of every symbol), then one daily close for the next session D1.
 * Done when every portfolio has full-coverage analytics for the date and the whole system has settled.
 */
final class Workload {

    record Size(int symbols, int portfolios, int positions) {
    }

    private final Size size;
    private final LocalDate d0;
    private final LocalDate d1;
    private final StackProcesses stack;
    private final StateDigest digest;
    private final BrokerTools broker;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Workload(Size size, LocalDate d0, LocalDate d1, StackProcesses stack, StateDigest digest, BrokerTools broker) {
        this.size = size;
        this.d0 = d0;
        this.d1 = d1;
        this.stack = stack;
        this.digest = digest;
        this.broker = broker;
    }

    LocalDate d0() {
        return d0;
    }

    LocalDate d1() {
        return d1;
    }

    Size size() {
        return size;
    }

    static String symbol(int i) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < 4; k++) {
            s.append((char) ('A' + i % 26));
            i /= 26;
        }
        return "FX" + s.reverse();
    }

    /** Creates the portfolios through the API (4 clients in parallel); returns their ids. */
    List<String> createPortfolios() throws Exception {
        LocalDate entry = d0.minusDays(28);
        List<String> ids = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(4)) {
            List<Future<String>> created = new ArrayList<>();
            for (int p = 0; p < size.portfolios(); p++) {
                int portfolio = p;
                created.add(clients.submit(() -> createPortfolio(portfolio, entry)));
            }
            for (Future<String> f : created) {
                ids.add(f.get());
            }
        }
        return ids;
    }

    private String createPortfolio(int p, LocalDate entry) throws IOException, InterruptedException {
        StringBuilder positions = new StringBuilder();
        for (int k = 0; k < size.positions(); k++) {
            int quantity = (10 + (p * 7 + k * 13) % 90) * (k % 5 == 4 ? -1 : 1);
            positions.append(k == 0 ? "" : ",").append("""
                    {"symbol":"%s","quantity":%d,"entryPrice":100.0,"entryDate":"%s"}"""
                    .formatted(symbol((p * size.positions() + k) % size.symbols()), quantity, entry));
        }
        String body = "{\"name\":\"fault suite %d\",\"equity\":1000000,\"positions\":[%s]}".formatted(p, positions);
        // the API may be down for a moment (a scenario's fault): retry until it answers
        for (int attempt = 0; ; attempt++) {
            try {
                HttpResponse<String> r = post(url("portfolio-service", "/api/portfolios"), body,
                        ApiAccess.PORTFOLIO_WRITE);
                if (r.statusCode() == 201) {
                    return r.body().replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
                }
                if (r.statusCode() < 500 || attempt > 60) {
                    throw new IllegalStateException("creating portfolio " + p + ": HTTP " + r.statusCode() + " " + r.body());
                }
            } catch (IOException e) {
                if (attempt > 60) {
                    throw e;
                }
            }
            Thread.sleep(1000);
        }
    }

    HttpResponse<String> triggerDailyClose(String instanceUrl, LocalDate date) throws IOException, InterruptedException {
        return post(instanceUrl + "/api/admin/daily-close?date=" + date, "", ApiAccess.ADMIN);
    }

    String url(String service, String path) {
        return "http://127.0.0.1:" + StackProcesses.PORTS.get(service) + path;
    }

    /** A POST with a token of {@code scope}, minted for the request (it may follow a long wait). */
    HttpResponse<String> post(String url, String body, String scope) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + stack.tokens().mint(scope))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Portfolios with full-coverage analytics for {@code date}; -1 while the database cannot be reached. */
    long portfoliosDone(LocalDate date) {
        try {
            return digest.count("portfolio-service", "select count(distinct portfolio_id) from portfolio_analytics "
                    + "where calculation_date = '" + date + "' and not partial");
        } catch (SQLException e) {
            return -1;
        }
    }

    void awaitPortfolios(LocalDate date, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (portfoliosDone(date) < size.portfolios()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + portfoliosDone(date) + " of " + size.portfolios()
                        + " portfolios have analytics for " + date + " after " + timeout);
            }
            Thread.sleep(500);
        }
    }

    /**
     * Waits until nothing moves: no consumer lag, an empty outbox and refresh queue everywhere, and the same digest
     * twice three seconds apart. Returns that digest.
     */
    StateDigest.Snapshot awaitSettled(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        StateDigest.Snapshot last = null;
        String why = "";
        while (System.nanoTime() < deadline) {
            try {
                Map<String, Long> lag = broker.lagByGroup();
                long waiting = lag.values().stream().mapToLong(Long::longValue).sum();
                long outbox = digest.unpublishedOutbox();
                long pending = digest.count("portfolio-service", "select count(*) from portfolio_refresh_pending");
                if (waiting == 0 && outbox == 0 && pending == 0) {
                    StateDigest.Snapshot now = digest.take();
                    if (now.equals(last)) {
                        return now;
                    }
                    last = now;
                    why = "state still changing";
                } else {
                    last = null;
                    why = "lag " + lag + ", outbox " + outbox + ", refresh queue " + pending;
                }
            } catch (SQLException | RuntimeException e) {
                last = null;
                why = e.toString();
            }
            Thread.sleep(3000);
        }
        throw new IllegalStateException("the system did not settle within " + timeout + ": " + why);
    }

    /** Waits until {@code topic} holds at least {@code fraction} × N records (the middle of the onboarding). */
    void awaitFraction(String topic, double fraction, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (broker.count(topic) < fraction * size.symbols() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }
}
