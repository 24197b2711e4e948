package io.riskstream.portfolio.adapters.jdbc;

import io.riskstream.portfolio.application.AnalyticsStore;
import io.riskstream.portfolio.domain.FactorExposureCalculation;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

public class JdbcAnalyticsStore implements AnalyticsStore {

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcAnalyticsStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(UUID portfolioId, BigDecimal nav, boolean partial, FactorExposureCalculation.Result result) {
        MapSqlParameterSource key = new MapSqlParameterSource().addValue("id", portfolioId).addValue("date", result.date());
        jdbc.update("""
                insert into portfolio_analytics (portfolio_id, calculation_date, price_date, nav, gross_exposure,
                                                 net_exposure, coverage, partial)
                values (:id, :date, :priceDate, :nav, :gross, :net, :coverage, :partial)
                on conflict (portfolio_id, calculation_date) do update set price_date = excluded.price_date,
                  nav = excluded.nav, gross_exposure = excluded.gross_exposure, net_exposure = excluded.net_exposure,
                  coverage = excluded.coverage, partial = excluded.partial, computed_at = now()""",
                new MapSqlParameterSource(key.getValues()).addValue("priceDate", result.priceDate()).addValue("nav", nav)
                        .addValue("gross", result.grossExposure()).addValue("net", result.netExposure())
                        .addValue("coverage", result.coverage()).addValue("partial", partial));
        // the date's factor rows are replaced as a whole, so a factor that disappeared does not linger
        jdbc.update("delete from portfolio_factor_exposure where portfolio_id = :id and calculation_date = :date", key);
        SqlParameterSource[] rows = result.factors().entrySet().stream().map(e -> new MapSqlParameterSource(key.getValues())
                .addValue("factor", e.getKey()).addValue("exposure", e.getValue()[0]).addValue("dollar", e.getValue()[1]))
                .toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate("""
                insert into portfolio_factor_exposure (portfolio_id, calculation_date, factor, exposure, dollar)
                values (:id, :date, :factor, :exposure, :dollar)""", rows);
    }

    @Override
    public Optional<StoredAnalytics> find(UUID portfolioId, LocalDate date) {
        MapSqlParameterSource key = new MapSqlParameterSource().addValue("id", portfolioId).addValue("date", date);
        return jdbc.query("""
                        select price_date, nav, coverage, partial from portfolio_analytics
                        where portfolio_id = :id and calculation_date = :date""", key,
                (rs, i) -> {
                    Map<String, double[]> factors = new TreeMap<>();
                    jdbc.query("""
                                    select factor, exposure, dollar from portfolio_factor_exposure
                                    where portfolio_id = :id and calculation_date = :date""", key,
                            r -> {
                                factors.put(r.getString(1), new double[]{r.getDouble(2), r.getDouble(3)});
                            });
                    return new StoredAnalytics(portfolioId, date, rs.getObject(1, LocalDate.class), rs.getBigDecimal(2),
                            rs.getDouble(3), rs.getBoolean(4), factors);
                }).stream().findFirst();
    }

    @Override
    public Optional<StoredAnalytics> latest(UUID portfolioId) {
        LocalDate date = jdbc.queryForObject("select max(calculation_date) from portfolio_analytics where portfolio_id = :id",
                new MapSqlParameterSource("id", portfolioId), LocalDate.class);
        return date == null ? Optional.empty() : find(portfolioId, date);
    }
}
