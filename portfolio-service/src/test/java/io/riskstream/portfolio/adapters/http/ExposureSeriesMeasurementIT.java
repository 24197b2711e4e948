package io.riskstream.portfolio.adapters.http;

import io.riskstream.portfolio.PortfolioServiceApplication;
import io.riskstream.testsupport.TestInfra;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one call for a year of one portfolio's exposures costs with 1,000 portfolios stored (each a year of weekday
 * analytics with twelve factors: 3.1 million factor rows), through HTTP on the real PostgreSQL. A figure, not a
 * timed test: it prints the latencies and asserts only the answers. Run on demand:
 * {@code -Dmeasure.series=true -Dit.test=ExposureSeriesMeasurementIT}.
 */
@EnabledIfSystemProperty(named = "measure.series", matches = "true")
@SpringBootTest(classes = PortfolioServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "riskstream.market-data.as-of-date=2024-12-31")
@DirtiesContext
class ExposureSeriesMeasurementIT {

    static final int PORTFOLIOS = 1_000, CALLS = 200, WARM_UP = 20;
    static final List<String> FACTORS = List.of("market_beta", "ir_beta", "value", "growth", "momentum", "quality",
            "size", "low_volatility", "growth_value_spread", "momentum_spread", "size_spread", "quality_spread");

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "portfolio-service", ExposureSeriesMeasurementIT.class);
    }

    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    @Test
    void aYearOfOnePortfoliosExposuresWithAThousandPortfoliosStored() throws Exception {
        long t0 = System.nanoTime();
        jdbc.update("""
                insert into portfolio (id, name, equity, currency)
                select md5('series-' || i)::uuid, 'measured ' || i, 1000000, 'USD' from generate_series(1, ?) i""",
                PORTFOLIOS);
        jdbc.update("""
                insert into portfolio_analytics (portfolio_id, calculation_date, price_date, nav, gross_exposure,
                                                 net_exposure, coverage, partial)
                select p.id, d::date, d::date, 1000000 + random() * 1000, 900000, 400000, 1.0, false
                from portfolio p, generate_series(date '2024-01-01', date '2024-12-31', interval '1 day') d
                where p.name like 'measured %' and extract(isodow from d) < 6""");
        jdbc.update("""
                insert into portfolio_factor_exposure (portfolio_id, calculation_date, factor, exposure, dollar)
                select a.portfolio_id, a.calculation_date, f, random() - 0.5, (random() - 0.5) * 1000000
                from portfolio_analytics a, unnest(cast(? as varchar[])) f""",
                (Object) FACTORS.toArray(String[]::new));
        jdbc.execute("analyze");
        long rows = jdbc.queryForObject("select count(*) from portfolio_factor_exposure", Long.class);
        int dates = jdbc.queryForObject("select count(distinct calculation_date) from portfolio_analytics", Integer.class);
        System.out.printf("stored %d portfolios, %d dates each, %d factor rows in %d s%n", PORTFOLIOS, dates, rows,
                (System.nanoTime() - t0) / 1_000_000_000);

        List<UUID> ids = jdbc.queryForList("select id from portfolio where name like 'measured %'", UUID.class);
        HttpClient http = HttpClient.newHttpClient();
        Random random = new Random(18);
        for (String accept : List.of("application/json", "text/csv")) {
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < CALLS + WARM_UP; i++) {
                UUID id = ids.get(random.nextInt(ids.size()));
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/portfolios/"
                        + id + "/exposures?from=2024-01-01&to=2024-12-31")).header("Accept", accept).build();
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                double elapsed = (System.nanoTime() - start) / 1e6;
                assertThat(response.statusCode()).isEqualTo(200);
                if (accept.equals("text/csv")) {
                    assertThat(response.body().lines().count()).isEqualTo(dates + 1);
                } else {
                    assertThat(response.body()).contains("\"low_volatility\"");
                }
                if (i >= WARM_UP) {
                    millis.add(elapsed); // the first calls warm the JIT and the caches up
                }
            }
            Collections.sort(millis);
            System.out.printf("GET a year of exposures (%d dates × %d factors) as %s, %d calls: median %.1f ms, "
                            + "p95 %.1f ms, max %.1f ms%n", dates, FACTORS.size(), accept, CALLS,
                    millis.get(CALLS / 2), millis.get(CALLS * 95 / 100), millis.getLast());
        }
    }
}
