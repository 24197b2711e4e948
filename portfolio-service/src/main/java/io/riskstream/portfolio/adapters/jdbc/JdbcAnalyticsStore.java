package io.riskstream.portfolio.adapters.jdbc;

import io.riskstream.portfolio.application.AnalyticsStore;
import io.riskstream.portfolio.domain.Concentration;
import io.riskstream.portfolio.domain.DailySnapshotCalculation;
import io.riskstream.portfolio.domain.SectorExposure;
import io.riskstream.portfolio.domain.ValuedDate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

public class JdbcAnalyticsStore implements AnalyticsStore {

    private final NamedParameterJdbcTemplate jdbc;
    private final RiskRows risk;

    public JdbcAnalyticsStore(NamedParameterJdbcTemplate jdbc) {
        this(jdbc, new RiskRows());
    }

    /** With {@code risk} null the risk rows are not written: only for measuring what they cost. */
    JdbcAnalyticsStore(NamedParameterJdbcTemplate jdbc, RiskRows risk) {
        this.jdbc = jdbc;
        this.risk = risk;
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
    public List<StoredAnalytics> series(UUID portfolioId, LocalDate from, LocalDate to) {
        MapSqlParameterSource range = new MapSqlParameterSource().addValue("id", portfolioId).addValue("from", from)
                .addValue("to", to);
        Map<LocalDate, Map<String, double[]>> factors = new TreeMap<>();
        jdbc.query("""
                        select calculation_date, factor, exposure, dollar from portfolio_factor_exposure
                        where portfolio_id = :id and calculation_date between :from and :to""", range,
                r -> {
                    factors.computeIfAbsent(r.getObject(1, LocalDate.class), d -> new TreeMap<>())
                            .put(r.getString(2), new double[]{r.getDouble(3), r.getDouble(4)});
                });
        return jdbc.query("""
                        select calculation_date, price_date, nav, coverage, partial from portfolio_analytics
                        where portfolio_id = :id and calculation_date between :from and :to
                        order by calculation_date""", range,
                (rs, i) -> {
                    LocalDate date = rs.getObject(1, LocalDate.class);
                    return new StoredAnalytics(portfolioId, date, rs.getObject(2, LocalDate.class),
                            rs.getBigDecimal(3), rs.getDouble(4), rs.getBoolean(5),
                            factors.getOrDefault(date, Map.of()));
                });
    }

    @Override
    public List<PortfolioSummary> summaries(long offset, int limit) {
        return jdbc.query("""
                        select p.id, p.name, p.currency, p.equity, a.calculation_date, a.nav, a.coverage, a.partial
                        from portfolio p
                        left join lateral (select calculation_date, nav, coverage, partial from portfolio_analytics
                                           where portfolio_id = p.id order by calculation_date desc limit 1) a on true
                        order by p.name, p.id offset :offset limit :limit""",
                new MapSqlParameterSource().addValue("offset", offset).addValue("limit", limit),
                (rs, i) -> new PortfolioSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getObject(5, LocalDate.class), rs.getBigDecimal(6),
                        rs.getObject(7, Double.class), rs.getObject(8, Boolean.class)));
    }

    @Override
    public long portfolioCount() {
        Long count = jdbc.queryForObject("select count(*) from portfolio", new MapSqlParameterSource(), Long.class);
        return count == null ? 0 : count;
    }

    @Override
    public void saveAll(UUID portfolioId, List<ValuedDate> dates) {
        if (dates.isEmpty()) {
            return;
        }
        String[] days = dates.stream().map(d -> d.date().toString()).toArray(String[]::new);
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("id", portfolioId).addValue("dates", days)
                // NUMERIC columns get the rounded decimal text, the same value the next date rolls forward from
                .addValue("navs", dates.stream().map(d -> ValuedDate.storedNav(d.snapshot().equity()).toPlainString())
                        .toArray(String[]::new))
                .addValue("priceDates", dates.stream().map(d -> text(d.exposures().priceDate())).toArray(String[]::new))
                .addValue("gross", doubles(dates, d -> d.exposures().grossExposure()))
                .addValue("net", doubles(dates, d -> d.exposures().netExposure()))
                .addValue("coverage", doubles(dates, d -> d.exposures().coverage()))
                .addValue("partial", dates.stream().map(ValuedDate::partial).toArray(Boolean[]::new));
        // one statement for every table: each part a CTE, the whole run to completion whatever the main query reads
        StringBuilder sql = new StringBuilder("""
                with analytics as (insert into portfolio_analytics (portfolio_id, calculation_date, price_date, nav, gross_exposure,
                                                 net_exposure, coverage, partial)
                select :id, d, pd, n, g, ne, c, pa
                from unnest(cast(cast(:dates as varchar[]) as date[]), cast(cast(:priceDates as varchar[]) as date[]),
                            cast(cast(:navs as varchar[]) as numeric[]), cast(:gross as float8[]),
                            cast(:net as float8[]), cast(:coverage as float8[]), cast(:partial as boolean[]))
                     as t(d, pd, n, g, ne, c, pa)
                on conflict (portfolio_id, calculation_date) do update set price_date = excluded.price_date,
                  nav = excluded.nav, gross_exposure = excluded.gross_exposure, net_exposure = excluded.net_exposure,
                  coverage = excluded.coverage, partial = excluded.partial, computed_at = now())""");
        // each date's factor and sector rows are replaced as a whole, so a factor or sector that left does not linger
        replaceNamedRows(sql, "factors", "portfolio_factor_exposure", "calculation_date", "factor", "exposure",
                "dollar", p, dates, d -> d.exposures().factors().entrySet().stream()
                        .map(e -> new NamedRow(e.getKey(), e.getValue()[0], e.getValue()[1])).toList());
        saveSnapshots(sql, dates, p);
        if (risk != null) {
            risk.save(sql, dates, p);
        }
        jdbc.queryForObject(sql.append(" select 1").toString(), p, Integer.class);
    }

