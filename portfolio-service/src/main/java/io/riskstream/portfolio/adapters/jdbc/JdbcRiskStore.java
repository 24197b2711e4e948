package io.riskstream.portfolio.adapters.jdbc;

import io.riskstream.portfolio.application.RiskStore;
import io.riskstream.portfolio.domain.PositionValuation;
import io.riskstream.portfolio.domain.risk.Correlations;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

public class JdbcRiskStore implements RiskStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final NamedParameterJdbcTemplate jdbc;

    public JdbcRiskStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static MapSqlParameterSource range(UUID id, LocalDate from, LocalDate to) {
        return new MapSqlParameterSource().addValue("id", id).addValue("from", from).addValue("to", to);
    }

    @Override
    public List<BetasRow> betas(UUID portfolioId, LocalDate from, LocalDate to) {
        return jdbc.query("""
                        select calculation_date, market_beta_90d, market_beta_r_squared, market_beta_observations,
                               provider_beta_1y, betas_reason
                        from portfolio_risk where portfolio_id = :id and calculation_date between :from and :to
                        order by calculation_date""", range(portfolioId, from, to),
                (rs, i) -> new BetasRow(rs.getObject(1, LocalDate.class), rs.getObject(2, Double.class),
                        rs.getObject(3, Double.class), rs.getObject(4, Integer.class), rs.getObject(5, Double.class),
                        rs.getString(6)));
    }

    @Override
    public List<VolatilityRow> volatility(UUID portfolioId, LocalDate from, LocalDate to) {
        return jdbc.query("""
                        select calculation_date, volatility_observations, realized_volatility_21d,
                               realized_volatility_63d, expected_volatility_21d, har_r_squared, volatility_trend,
                               volatility_trend_slope, volatility_trend_r_squared, volatility_percentile,
                               volatility_reason
                        from portfolio_risk where portfolio_id = :id and calculation_date between :from and :to
                        order by calculation_date""", range(portfolioId, from, to),
                (rs, i) -> new VolatilityRow(rs.getObject(1, LocalDate.class), rs.getInt(2),
                        rs.getObject(3, Double.class), rs.getObject(4, Double.class), rs.getObject(5, Double.class),
                        rs.getObject(6, Double.class), rs.getString(7), rs.getObject(8, Double.class),
                        rs.getObject(9, Double.class), rs.getObject(10, Double.class), rs.getString(11)));
    }

    @Override
    public List<CorrelationRow> correlations(UUID portfolioId, LocalDate from, LocalDate to, boolean withPairs) {
        return jdbc.query("""
                        select calculation_date, correlation_data_points, correlation_symbols, correlation_values,
                               overall_correlation, correlation_concentration, correlation_effective_positions,
                               correlation_excluded, correlations_reason, correlation_clusters
                        from portfolio_risk where portfolio_id = :id and calculation_date between :from and :to
                        order by calculation_date""", range(portfolioId, from, to), (rs, i) -> {
                    List<String> symbols = strings(rs, 3);
                    List<Correlations.Pair> pairs = null;
                    if (withPairs) {
                        Double[] values = (Double[]) rs.getArray(4).getArray();
                        pairs = new ArrayList<>();
                        for (int a = 0, k = 0; a < symbols.size(); a++) {
                            for (int b = a + 1; b < symbols.size(); b++) {
                                pairs.add(new Correlations.Pair(symbols.get(a), symbols.get(b), values[k++]));
                            }
                        }
                    }
                    List<Correlations.Cluster> clusters = new ArrayList<>();
                    for (JsonNode c : JSON.readTree(rs.getString(10))) {
                        clusters.add(new Correlations.Cluster(c.get("number").asInt(), c.get("name").asString(),
                                c.get("symbols").valueStream().map(JsonNode::asString).toList(),
                                c.get("grossValue").asDouble()));
                    }
                    return new CorrelationRow(rs.getObject(1, LocalDate.class), rs.getInt(2), symbols, pairs, clusters,
                            rs.getObject(5, Double.class), rs.getObject(6, Double.class), rs.getObject(7, Double.class),
                            rs.getString(8), rs.getString(9));
                });
    }

    @Override
    public List<StressRow> stress(UUID portfolioId, LocalDate from, LocalDate to) {
        List<StressRow> rows = new ArrayList<>();
        jdbc.query("""
                        select calculation_date, stress_results, scenario_version from portfolio_risk
                        where portfolio_id = :id and calculation_date between :from and :to
                        order by calculation_date""", range(portfolioId, from, to), rs -> {
                    LocalDate date = rs.getObject(1, LocalDate.class);
                    for (JsonNode r : JSON.readTree(rs.getString(2))) {
                        Double direct = number(r.get("directPnl")), correlated = number(r.get("correlatedPnl"));
                        Map<String, Double> impacts = new TreeMap<>();
                        r.get("factorImpacts").properties().forEach(e -> impacts.put(e.getKey(), e.getValue().asDouble()));
                        rows.add(new StressRow(date, r.get("scenarioId").asString(), r.get("name").asString(),
                                r.get("category").asString(), direct, correlated,
                                direct == null || correlated == null ? null : correlated - direct,
                                r.get("directCapped").asBoolean(), r.get("correlatedCapped").asBoolean(), impacts,
                                rs.getString(3), r.get("reason").isNull() ? null : r.get("reason").asString()));
                    }
                });
        return rows;
    }

    private static Double number(JsonNode node) {
        return node == null || node.isNull() ? null : node.asDouble();
    }

    @Override
    public List<PositionValuation.Value> positions(UUID portfolioId, LocalDate date) {
        return jdbc.query("""
                        select position_id, symbol, quantity, status, price, price_date, market_value, weight,
                               cost_basis, unrealized_pnl, realized_pnl, note
                        from portfolio_position_value where portfolio_id = :id and calculation_date = :date
                        order by symbol, position_id""",
                new MapSqlParameterSource().addValue("id", portfolioId).addValue("date", date),
                (rs, i) -> new PositionValuation.Value(rs.getObject(1, UUID.class), rs.getString(2), rs.getDouble(3),
                        PositionValuation.Status.valueOf(rs.getString(4)), rs.getObject(5, Double.class),
                        rs.getObject(6, LocalDate.class), rs.getObject(7, Double.class), rs.getObject(8, Double.class),
                        rs.getDouble(9), rs.getObject(10, Double.class), rs.getObject(11, Double.class),
                        rs.getString(12)));
    }

    @Override
    public Optional<LocalDate> latestDate(UUID portfolioId) {
        return Optional.ofNullable(jdbc.queryForObject(
                "select max(calculation_date) from portfolio_risk where portfolio_id = :id",
                new MapSqlParameterSource("id", portfolioId), LocalDate.class));
    }

    private static List<String> strings(ResultSet rs, int column) throws SQLException {
        return new ArrayList<>(Arrays.asList((String[]) rs.getArray(column).getArray()));
    }
}
