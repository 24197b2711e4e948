package io.riskstream.portfolio.it;

import io.riskstream.common.calendar.NyseCalendar;
import io.riskstream.portfolio.PortfolioServiceApplication;
import io.riskstream.testsupport.KafkaTestClient;
import io.riskstream.testsupport.TestInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;

import static io.riskstream.portfolio.it.PortfolioFeed.position;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The portfolio page in a real browser (Debian's headless Chromium through Selenium) against portfolio-service on the
 * real broker and PostgreSQL: a year of a seeded portfolio, and what the page drew — the chart series, the latest
 * exposures and each position's contribution — read back from the page and compared with the API's answers.
 */
@SpringBootTest(classes = PortfolioServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "riskstream.market-data.as-of-date=2025-03-14")
@DirtiesContext
@DisabledIf(value = "io.riskstream.portfolio.it.PortfolioPageIT#noBrowser",
        disabledReason = "no headless browser: needs Debian's chromium and chromium-driver (/usr/bin/chromium, "
                + "/usr/bin/chromedriver), which .ci/run installs")
class PortfolioPageIT {

    static final String GROUP = TestInfra.groupOf("portfolio-service", PortfolioPageIT.class);
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final LocalDate FIRST = LocalDate.of(2024, 3, 15), LAST = LocalDate.of(2025, 3, 14);
    static final List<LocalDate> SESSIONS = NyseCalendar.instance().tradingDays(FIRST, LAST);
    static final Map<String, Double> QUANTITIES = Map.of("PGA", 300.0, "PGB", -120.0, "PGC", 200.0);
    static final String[] FACTORS = {"market_beta", "value", "momentum"};

    static WebDriver browser;

    /** Where CI requires the browser (RISKSTREAM_REQUIRE_BROWSER=true, set by .ci/run), its absence is a failure. */
    static boolean noBrowser() {
        boolean missing = !Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER);
        if (missing && "true".equalsIgnoreCase(System.getenv("RISKSTREAM_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("RISKSTREAM_REQUIRE_BROWSER is set but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing (apt-get install chromium chromium-driver)");
        }
        return missing;
    }

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "portfolio-service", PortfolioPageIT.class);
    }

    @BeforeAll
    static void startBrowser() {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        // as root in a container, and on a machine whose network is closed: no sandbox, no background traffic
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,2000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withLogFile(new File(System.getProperty("java.io.tmpdir"), "chromedriver-page-it.log"))
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    @Test
    void thePageShowsAYearOfExposuresContributionsAndNavEqualToTheApi() {
        PortfolioFeed feed = new PortfolioFeed(jdbc, port);
        UUID id = seedAYear(feed);
        JsonNode snapshots = feed.get("/api/portfolios/" + id + "/snapshots?from=" + FIRST + "&to=" + LAST).json()
                .get("snapshots");
        assertThat(snapshots).hasSize(SESSIONS.size());

        browser.get("http://127.0.0.1:" + port + "/portfolio.html?id=" + id + "&from=" + FIRST + "&to=" + LAST);
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(b -> Boolean.TRUE.equals(
                ((JavascriptExecutor) b).executeScript("return window.riskstream && window.riskstream.ready")));
        JavascriptExecutor page = (JavascriptExecutor) browser;
        assertThat(page.executeScript("return window.riskstream.error || null")).isNull();

        // the NAV chart: every date and value the API gave
        List<String> navDates = strings(page.executeScript("return window.riskstream.charts['nav-chart'].dates"));
        List<Double> nav = numbers(page.executeScript("return window.riskstream.charts['nav-chart'].series['nav']"));
        assertThat(navDates).containsExactlyElementsOf(SESSIONS.stream().map(LocalDate::toString).toList());
        for (int i = 0; i < snapshots.size(); i++) {
            assertThat(nav.get(i)).isEqualTo(snapshots.get(i).get("nav").asDouble());
        }
        // uPlot drew them: its own copy of the data has the same values
        assertThat(numbers(page.executeScript("return Array.from(window.riskstream.charts['nav-chart'].plot.data[1])")))
                .containsExactlyElementsOf(nav);

        // the exposures chart: a year of each factor, equal to the API's series
        JsonNode series = feed.get("/api/portfolios/" + id + "/exposures?from=" + FIRST + "&to=" + LAST).json();
        assertThat(strings(page.executeScript("return window.riskstream.charts['exposures-chart'].dates")))
                .containsExactlyElementsOf(strings(series.get("dates")));
        for (String factor : FACTORS) {
            List<Double> drawn = numbers(page.executeScript(
                    "return window.riskstream.charts['exposures-chart'].series[arguments[0]]", factor));
            assertThat(drawn).as(factor).hasSize(SESSIONS.size()).containsExactlyElementsOf(numbers(series.get("factors").get(factor)));
        }

        // the latest exposures table and each position's contribution, as drawn, against the API
        JsonNode latest = feed.get("/api/portfolios/" + id + "/exposures?date=" + LAST).json();
        JsonNode contributions = feed.get("/api/portfolios/" + id + "/contributions?date=" + LAST).json();
        for (String factor : FACTORS) {
            double shown = Double.parseDouble((String) page.executeScript(
                    "return document.querySelector(`#latest td[data-factor='${arguments[0]}']`).dataset.value", factor));
            assertThat(shown).isEqualTo(latest.get("factors").get(factor).get("exposure").asDouble());
            double sum = 0;
            for (String symbol : QUANTITIES.keySet()) {
                String text = (String) page.executeScript("return document.querySelector("
                        + "`#contributions td[data-symbol='${arguments[0]}'][data-factor='${arguments[1]}']`).dataset.value",
                        symbol, factor);
                sum += Double.parseDouble(text);
            }
            assertThat(sum).as("contributions to " + factor + " shown on the page").isCloseTo(shown, within(1e-12));
        }
        assertThat(contributions.get("positions")).hasSize(QUANTITIES.size());

        // for people: what the test saw (target/portfolio-page.png)
        try {
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                    Path.of("target", "portfolio-page.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Three symbols with a year of closes, betas and sectors; a portfolio holding them from the first session. */
    private UUID seedAYear(PortfolioFeed feed) {
        Map<String, NavigableMap<LocalDate, Double>> closes = new LinkedHashMap<>();
        Map<String, NavigableMap<LocalDate, Map<String, Double>>> betas = new LinkedHashMap<>();
        int s = 0;
        for (String symbol : QUANTITIES.keySet()) {
            s++;
            NavigableMap<LocalDate, Double> c = new TreeMap<>();
            NavigableMap<LocalDate, Map<String, Double>> b = new TreeMap<>();
            double price = 40 + 15 * s;
            for (int k = 0; k < SESSIONS.size(); k++) {
                price *= 1 + 0.012 * Math.sin(0.37 * k + s) + 0.0004 * s;
                c.put(SESSIONS.get(k), Math.round(price * 100) / 100.0);
                b.put(SESSIONS.get(k), Map.of("market_beta", 0.8 + 0.1 * s + 0.05 * Math.sin(0.05 * k),
                        "value", -0.2 + 0.15 * s + 0.02 * Math.cos(0.03 * k), "momentum", 0.1 * s - 0.01 * Math.sin(0.1 * k)));
            }
            closes.put(symbol, c);
            betas.put(symbol, b);
            feed.send(PortfolioFeed.profile(symbol, s == 1 ? "Technology" : s == 2 ? "Health Care" : "Energy", false));
            feed.send(PortfolioFeed.prices(symbol, c));
            feed.send(PortfolioFeed.factors(symbol, b));
        }
        KafkaTestClient.awaitConsumed(GROUP);
        List<String> positions = new ArrayList<>();
        QUANTITIES.forEach((symbol, q) -> positions.add(position(symbol, q, closes.get(symbol).firstEntry().getValue(), FIRST)));
        UUID id = feed.create("a year on the page", 100_000, positions.toArray(String[]::new));
        await("a year of analytics").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> feed.pending(id).isEmpty() && feed.snapshotDates(id).size() == SESSIONS.size());
        return id;
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof JsonNode node) {
            node.forEach(n -> out.add(n.asString()));
        } else {
            ((List<?>) value).forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }

    private static List<Double> numbers(Object value) {
        List<Double> out = new ArrayList<>();
        if (value instanceof JsonNode node) {
            node.forEach(n -> out.add(n.isNull() ? null : n.asDouble()));
        } else {
            ((List<?>) value).forEach(v -> out.add(v == null ? null : ((Number) v).doubleValue()));
        }
        return out;
    }
}
