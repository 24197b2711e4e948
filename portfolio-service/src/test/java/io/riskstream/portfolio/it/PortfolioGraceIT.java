package io.riskstream.portfolio.it;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.FactorsReady;
import io.riskstream.common.event.PortfolioAnalyticsReady;
import io.riskstream.portfolio.PortfolioServiceApplication;
import io.riskstream.testsupport.KafkaTestClient;
import io.riskstream.testsupport.TestInfra;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.UUID;

import static io.riskstream.portfolio.it.PortfolioServiceIT.DATES;
import static io.riskstream.portfolio.it.PortfolioServiceIT.EXACT;
import static io.riskstream.portfolio.it.PortfolioServiceIT.betas;
import static io.riskstream.portfolio.it.PortfolioServiceIT.closes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The other side of readiness: a date that has waited out the grace period (none here) is valued with the betas it
 * has, flagged partial with the covered share of gross exposure, and valued again, complete, when the missing betas
 * arrive.
 */
@SpringBootTest(classes = PortfolioServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"riskstream.market-data.as-of-date=2025-03-14", "riskstream.portfolio.readiness-grace=0s"})
@DirtiesContext
class PortfolioGraceIT {

    static final String GROUP = TestInfra.groupOf("portfolio-service", PortfolioGraceIT.class);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "portfolio-service", PortfolioGraceIT.class);
    }

    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    @Test
    void aDateThatWaitedOutTheGraceIsPublishedPartialAndCompletedWhenTheMissingBetasArrive() {
        PortfolioFeed feed = new PortfolioFeed(jdbc, port);
        Map<String, NavigableMap<LocalDate, Double>> closes = new LinkedHashMap<>();
        closes.put("PGA", closes(20.00, 20.50, 20.25, 21.00, 21.25, 21.50, 21.00, 22.25, 22.00, 22.50));
        closes.put("PGB", closes(64.00, 63.50, 63.75, 64.25, 65.00, 64.50, 65.25, 65.75, 66.00, 65.50));
        closes.forEach((symbol, c) -> feed.send(PortfolioFeed.prices(symbol, c)));
        Map<String, NavigableMap<LocalDate, Map<String, Double>>> betas = new LinkedHashMap<>();
        betas.put("PGA", betas(k -> Map.of("market_beta", 1.25 - 0.03 * k, "quality", 0.4)));
        feed.send(PortfolioFeed.factors("PGA", betas.get("PGA")));
        KafkaTestClient.awaitConsumed(GROUP);

        PortfolioFeed.Response created = feed.post("/api/portfolios", """
                {"name":"grace","equity":40000,"positions":[%s,%s]}""".formatted(
                PortfolioFeed.position("PGA", 80, 21.5, DATES.getFirst()),
                PortfolioFeed.position("PGB", 60, 64.5, DATES.getFirst())));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        UUID id = UUID.fromString(created.json().get("id").asString());
        UUID runId = UUID.fromString(created.json().get("runId").asString());
        await().atMost(Duration.ofSeconds(30)).until(() -> feed.pending(id).isEmpty());

        // PGB has no betas: valued anyway, partial, exposures from PGA alone, coverage PGA's share of the gross
        ExpectedBook book = new ExpectedBook(40_000, Map.of("PGA", 80.0, "PGB", 60.0), closes, DATES);
        for (LocalDate d : DATES) {
            JsonNode exposures = feed.get("/api/portfolios/" + id + "/exposures?date=" + d).json();
            assertThat(exposures.get("partial").asBoolean()).as("partial on %s", d).isTrue();
            assertThat(exposures.get("coverage").asDouble()).as("coverage on %s", d)
                    .isCloseTo(book.marketValue("PGA", d) / book.gross(d), within(EXACT));
            Map<String, Double> expected = book.exposures(d, Map.of("PGA", betas.get("PGA")));
            assertThat(exposures.get("factors").propertyNames()).containsExactlyInAnyOrderElementsOf(expected.keySet());
            expected.forEach((factor, e) -> assertThat(exposures.get("factors").get(factor).get("exposure").asDouble())
                    .as("%s on %s", factor, d).isCloseTo(e, within(EXACT)));
        }
        feed.awaitOutboxPublished();
        List<EventEnvelope<PortfolioAnalyticsReady>> partial = feed.analyticsReady(id);
        assertThat(partial).extracting(e -> e.payload().date()).containsExactlyElementsOf(DATES);
        assertThat(partial).allMatch(e -> e.payload().partial());
        assertThat(partial).extracting(EventEnvelope::eventId).containsExactlyElementsOf(DATES.stream()
                .map(d -> EventIds.derive(runId, "portfolio-analytics-ready", id.toString(), d.toString())).toList());

        betas.put("PGB", betas(k -> Map.of("market_beta", 0.85 + 0.02 * k, "quality", -0.1)));
        EventEnvelope<FactorsReady> missing = PortfolioFeed.factors("PGB", betas.get("PGB"));
        feed.send(missing);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from portfolio_analytics "
                + "where portfolio_id = ? and not partial", Long.class, id) == DATES.size());
        for (LocalDate d : DATES) {
            JsonNode exposures = feed.get("/api/portfolios/" + id + "/exposures?date=" + d).json();
            assertThat(exposures.get("coverage").asDouble()).isEqualTo(1.0);
            assertThat(exposures.get("nav").asDouble()).isCloseTo(book.nav(d), within(EXACT));
            book.exposures(d, betas).forEach((factor, e) -> assertThat(exposures.get("factors").get(factor)
                    .get("exposure").asDouble()).as("%s on %s", factor, d).isCloseTo(e, within(EXACT)));
        }
        assertThat(feed.pending(id)).isEmpty();
        feed.awaitOutboxPublished();
        List<EventEnvelope<PortfolioAnalyticsReady>> all = feed.analyticsReady(id);
        List<EventEnvelope<PortfolioAnalyticsReady>> complete = all.subList(DATES.size(), all.size());
        assertThat(complete).extracting(e -> e.payload().date()).containsExactlyElementsOf(DATES);
        assertThat(complete).noneMatch(e -> e.payload().partial());
        assertThat(complete).extracting(EventEnvelope::eventId).containsExactlyElementsOf(DATES.stream()
                .map(d -> EventIds.derive(missing.eventId(), "portfolio-analytics-ready", id.toString(), d.toString()))
                .toList());
    }
}
