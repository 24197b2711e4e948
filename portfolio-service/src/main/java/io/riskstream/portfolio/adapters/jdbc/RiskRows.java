package io.riskstream.portfolio.adapters.jdbc;

import io.riskstream.portfolio.domain.ValuedDate;
import io.riskstream.portfolio.domain.PositionValuation;
import io.riskstream.portfolio.domain.risk.Correlations;
import io.riskstream.portfolio.domain.risk.RiskAnalytics;
import io.riskstream.portfolio.domain.risk.StressResult;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes the risk analytics and position values of computed dates in one statement for all the dates: one
 * {@code portfolio_risk} row per date (upserted; clusters and stress results in it as JSON), and the dates' position
 * values replaced as a whole — the rows travelling as column arrays.
 */
final class RiskRows {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Appends to {@code sql} (a WITH list) the CTEs that delete the dates' position values, upsert their risk rows
     * and insert their position values; the insert waits for the delete (it reads its count), which would otherwise
     * run after it. {@code p} carries the portfolio id ({@code id}) and the dates ({@code dates}).
     */
    void save(StringBuilder sql, List<ValuedDate> dates, MapSqlParameterSource p) {
        // dates valued with the risk analytics switched off have none to store
        List<ValuedDate> analysed = dates.stream().filter(d -> d.risk() != null).toList();
        Columns positions = positions(dates);
        sql.append(", positionsGone as (delete from portfolio_position_value where portfolio_id = :id"
                + " and calculation_date = any(cast(cast(:dates as varchar[]) as date[])) returning 1)");
        if (!analysed.isEmpty()) {
            sql.append(", risk as (").append(riskUpsert(analysed, p)).append(")");
        }
        if (!positions.isEmpty()) {
            positions.addTo(p);
            sql.append(", positions as (").append(POSITION_INSERT).append(")");
        }
    }

    /** The upsert of the dates' {@code portfolio_risk} rows, its parameters added to {@code p}. */
    private static String riskUpsert(List<ValuedDate> dates, MapSqlParameterSource p) {
        List<RiskAnalytics> risk = dates.stream().map(ValuedDate::risk).toList();
        p.addValue("riskDates", dates.stream().map(d -> d.date().toString()).toArray(String[]::new))
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
                .addValue("cl", risk.stream().map(r -> clusters(r.correlations().clusters())).toArray(String[]::new))
                .addValue("sv", risk.stream().map(RiskAnalytics::scenarioVersion).toArray(String[]::new))
                .addValue("st", risk.stream().map(r -> stress(r.stress())).toArray(String[]::new))
                .addValue("rb", reasons(risk, "betas")).addValue("rv", reasons(risk, "volatility"))
                .addValue("rc", reasons(risk, "correlations")).addValue("rs", reasons(risk, "stress"));
        return """
                insert into portfolio_risk (portfolio_id, calculation_date, market_beta_90d, market_beta_r_squared,
                  market_beta_observations, provider_beta_1y, volatility_observations, realized_volatility_21d,
                  realized_volatility_63d, expected_volatility_21d, har_r_squared, volatility_trend,
                  volatility_trend_slope, volatility_trend_r_squared, volatility_percentile, correlation_symbols,
                  correlation_values, correlation_data_points, overall_correlation, correlation_concentration,
                  correlation_effective_positions, correlation_excluded, correlation_clusters, scenario_version,
                  stress_results, betas_reason, volatility_reason, correlations_reason, stress_reason)
                select :id, d, mb, mbr, mbo, pb, vo, v21, v63, ve, vh, vt, vts, vtr, vp,
                       cast(string_to_array(cs, ',') as varchar[]), cast(string_to_array(cv, ',') as float8[]),
                       cn, co, cc, ce, cx, cast(cl as jsonb), sv, cast(st as jsonb), rb, rv, rc, rs
                from unnest(cast(cast(:riskDates as varchar[]) as date[]), cast(:mb as float8[]), cast(:mbr as float8[]),
                            cast(:mbo as int[]), cast(:pb as float8[]), cast(:vo as int[]), cast(:v21 as float8[]),
                            cast(:v63 as float8[]), cast(:ve as float8[]), cast(:vh as float8[]), cast(:vt as varchar[]),
                            cast(:vts as float8[]), cast(:vtr as float8[]), cast(:vp as float8[]), cast(:cs as text[]),
                            cast(:cv as text[]), cast(:cn as int[]), cast(:co as float8[]), cast(:cc as float8[]),
                            cast(:ce as float8[]), cast(:cx as text[]), cast(:cl as text[]), cast(:sv as varchar[]),
                            cast(:st as text[]), cast(:rb as text[]), cast(:rv as text[]), cast(:rc as text[]),
                            cast(:rs as text[]))
                     as t(d, mb, mbr, mbo, pb, vo, v21, v63, ve, vh, vt, vts, vtr, vp, cs, cv, cn, co, cc, ce, cx, cl,
                          sv, st, rb, rv, rc, rs)
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
                  correlation_excluded = excluded.correlation_excluded,
                  correlation_clusters = excluded.correlation_clusters, scenario_version = excluded.scenario_version,
                  stress_results = excluded.stress_results,
                  betas_reason = excluded.betas_reason, volatility_reason = excluded.volatility_reason,
                  correlations_reason = excluded.correlations_reason, stress_reason = excluded.stress_reason,
                  computed_at = now()""";
    }

