package io.riskstream.portfolio.domain.risk;

import io.riskstream.common.marketdata.DailyBar;
import io.riskstream.marketdata.SimulatedMarket;
import io.riskstream.portfolio.config.StressScenarioFile;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every risk number against the independent numpy reference ({@code tools/reference/portfolio_reference.py}):
 * volatility, HAR forecast, trend and percentile, correlations and clusters, snapshot betas, factor exposures and
 * the stress P&L, within 1e-9 relative (counts and clusters exactly), on real prices and on the simulated market.
 */
class RiskAnalysisReferenceTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final RiskAnalysis ANALYSIS = new RiskAnalysis(StressScenarioFile.load("classpath:stress-scenarios.json"));

    /** Real prices; the reference's output on four dates of 2024 pasted (the command is inside the file). */
    @Nested
    class OnRealPricesAsRecorded {

        @Test
        void fourDatesOf2024EqualTheRecordedReferenceOutput() throws IOException {
            Path prices = realPrices();
            JsonNode recorded = resource("reference/real-2024.json");
            assertThat(recorded.get("command").asString()).contains("--dates 2024-01-02,2024-03-28,2024-08-05,2024-12-31");
            ReferenceCheck check = new ReferenceCheck(ReferenceCheck.Book.of(resource("reference/real-book.json")),
                    PriceFiles.read(prices, symbols(resource("reference/real-book.json"))), ANALYSIS);
            List<String> trends = new ArrayList<>();
            for (JsonNode date : recorded.get("dates")) {
                trends.add(check.check(date).volatility().trend().label());
            }
            assertThat(trends).contains("increasing", "decreasing", "stable");
            System.out.printf("recorded reference, real prices: %d numbers, worst relative difference %.2e%n",
                    check.numbersCompared(), check.worstRelativeDifference());
        }
    }

    /** Real prices, every 2024 session, the reference run now (python3 with numpy and scipy needed). */
    @Nested
    class OnRealPricesLive {

        @Test
        void everySessionOf2024EqualsTheReferenceRunNow() throws IOException {
            Path prices = realPrices();
            assumeTrue(ReferenceScript.available(), ReferenceScript.WHY_NOT);
            Path book = Path.of("src/test/resources/reference/real-book.json").toAbsolutePath();
            JsonNode live = ReferenceScript.run(prices, book, "2024-01-02..2024-12-31");
            ReferenceCheck check = new ReferenceCheck(ReferenceCheck.Book.of(JSON.readTree(book.toFile())),
                    PriceFiles.read(prices, symbols(JSON.readTree(book.toFile()))), ANALYSIS);
            live.get("dates").forEach(check::check);
            assertThat(live.get("dates")).hasSize(252);
            System.out.printf("live reference, real prices, 252 sessions: %d numbers, worst relative difference %.2e%n",
                    check.numbersCompared(), check.worstRelativeDifference());
        }
    }

    /** The simulated market of the tests and benchmarks, written as price files; the reference run now. */
    @Nested
    class OnTheSimulatedMarketLive {

        @Test
        void everySessionOfAYearEqualsTheReferenceRunNow() throws IOException {
            assumeTrue(ReferenceScript.available(), ReferenceScript.WHY_NOT);
            Path dir = Files.createTempDirectory("simulated-prices");
            SimulatedMarket market = new SimulatedMarket(Clock.fixed(Instant.parse("2025-01-02T00:00:00Z"), ZoneOffset.UTC));
            List<String> symbols = new ArrayList<>(SimulatedMarket.factorEtfs());
            symbols.addAll(List.of("SIMA", "SIMB", "SIMC", "SIMD", "SIME"));
            for (String symbol : symbols) {
                StringBuilder csv = new StringBuilder("date,open,high,low,close,adj_close,volume\n");
                for (DailyBar b : market.dailyBars(symbol, LocalDate.parse("2022-06-01"), LocalDate.parse("2024-12-31"))) {
                    csv.append(b.date()).append(",,,,").append(b.close() == null ? "" : Double.toString(b.close()))
                            .append(',').append(b.adjClose()).append(",\n");
                }
                Files.writeString(dir.resolve(symbol + ".csv"), csv);
            }
            Path book = dir.resolve("book.json");
            Files.writeString(book, """
                    {"equity": 2000000, "start": "2024-01-02", "positions": [
                      {"symbol": "SIMA", "quantity": 4000}, {"symbol": "SIMB", "quantity": -2500},
                      {"symbol": "SIMC", "quantity": 3000}, {"symbol": "SIMD", "quantity": 1500},
                      {"symbol": "SIME", "quantity": 800}, {"symbol": "QUAL", "quantity": 900}]}""");
            JsonNode live = ReferenceScript.run(dir, book, "2024-01-02..2024-12-31");
            ReferenceCheck check = new ReferenceCheck(ReferenceCheck.Book.of(JSON.readTree(book.toFile())),
                    PriceFiles.read(dir, symbols), ANALYSIS);
            live.get("dates").forEach(check::check);
            assertThat(live.get("dates")).hasSize(252);
            System.out.printf("live reference, simulated market, 252 sessions: %d numbers, worst relative difference "
                    + "%.2e%n", check.numbersCompared(), check.worstRelativeDifference());
        }
    }

    static Path realPrices() {
        return ReferenceScript.realPrices();
    }

    static JsonNode resource(String name) throws IOException {
        try (InputStream in = RiskAnalysisReferenceTest.class.getClassLoader().getResourceAsStream(name)) {
            return JSON.readTree(in);
        }
    }

    static List<String> symbols(JsonNode book) {
        List<String> symbols = new ArrayList<>(List.of("SPY", "TLT", "VTV", "VUG", "MTUM", "QUAL", "IWM", "USMV"));
        book.get("positions").forEach(p -> {
            if (!symbols.contains(p.get("symbol").asString())) {
                symbols.add(p.get("symbol").asString());
            }
        });
        return symbols;
    }
}
