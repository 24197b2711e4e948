package io.riskstream.localstack;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo of {@code bin/riskstream demo}: creates a portfolio of real tickers through portfolio-service's API, waits
 * while the flow runs (symbol-added → prices → factors → portfolio), and prints the positions with their symbol betas
 * and the portfolio's factor exposures. Exit code 0 when the exposures arrived and match the symbol betas.
 */
public final class DemoClient {

    /** A slice of the legacy "Demo Individual Investor Portfolio" (its public stocks). */
    private static final Map<String, Double> POSITIONS = new LinkedHashMap<>();

    static {
        POSITIONS.put("AAPL", 80.90);
        POSITIONS.put("AMZN", 102.88);
        POSITIONS.put("GOOGL", 108.87);
        POSITIONS.put("JNJ", 99.88);
        POSITIONS.put("JPM", 80.90);
        POSITIONS.put("MSFT", 42.95);
        POSITIONS.put("NVDA", 23.97);
        POSITIONS.put("TSLA", 65.92);
        POSITIONS.put("V", 46.94);
    }

    private static final String[] FACTORS = {"market_beta", "ir_beta", "value", "growth", "momentum", "quality", "size",
            "low_volatility", "growth_value_spread", "momentum_spread", "size_spread", "quality_spread", "provider_beta"};

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String portfolioUrl;
    private final String factorUrl;

    private DemoClient(String portfolioUrl, String factorUrl) {
        this.portfolioUrl = portfolioUrl;
        this.factorUrl = factorUrl;
    }

    public static void main(String[] args) throws Exception {
        String portfolio = args.length > 0 ? args[0] : "http://127.0.0.1:8085";
        String factor = args.length > 1 ? args[1] : "http://127.0.0.1:8084";
        int timeoutSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 240;
        System.exit(new DemoClient(portfolio, factor).run(Duration.ofSeconds(timeoutSeconds)));
    }

    private int run(Duration timeout) throws Exception {
        StringBuilder positions = new StringBuilder();
        String entryDate = LocalDate.now().minusDays(30).toString();
        POSITIONS.forEach((symbol, qty) -> positions.append(positions.isEmpty() ? "" : ",").append(
                "{\"symbol\":\"%s\",\"quantity\":%s,\"entryPrice\":100.0,\"entryDate\":\"%s\"}".formatted(symbol, qty, entryDate)));
        String body = "{\"name\":\"Demo Individual Investor\",\"equity\":485000,\"positions\":[" + positions + "]}";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(portfolioUrl + "/api/portfolios"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            System.err.println("creating the demo portfolio failed: HTTP " + created.statusCode() + " " + created.body());
            return 1;
        }
        String id = json.readTree(created.body()).get("id").asString();
        System.out.println("Created portfolio " + id + " with " + POSITIONS.size() + " positions; waiting for its exposures"
                + " (prices → factors → portfolio)...");
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
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
            System.err.println("no exposures for portfolio " + id + " after " + timeout.toSeconds() + " s; see .riskstream/logs/");
            return 1;
        }
        System.out.printf("Exposures arrived after %.1f s (as of %s, prices of %s, coverage %.1f%%)%n%n",
                (System.nanoTime() - t0) / 1e9, exposures.get("date").asString(), exposures.get("priceDate").asString(),
                exposures.get("coverage").asDouble() * 100);
        return print(id, exposures);
    }

    private int print(String id, JsonNode exposures) throws Exception {
        JsonNode portfolio = json.readTree(get(portfolioUrl + "/api/portfolios/" + id).body());
        // weights are of the day's NAV (starting equity rolled forward with the P&L since entry)
        double equity = exposures.get("nav").asDouble();
        String date = exposures.get("date").asString();
        System.out.printf("%-6s %10s %10s %14s %8s %12s%n", "symbol", "quantity", "price", "market value", "weight",
                "market beta");
        double weighted = 0;
        for (JsonNode position : portfolio.get("positions")) {
            String symbol = position.get("symbol").asString();
            JsonNode symbolExposures = json.readTree(get(factorUrl + "/api/symbols/" + symbol + "/exposures?date=" + date).body());
            double beta = symbolExposures.get("factors").get("market_beta").get("beta").asDouble();
            double price = 0;
            HttpResponse<String> r = get(portfolioUrl + "/api/portfolios/" + id);
            for (JsonNode p : json.readTree(r.body()).get("positions")) {
                if (p.get("symbol").asString().equals(symbol) && p.hasNonNull("price")) {
                    price = p.get("price").asDouble();
                }
            }
            double mv = position.get("quantity").asDouble() * price;
            weighted += mv / equity * beta;
            System.out.printf("%-6s %10.2f %10.2f %14.2f %7.2f%% %12.4f%n", symbol, position.get("quantity").asDouble(),
                    price, mv, 100 * mv / equity, beta);
        }
        System.out.printf("%nPortfolio factor exposures on %s (NAV %.2f USD, starting equity %.0f USD):%n", date, equity,
                portfolio.get("equity").asDouble());
        System.out.printf("%-22s %12s %16s%n", "factor", "exposure", "dollar");
        JsonNode factors = exposures.get("factors");
        for (String f : FACTORS) {
            if (factors.has(f)) {
                System.out.printf("%-22s %12.4f %16.2f%n", f, factors.get(f).get("exposure").asDouble(),
                        factors.get(f).get("dollar").asDouble());
            }
        }
        double reported = factors.get("market_beta").get("exposure").asDouble();
        System.out.printf("%nCheck: Σ weight × symbol market beta = %.6f, portfolio market_beta = %.6f%n", weighted, reported);
        // the table prices positions at the latest close, the exposures at the close of their date: when those are
        // the same session (the usual case) the two sums agree to rounding
        boolean sameSession = date.equals(exposures.path("priceDate").asString(""));
        double tolerance = sameSession ? 1e-9 : 0.05 * Math.max(1, Math.abs(reported));
        return Math.abs(weighted - reported) <= tolerance ? 0 : 1;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
