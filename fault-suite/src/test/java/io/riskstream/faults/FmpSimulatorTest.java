package io.riskstream.faults;

import io.riskstream.marketdata.CompanyProfile;
import io.riskstream.common.marketdata.DailyBar;
import io.riskstream.marketdata.EarningsDate;
import io.riskstream.marketdata.FinancialStatement;
import io.riskstream.marketdata.Quote;
import io.riskstream.marketdata.Frequency;
import io.riskstream.marketdata.ProviderException;
import io.riskstream.marketdata.SimulatedMarket;
import io.riskstream.marketdata.StatementKind;
import io.riskstream.marketdata.fmp.FmpMarketData;
import io.riskstream.faults.FmpSimulator.Endpoint;
import io.riskstream.faults.ProviderFaultPlan.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class FmpSimulatorTest {

    private static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final List<String> SYMBOLS = List.of("SPY", "AAPL", "B0001");

    private final SimulatedMarket market = new SimulatedMarket(
            Clock.fixed(AS_OF.atTime(LocalTime.of(20, 0)).atZone(NEW_YORK).toInstant(), NEW_YORK));
    private final List<FmpSimulator> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(FmpSimulator::close);
    }

    private FmpSimulator simulator(ProviderFaultPlan plan) {
        FmpSimulator simulator = new FmpSimulator(0, AS_OF, plan).start();
        started.add(simulator);
        return simulator;
    }

    private static FmpMarketData client(FmpSimulator simulator, Duration timeout) {
        return new FmpMarketData(simulator.baseUrl(), "any-key", timeout);
    }

    @Test
    void answersWhatTheSimulatedMarketAnswers() {
        FmpSimulator simulator = simulator(ProviderFaultPlan.none());
        FmpMarketData fmp = client(simulator, Duration.ofSeconds(5));
        for (String symbol : SYMBOLS) {
            // eleven years: the client asks in five-year chunks, raw and dividend-adjusted
            LocalDate from = LocalDate.of(2014, 1, 2);
            List<DailyBar> bars = fmp.dailyBars(symbol, from, AS_OF);
            assertThat(bars).as(symbol).isNotEmpty().allSatisfy(b -> assertThat(b.source()).isEqualTo("fmp"));
            assertThat(bars.stream().map(b -> b.withSource("simulated")).toList())
                    .isEqualTo(market.dailyBars(symbol, from, AS_OF));
            for (StatementKind kind : StatementKind.values()) {
                assertThat(items(fmp.statements(symbol, kind, Frequency.QUARTERLY, 12))).as(symbol + " " + kind)
                        .isEqualTo(items(market.statements(symbol, kind, Frequency.QUARTERLY, 12)));
            }
            assertThat(items(fmp.statements(symbol, StatementKind.INCOME, Frequency.ANNUAL, 5)))
                    .isEqualTo(items(market.statements(symbol, StatementKind.INCOME, Frequency.ANNUAL, 5)));
            assertThat(fmp.earnings(symbol)).as(symbol).extracting(EarningsDate::date, EarningsDate::confirmed)
                    .isEqualTo(market.earnings(symbol).stream().map(e -> tuple(e.date(), e.confirmed())).toList());
        }
        assertThat(fmp.statements("B0001", StatementKind.INCOME, Frequency.QUARTERLY, 12)).hasSize(12);
        assertThat(fmp.earnings("B0001")).isNotEmpty().anyMatch(e -> !e.confirmed());

        List<String> batch = List.of("SPY", "AAPL", "B0001", "ZZZQ");
        Map<String, Quote> quotes = fmp.quotes(batch);
        assertThat(quotes).containsOnlyKeys(SYMBOLS);
        market.quotes(batch).forEach((symbol, expected) -> {
            Quote q = quotes.get(symbol);
            assertThat(q.date()).isEqualTo(expected.date());
            assertThat(q.price()).isEqualTo(expected.price());
            assertThat(q.previousClose()).isEqualTo(expected.previousClose());
            assertThat(q.marketCap()).isEqualTo(expected.marketCap());
            assertThat(q.source()).isEqualTo("fmp");
        });
        Map<String, CompanyProfile> profiles = fmp.profiles(batch);
        assertThat(profiles).containsOnlyKeys(SYMBOLS);
        market.profiles(batch).forEach((symbol, expected) -> {
            CompanyProfile p = profiles.get(symbol);
            assertThat(p.identity().name()).isEqualTo(expected.identity().name());
            assertThat(p.identity().sector()).isEqualTo(expected.identity().sector());
            assertThat(p.identity().etf()).isEqualTo(expected.identity().etf());
            assertThat(p.valuation().beta()).isEqualTo(expected.valuation().beta());
            assertThat(p.valuation().marketCap()).isEqualTo(expected.valuation().marketCap());
            assertThat(p.valuation().week52High()).isEqualTo(expected.valuation().week52High());
            if (expected.trailing() != null) {
                assertThat(p.trailing().epsTtm()).isEqualTo(expected.trailing().epsTtm());
                assertThat(p.analysts().targetMean()).isEqualTo(expected.analysts().targetMean());
                assertThat(p.analysts().recommendation()).isEqualTo(expected.analysts().recommendation());
                assertThat(p.estimates()).isEqualTo(expected.estimates());
            }
        });

        assertThat(simulator.requests(Endpoint.HISTORY)).isEqualTo(3 * 3); // three chunks each
        assertThat(simulator.requests(Endpoint.ADJUSTED_HISTORY)).isEqualTo(3 * 3);
        assertThat(simulator.requests(Endpoint.QUOTE)).isEqualTo(1); // the batch; a full profile needs no quote
        assertThat(simulator.faultsInjected()).isZero();
    }

    /** What a statement says, whoever answered it. */
    private static List<Object> items(List<FinancialStatement> statements) {
        return statements.stream().map(s -> List.of(s.kind(), s.frequency(), s.periodEnd(), s.currency(), s.values()))
                .map(Object.class::cast).toList();
    }

    @Test
    void unknownSymbolsAnswerEmptyLikeFmp() {
        FmpMarketData fmp = client(simulator(ProviderFaultPlan.none()), Duration.ofSeconds(5));
        assertThat(fmp.dailyBars("ZZZQ", LocalDate.of(2024, 1, 2), AS_OF)).isEmpty();
        assertThat(fmp.statements("ZZZQ", StatementKind.INCOME, Frequency.QUARTERLY, 4)).isEmpty();
        assertThat(fmp.earnings("ZZZQ")).isEmpty();
        assertThat(fmp.quotes(List.of("ZZZQ"))).isEmpty();
        assertThat(fmp.profiles(List.of("ZZZQ"))).isEmpty();
    }

    @Test
    void serverErrorsWhileFaultsAreOnAreClassifiedAndCounted() {
        FmpSimulator simulator = simulator(ProviderFaultPlan.only(Fault.SERVER_ERROR, 1.0));
        FmpMarketData fmp = client(simulator, Duration.ofSeconds(5));
        assertThat(fmp.quotes(List.of("SPY"))).containsOnlyKeys("SPY"); // off until switched on

        simulator.enableFaults();
        assertThatThrownBy(() -> fmp.quotes(List.of("SPY")))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.RETRY_LATER))
                .hasMessageContaining("500");
        assertThatThrownBy(() -> fmp.dailyBars("AAPL", LocalDate.of(2024, 12, 2), AS_OF))
                .isInstanceOf(ProviderException.class);
        assertThat(simulator.faultsInjected(Fault.SERVER_ERROR)).isEqualTo(2);
        assertThat(simulator.stats().faultsInjected()).isEqualTo(2);

        simulator.disableFaults();
        assertThat(fmp.dailyBars("AAPL", LocalDate.of(2024, 12, 2), AS_OF)).hasSize(21);
        assertThat(simulator.totalRequests()).isEqualTo(5); // the last history: raw and dividend-adjusted
        assertThat(simulator.faultsInjected()).isEqualTo(2);
    }

    @Test
    void anEmptyTwoHundredIsAnEmptyResult() {
        FmpSimulator simulator = simulator(ProviderFaultPlan.only(Fault.EMPTY, 1.0));
        simulator.enableFaults();
        FmpMarketData fmp = client(simulator, Duration.ofSeconds(5));
        assertThat(fmp.dailyBars("SPY", LocalDate.of(2024, 12, 2), AS_OF)).isEmpty();
        assertThat(fmp.quotes(List.of("SPY", "B0001"))).isEmpty();
        assertThat(fmp.statements("B0001", StatementKind.INCOME, Frequency.QUARTERLY, 4)).isEmpty();
        assertThat(fmp.earnings("B0001")).isEmpty();
        assertThat(simulator.faultsInjected(Fault.EMPTY)).isEqualTo(4);
    }

    @Test
    void rateLimitingAndTimeoutsAreTransient() throws Exception {
        FmpSimulator limited = simulator(ProviderFaultPlan.only(Fault.RATE_LIMITED, 1.0));
        limited.enableFaults();
        HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                limited.baseUrl().resolve("stable/batch-quote?symbols=SPY&apikey=x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(429);
        assertThat(raw.headers().firstValue("Retry-After")).hasValue("1");
        assertThatThrownBy(() -> client(limited, Duration.ofSeconds(5)).profiles(List.of("SPY")))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.RETRY_LATER));

        FmpSimulator slow = simulator(ProviderFaultPlan.only(Fault.TIMEOUT, 1.0).withTimeoutDelay(Duration.ofMillis(600)));
        slow.enableFaults();
        assertThatThrownBy(() -> client(slow, Duration.ofMillis(150)).earnings("B0001"))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.RETRY_LATER))
                .hasMessageContaining("timed out");
        assertThat(slow.faultsInjected(Fault.TIMEOUT)).isEqualTo(1);
    }

    @Test
    void aPartialPlanIsRepeatableForTheSameSeed() {
        ProviderFaultPlan plan = ProviderFaultPlan.spread(0.5, List.of(Fault.SERVER_ERROR, Fault.UNAVAILABLE,
                Fault.EMPTY));
        Function<FmpSimulator, List<String>> run = simulator -> {
            simulator.enableFaults();
            FmpMarketData fmp = client(simulator, Duration.ofSeconds(5));
            List<String> outcomes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                try {
                    outcomes.add(fmp.quotes(List.of("SPY")).isEmpty() ? "empty" : "ok");
                } catch (ProviderException e) {
                    outcomes.add(e.getMessage());
                }
            }
            return outcomes;
        };
        List<String> first = run.apply(simulator(plan));
        assertThat(run.apply(simulator(plan))).isEqualTo(first);
        assertThat(first).contains("ok", "empty").anyMatch(o -> o.contains("500")).anyMatch(o -> o.contains("503"));
        assertThat(first.stream().filter("ok"::equals).count()).isBetween(10L, 30L);
    }

    @Test
    void theControlEndpointsSwitchFaultsAndReportTheCounters() throws Exception {
        FmpSimulator simulator = simulator(ProviderFaultPlan.only(Fault.UNAVAILABLE, 1.0));
        HttpClient http = HttpClient.newHttpClient();
        URI control = URI.create("http://127.0.0.1:" + simulator.port() + "/_simulator/");
        FmpMarketData fmp = client(simulator, Duration.ofSeconds(5));
        fmp.quotes(List.of("SPY"));

        HttpResponse<String> on = http.send(HttpRequest.newBuilder(control.resolve("faults/on"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(on.statusCode()).isEqualTo(200);
        assertThat(simulator.faultsEnabled()).isTrue();
        assertThatThrownBy(() -> fmp.quotes(List.of("SPY"))).hasMessageContaining("503");

        http.send(HttpRequest.newBuilder(control.resolve("faults/off")).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(simulator.faultsEnabled()).isFalse();
        HttpResponse<String> stats = http.send(HttpRequest.newBuilder(control.resolve("stats")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode json = JsonMapper.builder().build().readTree(stats.body());
        assertThat(json.get("faultsEnabled").asBoolean()).isFalse();
        assertThat(json.get("totalRequests").asLong()).isEqualTo(2);
        assertThat(json.get("requests").get("QUOTE").asLong()).isEqualTo(2);
        assertThat(json.get("faults").get("UNAVAILABLE").asLong()).isEqualTo(1);
        assertThat(json.get("faultsInjected").asLong()).isEqualTo(1);
    }

    @Test
    void theCommandLineNeedsAPortAndAnAsOfDate() {
        var options = FmpSimulator.Options.parse(new String[]{"--port", "0", "--as-of", "2024-12-31",
                "--fault-fraction", "0.25", "--faults-on"});
        assertThat(options.asOf()).isEqualTo(AS_OF);
        assertThat(options.faultsOn()).isTrue();
        assertThat(options.plan().fraction(Fault.TIMEOUT)).isEqualTo(0.05);
        assertThatThrownBy(() -> FmpSimulator.Options.parse(new String[]{"--port", "0"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

}