    private void saveSnapshots(StringBuilder sql, List<ValuedDate> dates, MapSqlParameterSource p) {
        p.addValue("long", doubles(dates, d -> d.snapshot().longValue()))
                .addValue("short", doubles(dates, d -> d.snapshot().shortValue()))
                .addValue("sGross", doubles(dates, d -> d.snapshot().grossExposure()))
                .addValue("sNet", doubles(dates, d -> d.snapshot().netExposure()))
                .addValue("cash", doubles(dates, d -> d.snapshot().cash()))
                .addValue("pnl", doubles(dates, d -> d.snapshot().dailyPnl()))
                .addValue("realized", doubles(dates, d -> d.snapshot().dailyRealizedPnl()))
                .addValue("flow", doubles(dates, d -> d.snapshot().dailyCapitalFlow()))
                .addValue("cumPnl", doubles(dates, d -> d.snapshot().cumulativePnl()))
                .addValue("cumRealized", doubles(dates, d -> d.snapshot().cumulativeRealizedPnl()))
                .addValue("cumFlow", doubles(dates, d -> d.snapshot().cumulativeCapitalFlow()))
                .addValue("ret", doubles(dates, d -> d.snapshot().dailyReturn()))
                .addValue("n", ints(dates, d -> d.snapshot().positions()))
                .addValue("nLong", ints(dates, d -> d.snapshot().longPositions()))
                .addValue("nShort", ints(dates, d -> d.snapshot().shortPositions()))
                .addValue("unpriced", dates.stream().map(d -> String.join(",", d.snapshot().unpriced())).toArray(String[]::new))
                .addValue("sPriceDates", dates.stream().map(d -> text(d.snapshot().priceDate())).toArray(String[]::new))
                .addValue("oldest", dates.stream().map(d -> text(d.snapshot().oldestPriceDate())).toArray(String[]::new))
                .addValue("staleness", ints(dates, d -> d.snapshot().priceStalenessDays()))
                .addValue("hhi", doubles(dates, d -> d.concentration().hhi()))
                .addValue("effective", dates.stream().map(d -> d.concentration().effectivePositions()).toArray(Double[]::new))
                .addValue("top3", doubles(dates, d -> d.concentration().top3Weight()))
                .addValue("top10", doubles(dates, d -> d.concentration().top10Weight()));
        sql.append("""
                , snapshots as (insert into portfolio_snapshot (portfolio_id, snapshot_date, nav, long_value, short_value, gross_exposure,
                  net_exposure, cash, daily_pnl, daily_realized_pnl, daily_capital_flow, cumulative_pnl,
                  cumulative_realized_pnl, cumulative_capital_flow, daily_return, num_positions, num_long, num_short,
                  unpriced_symbols, price_date, oldest_price_date, price_staleness_days, factor_date, factor_coverage,
                  partial, hhi, effective_positions, top3_weight, top10_weight)
                select :id, d, n, lv, sv, g, ne, ca, pn, re, fl, cp, cr, cf, rt, np, nl, ns, un, pd, od, st, d, co, pa,
                       h, ef, t3, t10
                from unnest(cast(cast(:dates as varchar[]) as date[]), cast(cast(:navs as varchar[]) as numeric[]),
                            cast(:long as float8[]), cast(:short as float8[]), cast(:sGross as float8[]),
                            cast(:sNet as float8[]), cast(:cash as float8[]), cast(:pnl as float8[]),
                            cast(:realized as float8[]), cast(:flow as float8[]), cast(:cumPnl as float8[]),
                            cast(:cumRealized as float8[]), cast(:cumFlow as float8[]), cast(:ret as float8[]),
                            cast(:n as int[]), cast(:nLong as int[]), cast(:nShort as int[]), cast(:unpriced as varchar[]),
                            cast(cast(:sPriceDates as varchar[]) as date[]), cast(cast(:oldest as varchar[]) as date[]),
                            cast(:staleness as int[]), cast(:coverage as float8[]), cast(:partial as boolean[]),
                            cast(:hhi as float8[]), cast(:effective as float8[]), cast(:top3 as float8[]),
                            cast(:top10 as float8[]))
                     as t(d, n, lv, sv, g, ne, ca, pn, re, fl, cp, cr, cf, rt, np, nl, ns, un, pd, od, st, co, pa, h, ef,
                          t3, t10)
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
                  top3_weight = excluded.top3_weight, top10_weight = excluded.top10_weight, computed_at = now())""");
        replaceNamedRows(sql, "sectors", "portfolio_sector_exposure", "snapshot_date", "sector", "market_value",
                "weight", p, dates, d -> d.sectors().sectors().entrySet().stream()
                        .map(e -> new NamedRow(e.getKey(), e.getValue().marketValue(), e.getValue().weight())).toList());
    }