    private static final String POSITION_INSERT = """
             insert into portfolio_position_value (portfolio_id, calculation_date, position_id, symbol, quantity,
              status, price, price_date, market_value, weight, cost_basis, unrealized_pnl, realized_pnl, note)
            select :id, d, pi, sy, q, st, pr, pd, mv, w, cb, up, rp, nt
            from unnest(cast(cast(:pv_days as varchar[]) as date[]), cast(cast(:pv_position as varchar[]) as uuid[]),
                        cast(:pv_symbol as varchar[]), cast(:pv_quantity as float8[]), cast(:pv_status as varchar[]),
                        cast(:pv_price as float8[]), cast(cast(:pv_priceDate as varchar[]) as date[]), cast(:pv_mv as float8[]),
                        cast(:pv_weight as float8[]), cast(:pv_cost as float8[]), cast(:pv_unrealized as float8[]),
                        cast(:pv_realized as float8[]), cast(:pv_note as text[]))
                 as t(d, pi, sy, q, st, pr, pd, mv, w, cb, up, rp, nt)
            where (select count(*) from positionsGone) >= 0""";

    private static Columns positions(List<ValuedDate> dates) {
        Columns c = new Columns();
        for (ValuedDate d : dates) {
            for (PositionValuation.Value v : d.positions()) {
                c.row(d).add("position", v.positionId().toString()).add("symbol", v.symbol())
                        .add("quantity", v.quantity()).add("status", v.status().name()).add("price", v.price())
                        .add("priceDate", v.priceDate() == null ? null : v.priceDate().toString())
                        .add("mv", v.marketValue()).add("weight", v.weight()).add("cost", v.costBasis())
                        .add("unrealized", v.unrealizedPnl()).add("realized", v.realizedPnl()).add("note", v.note());
            }
        }
        return c;
    }

    private static String clusters(List<Correlations.Cluster> clusters) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Correlations.Cluster c : clusters) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", c.number());
            m.put("name", c.name());
            m.put("symbols", c.symbols());
            m.put("grossValue", c.grossValue());
            out.add(m);
        }
        return JSON.writeValueAsString(out);
    }

    private static String stress(List<StressResult> results) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (StressResult r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scenarioId", r.scenarioId());
            m.put("name", r.name());
            m.put("category", r.category().wireName());
            m.put("directPnl", r.directPnl());
            m.put("correlatedPnl", r.correlatedPnl());
            m.put("directCapped", r.directCapped());
            m.put("correlatedCapped", r.correlatedCapped());
            m.put("factorImpacts", new TreeMap<>(r.factorImpacts()));
            m.put("reason", r.reasons().isEmpty() ? null : String.join("; ", r.reasons()));
            out.add(m);
        }
        return JSON.writeValueAsString(out);
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

        Columns row(ValuedDate date) {
            return add("days", date.date().toString());
        }

        Columns add(String column, Object value) {
            columns.computeIfAbsent(column, k -> new ArrayList<>()).add(value);
            return this;
        }

        boolean isEmpty() {
            return columns.isEmpty();
        }

        /** Each column as the parameter {@code pv_<column>}. */
        void addTo(MapSqlParameterSource p) {
            columns.forEach((name, values) -> p.addValue("pv_" + name, array(values)));
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
