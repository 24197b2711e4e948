package io.riskstream.portfolio.adapters.jdbc;

import io.riskstream.portfolio.application.AnalyticsStore.ComputedDate;
import io.riskstream.portfolio.domain.PositionValuation;
import io.riskstream.portfolio.domain.risk.Correlations;
import io.riskstream.portfolio.domain.risk.RiskAnalytics;
import io.riskstream.portfolio.domain.risk.StressResult;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes the risk analytics and position values of computed dates: one {@code portfolio_risk} row per date
 * (upserted) and the dates' clusters, stress results and position values replaced as a whole — each table in one
 * statement for all the dates, the rows travelling as column arrays.
 */
final class RiskRows {

    private final NamedParameterJdbcTemplate jdbc;

    RiskRows(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void save(UUID portfolioId, List<ComputedDate> dates) {
        saveRisk(portfolioId, dates);
        MapSqlParameterSource key = new MapSqlParameterSource().addValue("id", portfolioId)
                .addValue("dates", dates.stream().map(d -> d.date().toString()).toArray(String[]::new));
        for (String table : List.of("portfolio_correlation_cluster", "portfolio_stress_result", "portfolio_position_value")) {
            jdbc.update("delete from " + table + " where portfolio_id = :id and calculation_date = any("
                    + "cast(cast(:dates as varchar[]) as date[]))", key);
        }
        saveClusters(portfolioId, dates);
        saveStress(portfolioId, dates);
        savePositions(portfolioId, dates);
    }

    private void saveRisk(UUID portfolioId, List<ComputedDate> dates) {
        List<RiskAnalytics> risk = dates.stream().map(ComputedDate::risk).toList();
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("id", portfolioId)
                .addValue("dates", dates.stream().map(d -> d.date().toString()).toArray(String[]::new))
                .addValue("mb", column(risk, r -> r.betas().marketBeta90d()))
                .addValue("mbr", column(risk, r -> r.betas().marketBetaRSquared()))
                .addValue("mbo", risk.stream().map(r -> r.betas().marketBetaObservations()).toArray(Integer[]::new))
                .addValue("pb", column(risk, r -> r.betas().providerBeta1y()))
                .addValue("vo", risk.stream().map(r -> r.volatility().observations()).toArray(Integer[]::new))
                .addValue("v21", column(risk, r -> r.volatility().realized21d()))
                .addValue("v63", column(risk, r -> r.volatility().realized63d()))
                .addValue("ve", column(risk, r -> r.volatility().expected21d()))
                .addValue("vh", column(risk, r -> r.volatility().harRSquared()))
                .addValue("vt", risk.stream().map(r -> r.volatility().trend() == null ? null
                        : r.volatility().trend().label()).toArray(String[]::new))
                .addValue("vts", column(risk, r -> r.volatility().trendSlope()))
                .addValue("vtr", column(risk, r -> r.volatility().trendRSquared()))
                .addValue("vp", column(risk, r -> r.volatility().percentile()))
                .addValue("cs", risk.stream().map(r -> String.join(",", r.correlations().symbols())).toArray(String[]::new))
                .addValue("cv", risk.stream().map(r -> r.correlations().pairs().stream()
                        .map(pair -> Double.toString(pair.correlation())).collect(Collectors.joining(",")))
                        .toArray(String[]::new))
                .addValue("cn", risk.stream().map(r -> r.correlations().dataPoints()).toArray(Integer[]::new))
                .addValue("co", column(risk, r -> r.correlations().overallCorrelation()))
                .addValue("cc", column(risk, r -> r.correlations().concentrationScore()))
                .addValue("ce", column(risk, r -> r.correlations().effectivePositions()))
                .addValue("cx", risk.stream().map(r -> String.join("; ", r.correlations().excluded())).toArray(String[]::new))
                .addValue("sv", risk.stream().map(RiskAnalytics::scenarioVersion).toArray(String[]::new))
                .addValue("rb", reasons(risk, "betas")).addValue("rv", reasons(risk, "volatility"))
                .addValue("rc", reasons(risk, "correlations")).addValue("rs", reasons(risk, "stress"));
        jdbc.update("""
                insert into portfolio_risk (portfolio_id, calculation_date, market_beta_90d, market_beta_r_squared,
                  market_beta_observations, provider_beta_1y, volatility_observations, realized_volatility_21d,
                  realized_volatility_63d, expected_volatility_21d, har_r_squared, volatility_trend,
                  volatility_trend_slope, volatility_trend_r_squared, volatility_percentile, correlation_symbols,
                  correlation_values, correlation_data_points, overall_correlation, correlation_concentration,
                  correlation_effective_positions, correlation_excluded, scenario_version, betas_reason,
                  volatility_reason, correlations_reason, stress_reason)
                select :id, d, mb, mbr, mbo, pb, vo, v21, v63, ve, vh, vt, vts, vtr, vp,
                       cast(string_to_array(cs, ',') as varchar[]), cast(string_to_array(cv, ',') as float8[]),
                       cn, co, cc, ce, cx, sv, rb, rv, rc, rs
                from unnest(cast(cast(:dates as varchar[]) as date[]), cast(:mb as float8[]), cast(:mbr as float8[]),
                            cast(:mbo as int[]), cast(:pb as float8[]), cast(:vo as int[]), cast(:v21 as float8[]),
                            cast(:v63 as float8[]), cast(:ve as float8[]), cast(:vh as float8[]), cast(:vt as varchar[]),
                            cast(:vts as float8[]), cast(:vtr as float8[]), cast(:vp as float8[]), cast(:cs as text[]),
                            cast(:cv as text[]), cast(:cn as int[]), cast(:co as float8[]), cast(:cc as float8[]),
                            cast(:ce as float8[]), cast(:cx as text[]), cast(:sv as varchar[]), cast(:rb as text[]),
                            cast(:rv as text[]), cast(:rc as text[]), cast(:rs as text[]))
                     as t(d, mb, mbr, mbo, pb, vo, v21, v63, ve, vh, vt, vts, vtr, vp, cs, cv, cn, co, cc, ce, cx, sv,
                          rb, rv, rc, rs)
                on conflict (portfolio_id, calculation_date) do update set market_beta_90d = excluded.market_beta_90d,
                  market_beta_r_squared = excluded.market_beta_r_squared,
                  market_beta_observations = excluded.market_beta_observations,
                  provider_beta_1y = excluded.provider_beta_1y, volatility_observations = excluded.volatility_observations,
                  realized_volatility_21d = excluded.realized_volatility_21d,
                  realized_volatility_63d = excluded.realized_volatility_63d,
                  expected_volatility_21d = excluded.expected_volatility_21d, har_r_squared = excluded.har_r_squared,
                  volatility_trend = excluded.volatility_trend, volatility_trend_slope = excluded.volatility_trend_slope,
                  volatility_trend_r_squared = excluded.volatility_trend_r_squared,
                  volatility_percentile = excluded.volatility_percentile,
                  correlation_symbols = excluded.correlation_symbols, correlation_values = excluded.correlation_values,
                  correlation_data_points = excluded.correlation_data_points,
                  overall_correlation = excluded.overall_correlation,
                  correlation_concentration = excluded.correlation_concentration,
                  correlation_effective_positions = excluded.correlation_effective_positions,
                  correlation_excluded = excluded.correlation_excluded, scenario_version = excluded.scenario_version,
                  betas_reason = excluded.betas_reason, volatility_reason = excluded.volatility_reason,
                  correlations_reason = excluded.correlations_reason, stress_reason = excluded.stress_reason,
                  computed_at = now()""", p);
    }

    private void saveClusters(UUID portfolioId, List<ComputedDate> dates) {
        Columns c = new Columns();
        for (ComputedDate d : dates) {
            for (Correlations.Cluster cluster : d.risk().correlations().clusters()) {
                c.row(d).add("no", cluster.number()).add("name", cluster.name())
                        .add("symbols", String.join(",", cluster.symbols())).add("gross", cluster.grossValue());
            }
        }
        if (c.isEmpty()) {
            return;
        }
        jdbc.update("""
                insert into portfolio_correlation_cluster (portfolio_id, calculation_date, cluster_no, name, symbols,
                                                           gross_value)
                select :id, d, n, na, cast(string_to_array(s, ',') as varchar[]), g
                from unnest(cast(cast(:days as varchar[]) as date[]), cast(:no as int[]), cast(:name as varchar[]),
                            cast(:symbols as text[]), cast(:gross as float8[])) as t(d, n, na, s, g)""",
                c.parameters(portfolioId));
    }

    private void saveStress(UUID portfolioId, List<ComputedDate> dates) {
        Columns c = new Columns();
        for (ComputedDate d : dates) {
            for (StressResult s : d.risk().stress()) {
                c.row(d).add("scenario", s.scenarioId()).add("name", s.name()).add("category", s.category().wireName())
                        .add("direct", s.directPnl()).add("correlated", s.correlatedPnl())
                        .add("dcap", s.directCapped()).add("ccap", s.correlatedCapped())
                        .add("impacts", json(s.factorImpacts()))
                        .add("reason", s.reasons().isEmpty() ? null : String.join("; ", s.reasons()));
            }
        }
        if (c.isEmpty()) {
            return;
        }
        jdbc.update("""
                insert into portfolio_stress_result (portfolio_id, calculation_date, scenario_id, name, category,
                  direct_pnl, correlated_pnl, direct_capped, correlated_capped, factor_impacts, reason)
                select :id, d, s, n, c, dp, cp, dc, cc, cast(i as jsonb), r
                from unnest(cast(cast(:days as varchar[]) as date[]), cast(:scenario as varchar[]),
                            cast(:name as varchar[]), cast(:category as varchar[]), cast(:direct as float8[]),
                            cast(:correlated as float8[]), cast(:dcap as boolean[]), cast(:ccap as boolean[]),
                            cast(:impacts as text[]), cast(:reason as text[])) as t(d, s, n, c, dp, cp, dc, cc, i, r)""",
                c.parameters(portfolioId));
    }

    private void savePositions(UUID portfolioId, List<ComputedDate> dates) {
        Columns c = new Columns();
        for (ComputedDate d : dates) {
            for (PositionValuation.Value v : d.positions()) {
                c.row(d).add("position", v.positionId().toString()).add("symbol", v.symbol())
                        .add("quantity", v.quantity()).add("status", v.status().name()).add("price", v.price())
                        .add("priceDate", v.priceDate() == null ? null : v.priceDate().toString())
                        .add("mv", v.marketValue()).add("weight", v.weight()).add("cost", v.costBasis())
                        .add("unrealized", v.unrealizedPnl()).add("realized", v.realizedPnl()).add("note", v.note());
            }
        }
        if (c.isEmpty()) {
            return;
        }
        jdbc.update("""
                insert into portfolio_position_value (portfolio_id, calculation_date, position_id, symbol, quantity,
                  status, price, price_date, market_value, weight, cost_basis, unrealized_pnl, realized_pnl, note)
                select :id, d, pi, sy, q, st, pr, pd, mv, w, cb, up, rp, nt
                from unnest(cast(cast(:days as varchar[]) as date[]), cast(cast(:position as varchar[]) as uuid[]),
                            cast(:symbol as varchar[]), cast(:quantity as float8[]), cast(:status as varchar[]),
                            cast(:price as float8[]), cast(cast(:priceDate as varchar[]) as date[]), cast(:mv as float8[]),
                            cast(:weight as float8[]), cast(:cost as float8[]), cast(:unrealized as float8[]),
                            cast(:realized as float8[]), cast(:note as text[]))
                     as t(d, pi, sy, q, st, pr, pd, mv, w, cb, up, rp, nt)""", c.parameters(portfolioId));
    }

    /** A JSON object of factor → number (factor names are identifiers, numbers finite: no escaping needed). */
    private static String json(Map<String, Double> impacts) {
        return impacts.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static Double[] column(List<RiskAnalytics> risk, Function<RiskAnalytics, Double> f) {
        return risk.stream().map(f).toArray(Double[]::new);
    }

    private static String[] reasons(List<RiskAnalytics> risk, String analytic) {
        return risk.stream().map(r -> r.incomplete().get(analytic)).toArray(String[]::new);
    }

    /** Rows of a child table as named column arrays, each row starting with its date. */
    private static final class Columns {
        private final Map<String, List<Object>> columns = new java.util.LinkedHashMap<>();

        Columns row(ComputedDate date) {
            return add("days", date.date().toString());
        }

        Columns add(String column, Object value) {
            columns.computeIfAbsent(column, k -> new ArrayList<>()).add(value);
            return this;
        }

        boolean isEmpty() {
            return columns.isEmpty();
        }

        MapSqlParameterSource parameters(UUID portfolioId) {
            MapSqlParameterSource p = new MapSqlParameterSource("id", portfolioId);
            columns.forEach((name, values) -> p.addValue(name, array(values)));
            return p;
        }

        /** A typed array for the driver: the first non-null value tells the type (strings otherwise). */
        private static Object[] array(List<Object> values) {
            Object sample = values.stream().filter(java.util.Objects::nonNull).findFirst().orElse("");
            if (sample instanceof Double) {
                return values.toArray(Double[]::new);
            } else if (sample instanceof Integer) {
                return values.toArray(Integer[]::new);
            } else if (sample instanceof Boolean) {
                return values.toArray(Boolean[]::new);
            }
            return values.stream().map(v -> v == null ? null : v.toString()).toArray(String[]::new);
        }
    }
}
