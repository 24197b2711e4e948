package io.riskstream.portfolio.domain.risk;

import io.riskstream.portfolio.domain.FactorExposureCalculation;
import io.riskstream.portfolio.domain.Holding;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares the Java risk analytics of one date with the independent reference's ({@code portfolio_reference.py}):
 * the same book, prices and symbol betas in, every number within {@link #TOLERANCE} relative, counts and clusters
 * exactly. Tracks the worst relative difference seen.
 */
final class ReferenceCheck {

    static final double TOLERANCE = 1e-9;

    /** The buy-and-hold book of the reference's portfolio file. */
    record Book(double equity, LocalDate start, Map<String, Double> quantities) {
        static Book of(JsonNode json) {
            Map<String, Double> q = new TreeMap<>();
            json.get("positions").forEach(p -> q.put(p.get("symbol").asString(), p.get("quantity").asDouble()));
            return new Book(json.get("equity").asDouble(), LocalDate.parse(json.get("start").asString()), q);
        }
    }

    private final Book book;
    private final PriceFiles prices;
    private final PriceHistories histories;
    private final RiskAnalysis analysis;
    private double worst;
    private int compared;

    ReferenceCheck(Book book, PriceFiles prices, RiskAnalysis analysis) {
        this.book = book;
        this.prices = prices;
        this.histories = PriceHistories.of(prices.adjusted());
        this.analysis = analysis;
    }

    double worstRelativeDifference() {
        return worst;
    }

    int numbersCompared() {
        return compared;
    }

    /** Computes the date in Java from the book, the prices and the reference's symbol betas, and compares. */
    RiskAnalytics check(JsonNode expected) {
        LocalDate date = LocalDate.parse(expected.get("date").asString());
        Map<String, Double> mv = new TreeMap<>();
        double nav = book.equity(), net = 0;
        List<FactorExposureCalculation.PricedHolding> holdings = new ArrayList<>();
        for (Map.Entry<String, Double> p : book.quantities().entrySet()) {
            double price = prices.valuationOnOrBefore(p.getKey(), date);
            mv.put(p.getKey(), p.getValue() * price);
            nav += p.getValue() * (price - prices.valuationOnOrBefore(p.getKey(), book.start()));
            net += p.getValue() * price;
            holdings.add(new FactorExposureCalculation.PricedHolding(new Holding(p.getKey(),
                    BigDecimal.valueOf(p.getValue()), BigDecimal.ONE), price, date));
        }
        String at = date + " ";
        close(at + "nav", nav, expected.get("nav"));
        mv.forEach((s, v) -> close(at + "market value " + s, v, expected.at("/marketValues/" + s)));

        Map<String, Map<String, Double>> betas = new HashMap<>();
        expected.get("betas").properties().forEach(e -> {
            Map<String, Double> b = new HashMap<>();
            e.getValue().properties().forEach(f -> b.put(f.getKey(), f.getValue().asDouble()));
            betas.put(e.getKey(), b);
        });
        Map<String, SnapshotBetas.Fit> fits = new HashMap<>();
        expected.get("marketFits").properties().forEach(e -> fits.put(e.getKey(), new SnapshotBetas.Fit(
                betas.get(e.getKey()).get("market_beta"), e.getValue().get("rSquared").asDouble(),
                e.getValue().get("observations").asInt())));
        FactorExposureCalculation.Result exposures = FactorExposureCalculation.compute(date, nav, holdings, betas);
        assertThat(exposures.factors().keySet()).as(at + "factors")
                .containsExactlyInAnyOrderElementsOf(expected.get("exposures").propertyNames());
        exposures.factors().forEach((f, v) -> {
            close(at + "exposure " + f, v[0], expected.at("/exposures/" + f + "/0"));
            close(at + "dollar exposure " + f, v[1], expected.at("/exposures/" + f + "/1"));
        });

        RiskAnalytics actual = analysis.analyse(new RiskAnalysis.Inputs(date, nav, net, mv, exposures.factors(),
                exposures.coverage(), betas, fits, histories, Map.of()));
        compareBetas(at, actual.betas(), expected.get("snapshotBetas"));
        compareVolatility(at, actual.volatility(), expected.get("volatility"));
        compareCorrelations(at, actual.correlations(), expected.get("correlations"));
        compareStress(at, actual.stress(), expected.get("stress"));
        return actual;
    }

    private void compareBetas(String at, SnapshotBetas b, JsonNode e) {
        close(at + "market beta 90d", b.marketBeta90d(), e.get("marketBeta90d"));
        close(at + "market beta R²", b.marketBetaRSquared(), e.get("marketBetaRSquared"));
        exact(at + "market beta observations", b.marketBetaObservations(), e.get("marketBetaObservations"));
        close(at + "provider beta 1y", b.providerBeta1y(), e.get("providerBeta1y"));
    }

    private void compareVolatility(String at, Volatility v, JsonNode e) {
        exact(at + "volatility observations", v.observations(), e.get("observations"));
        close(at + "realised 21d", v.realized21d(), e.get("realized21d"));
        close(at + "realised 63d", v.realized63d(), e.get("realized63d"));
        close(at + "HAR forecast", v.expected21d(), e.get("expected21d"));
        close(at + "HAR R²", v.harRSquared(), e.get("harRSquared"));
        close(at + "trend slope", v.trendSlope(), e.get("trendSlope"));
        close(at + "trend R²", v.trendRSquared(), e.get("trendRSquared"));
        close(at + "percentile", v.percentile(), e.get("percentile"));
        JsonNode trend = e.get("trend");
        assertThat(v.trend() == null ? null : v.trend().label()).as(at + "trend")
                .isEqualTo(trend == null || trend.isNull() ? null : trend.asString());
        compared++;
    }

    private void compareCorrelations(String at, Correlations c, JsonNode e) {
        if (e == null || e.isNull()) {
            assertThat(c.effectivePositions()).as(at + "correlations (none in the reference)").isNull();
            assertThat(c.reasons()).as(at + "correlations: a reason").isNotEmpty();
            return;
        }
        List<String> symbols = new ArrayList<>();
        e.get("symbols").forEach(s -> symbols.add(s.asString()));
        assertThat(c.symbols()).as(at + "correlated symbols").isEqualTo(symbols);
        exact(at + "correlation data points", c.dataPoints(), e.get("dataPoints"));
        assertThat(c.pairs()).as(at + "pairs").hasSize(e.get("pairs").size());
        for (int i = 0; i < c.pairs().size(); i++) {
            Correlations.Pair p = c.pairs().get(i);
            close(at + "ρ " + p.first() + "/" + p.second(), p.correlation(), e.get("pairs").get(i));
        }
        List<List<String>> clusters = new ArrayList<>();
        e.get("clusters").forEach(g -> {
            List<String> members = new ArrayList<>();
            g.forEach(s -> members.add(s.asString()));
            clusters.add(members);
        });
        assertThat(c.clusters().stream().map(Correlations.Cluster::symbols).toList()).as(at + "clusters")
                .isEqualTo(clusters);
        compared += 2;
        close(at + "overall correlation", c.overallCorrelation(), e.get("overallCorrelation"));
        close(at + "concentration score", c.concentrationScore(), e.get("concentrationScore"));
        close(at + "effective positions", c.effectivePositions(), e.get("effectivePositions"));
    }

    private void compareStress(String at, List<StressResult> stress, JsonNode e) {
        assertThat(stress.stream().map(StressResult::scenarioId).toList()).as(at + "scenarios")
                .containsExactlyInAnyOrderElementsOf(e.propertyNames());
        for (StressResult r : stress) {
            close(at + r.scenarioId() + " direct", r.directPnl(), e.at("/" + r.scenarioId() + "/direct"));
            close(at + r.scenarioId() + " correlated", r.correlatedPnl(), e.at("/" + r.scenarioId() + "/correlated"));
        }
    }

    private void exact(String what, Integer actual, JsonNode expected) {
        assertThat(actual).as(what).isEqualTo(expected == null || expected.isNull() ? null : expected.asInt());
        compared++;
    }

    private void close(String what, Double actual, JsonNode expected) {
        if (expected == null || expected.isNull() || expected.isMissingNode()) {
            assertThat(actual).as(what + " (null in the reference)").isNull();
            return;
        }
        double e = expected.asDouble();
        assertThat(actual).as(what).isNotNull();
        double relative = Math.abs(actual - e) / Math.max(Math.abs(e), 1e-300);
        if (Math.abs(actual - e) > 1e-15) {
            assertThat(relative).as(what + ": " + actual + " vs " + e).isLessThanOrEqualTo(TOLERANCE);
            worst = Math.max(worst, relative);
        }
        compared++;
    }
}
