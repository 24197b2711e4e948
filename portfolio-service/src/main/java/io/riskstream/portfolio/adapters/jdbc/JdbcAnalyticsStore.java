package io.riskstream.portfolio.adapters.jdbc;

import io.riskstream.portfolio.application.AnalyticsStore;
import io.riskstream.portfolio.domain.Concentration;
import io.riskstream.portfolio.domain.DailySnapshotCalculation;
import io.riskstream.portfolio.domain.FactorExposureCalculation;
import io.riskstream.portfolio.domain.SectorExposure;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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

    @Override
    public void saveSnapshot(UUID portfolioId, DailySnapshotCalculation.Snapshot s, Concentration c,
                             SectorExposure sectors, double factorCoverage, boolean partial) {
        MapSqlParameterSource key = new MapSqlParameterSource().addValue("id", portfolioId).addValue("date", s.date());
        jdbc.update("""
                insert into portfolio_snapshot (portfolio_id, snapshot_date, nav, long_value, short_value, gross_exposure,
                  net_exposure, cash, daily_pnl, daily_realized_pnl, daily_capital_flow, cumulative_pnl,
                  cumulative_realized_pnl, cumulative_capital_flow, daily_return, num_positions, num_long, num_short,
                  unpriced_symbols, price_date, oldest_price_date, price_staleness_days, factor_date, factor_coverage,
                  partial, hhi, effective_positions, top3_weight, top10_weight)
                values (:id, :date, :nav, :long, :short, :gross, :net, :cash, :pnl, :realized, :flow, :cumPnl,
                  :cumRealized, :cumFlow, :ret, :n, :nLong, :nShort, :unpriced, :priceDate, :oldestPriceDate,
                  :staleness, :date, :coverage, :partial, :hhi, :effective, :top3, :top10)
                on conflict (portfolio_id, snapshot_date) do update set nav = excluded.nav,
                  long_value = excluded.long_value, short_value = excluded.short_value,
                  gross_exposure = excluded.gross_exposure, net_exposure = excluded.net_exposure, cash = excluded.cash,
                  daily_pnl = excluded.daily_pnl, daily_realized_pnl = excluded.daily_realized_pnl,
                  daily_capital_flow = excluded.daily_capital_flow, cumulative_pnl = excluded.cumulative_pnl,
                  cumulative_realized_pnl = excluded.cumulative_realized_pnl,
                  cumulative_capital_flow = excluded.cumulative_capital_flow, daily_return = excluded.daily_return,
                  num_positions = excluded.num_positions, num_long = excluded.num_long, num_short = excluded.num_short,
                  unpriced_symbols = excluded.unpriced_symbols, price_date = excluded.price_date,
                  oldest_price_date = excluded.oldest_price_date, price_staleness_days = excluded.price_staleness_days,
                  factor_date = excluded.factor_date, factor_coverage = excluded.factor_coverage,
                  partial = excluded.partial, hhi = excluded.hhi, effective_positions = excluded.effective_positions,
                  top3_weight = excluded.top3_weight, top10_weight = excluded.top10_weight, computed_at = now()""",
                new MapSqlParameterSource(key.getValues()).addValue("nav", BigDecimal.valueOf(s.equity()))
                        .addValue("long", s.longValue()).addValue("short", s.shortValue())
                        .addValue("gross", s.grossExposure()).addValue("net", s.netExposure()).addValue("cash", s.cash())
                        .addValue("pnl", s.dailyPnl()).addValue("realized", s.dailyRealizedPnl())
                        .addValue("flow", s.dailyCapitalFlow()).addValue("cumPnl", s.cumulativePnl())
                        .addValue("cumRealized", s.cumulativeRealizedPnl()).addValue("cumFlow", s.cumulativeCapitalFlow())
                        .addValue("ret", s.dailyReturn()).addValue("n", s.positions()).addValue("nLong", s.longPositions())
                        .addValue("nShort", s.shortPositions()).addValue("unpriced", String.join(",", s.unpriced()))
                        .addValue("priceDate", s.priceDate()).addValue("oldestPriceDate", s.oldestPriceDate())
                        .addValue("staleness", s.priceStalenessDays()).addValue("coverage", factorCoverage)
                        .addValue("partial", partial).addValue("hhi", c.hhi()).addValue("effective", c.effectivePositions())
                        .addValue("top3", c.top3Weight()).addValue("top10", c.top10Weight()));
        // replaced as a whole, so a sector the book left does not linger
        jdbc.update("delete from portfolio_sector_exposure where portfolio_id = :id and snapshot_date = :date", key);
        SqlParameterSource[] rows = sectors.sectors().entrySet().stream().map(e -> new MapSqlParameterSource(key.getValues())
                .addValue("sector", e.getKey()).addValue("mv", e.getValue().marketValue())
                .addValue("weight", e.getValue().weight())).toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate("""
                insert into portfolio_sector_exposure (portfolio_id, snapshot_date, sector, market_value, weight)
                values (:id, :date, :sector, :mv, :weight)""", rows);
    }

    @Override
    public Optional<DailySnapshotCalculation.Previous> previousSnapshot(UUID portfolioId, LocalDate date) {
        return jdbc.query("""
                        select snapshot_date, nav, cumulative_pnl, cumulative_realized_pnl, cumulative_capital_flow
                        from portfolio_snapshot where portfolio_id = :id and snapshot_date < :date
                        order by snapshot_date desc limit 1""",
                new MapSqlParameterSource().addValue("id", portfolioId).addValue("date", date),
                (rs, i) -> new DailySnapshotCalculation.Previous(rs.getObject(1, LocalDate.class),
                        rs.getBigDecimal(2).doubleValue(), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5)))
                .stream().findFirst();
    }

    @Override
    public List<LocalDate> snapshotDatesAfter(UUID portfolioId, LocalDate date) {
        return jdbc.queryForList("""
                        select snapshot_date from portfolio_snapshot where portfolio_id = :id and snapshot_date > :date
                        order by snapshot_date""",
                new MapSqlParameterSource().addValue("id", portfolioId).addValue("date", date), LocalDate.class);
    }

    @Override
    public List<StoredSnapshot> snapshots(UUID portfolioId, LocalDate from, LocalDate to) {
        return jdbc.query("""
                        select snapshot_date, nav, long_value, short_value, gross_exposure, net_exposure, cash, daily_pnl,
                          daily_realized_pnl, daily_capital_flow, cumulative_pnl, cumulative_realized_pnl,
                          cumulative_capital_flow, daily_return, num_positions, num_long, num_short, unpriced_symbols,
                          price_date, oldest_price_date, price_staleness_days, factor_date, factor_coverage, partial,
                          hhi, effective_positions, top3_weight, top10_weight
                        from portfolio_snapshot where portfolio_id = :id and snapshot_date between :from and :to
                        order by snapshot_date""",
                new MapSqlParameterSource().addValue("id", portfolioId).addValue("from", from).addValue("to", to),
                (rs, i) -> new StoredSnapshot(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2), rs.getDouble(3),
                        rs.getDouble(4), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8),
                        rs.getDouble(9), rs.getDouble(10), rs.getDouble(11), rs.getDouble(12), rs.getDouble(13),
                        rs.getDouble(14), rs.getInt(15), rs.getInt(16), rs.getInt(17),
                        rs.getString(18).isEmpty() ? List.of() : Arrays.asList(rs.getString(18).split(",")),
                        rs.getObject(19, LocalDate.class), rs.getObject(20, LocalDate.class), rs.getInt(21),
                        rs.getObject(22, LocalDate.class), rs.getDouble(23), rs.getBoolean(24),
                        new Concentration(rs.getDouble(25), rs.getObject(26, Double.class), rs.getDouble(27),
                                rs.getDouble(28))));
    }

    @Override
    public Map<String, SectorExposure.Bucket> sectors(UUID portfolioId, LocalDate date) {
        Map<String, SectorExposure.Bucket> sectors = new LinkedHashMap<>();
        jdbc.query("""
                        select sector, market_value, weight from portfolio_sector_exposure
                        where portfolio_id = :id and snapshot_date = :date order by weight desc, sector""",
                new MapSqlParameterSource().addValue("id", portfolioId).addValue("date", date), rs -> {
                    sectors.put(rs.getString(1), new SectorExposure.Bucket(rs.getDouble(2), rs.getDouble(3)));
                });
        return sectors;
    }

    @Override
    public Optional<LocalDate> latestSnapshotDate(UUID portfolioId) {
        return Optional.ofNullable(jdbc.queryForObject(
                "select max(snapshot_date) from portfolio_snapshot where portfolio_id = :id",
                new MapSqlParameterSource("id", portfolioId), LocalDate.class));
    }
}