    /** A child row of a (portfolio, date): a factor's exposure and dollar value, or a sector's value and weight. */
    private record NamedRow(String name, double first, double second) {
    }

    /**
     * Appends to {@code sql} the CTEs that delete the dates' rows of {@code table} and insert {@code rows} of each date
     * (column arrays, parameters named after {@code name}); the insert waits for the delete (it reads its count),
     * which would otherwise run after it. {@code p} carries the portfolio id and the dates.
     */
    private static void replaceNamedRows(StringBuilder sql, String name, String table, String dateColumn,
                                         String nameColumn, String firstColumn, String secondColumn,
                                         MapSqlParameterSource p, List<ValuedDate> dates,
                                         Function<ValuedDate, List<NamedRow>> rows) {
        List<String> days = new ArrayList<>(), names = new ArrayList<>();
        List<Double> firsts = new ArrayList<>(), seconds = new ArrayList<>();
        for (ValuedDate d : dates) {
            for (NamedRow row : rows.apply(d)) {
                days.add(d.date().toString());
                names.add(row.name());
                firsts.add(row.first());
                seconds.add(row.second());
            }
        }
        p.addValue(name + "Days", days.toArray(String[]::new)).addValue(name + "Names", names.toArray(String[]::new))
                .addValue(name + "Firsts", firsts.toArray(Double[]::new))
                .addValue(name + "Seconds", seconds.toArray(Double[]::new));
        sql.append(", ").append(name).append("Gone as (delete from ").append(table)
                .append(" where portfolio_id = :id and ").append(dateColumn)
                .append(" = any(cast(cast(:dates as varchar[]) as date[])) returning 1), ")
                .append(name).append(" as (insert into ").append(table).append(" (portfolio_id, ").append(dateColumn)
                .append(", ").append(nameColumn).append(", ").append(firstColumn).append(", ").append(secondColumn)
                .append(") select :id, d, n, a, b from unnest(cast(cast(:").append(name)
                .append("Days as varchar[]) as date[]), cast(:").append(name).append("Names as varchar[]), cast(:")
                .append(name).append("Firsts as float8[]), cast(:").append(name)
                .append("Seconds as float8[])) as t(d, n, a, b) where (select count(*) from ").append(name)
                .append("Gone) >= 0)");
    }

    private static Double[] doubles(List<ValuedDate> dates, java.util.function.ToDoubleFunction<ValuedDate> f) {
        return dates.stream().map(d -> f.applyAsDouble(d)).toArray(Double[]::new);
    }

    private static Integer[] ints(List<ValuedDate> dates, java.util.function.ToIntFunction<ValuedDate> f) {
        return dates.stream().map(d -> f.applyAsInt(d)).toArray(Integer[]::new);
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    @Override
    public Map<LocalDate, DailySnapshotCalculation.Previous> rollingBases(UUID portfolioId, LocalDate first,
                                                                        LocalDate last) {
        Map<LocalDate, DailySnapshotCalculation.Previous> bases = new TreeMap<>();
        jdbc.query("""
                        select snapshot_date, nav, cumulative_pnl, cumulative_realized_pnl, cumulative_capital_flow
                        from portfolio_snapshot where portfolio_id = :id and snapshot_date < :last
                        and snapshot_date >= coalesce((select max(snapshot_date) from portfolio_snapshot
                                                       where portfolio_id = :id and snapshot_date < :first), :first)""",
                new MapSqlParameterSource().addValue("id", portfolioId).addValue("first", first).addValue("last", last),
                rs -> {
                    LocalDate date = rs.getObject(1, LocalDate.class);
                    bases.put(date, new DailySnapshotCalculation.Previous(date, rs.getBigDecimal(2).doubleValue(),
                            rs.getDouble(3), rs.getDouble(4), rs.getDouble(5)));
                });
        return bases;
    }

    @Override
    public Map<UUID, List<LocalDate>> computedDates(java.util.Collection<UUID> portfolioIds, LocalDate from,
                                                    LocalDate to) {
        Map<UUID, List<LocalDate>> dates = new TreeMap<>();
        if (portfolioIds != null && portfolioIds.isEmpty()) {
            return dates;
        }
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("from", from).addValue("to", to)
                .addValue("ids", portfolioIds == null ? null : portfolioIds.toArray(UUID[]::new));
        jdbc.query("select portfolio_id, snapshot_date from portfolio_snapshot where snapshot_date between :from and :to"
                        + (portfolioIds == null ? "" : " and portfolio_id = any(cast(:ids as uuid[]))")
                        + " order by portfolio_id, snapshot_date", p,
                rs -> {
                    dates.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(rs.getObject(2, LocalDate.class));
                });
        return dates;
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
