package io.riskstream.factor.adapters.jdbc;

import io.riskstream.common.event.FactorsReady.DatedExposures;
import io.riskstream.common.event.FactorsReady.FactorValue;
import io.riskstream.factor.application.ExposureStore;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

public class JdbcExposureStore implements ExposureStore {

    private static final long PENDING_LOCK = 0x5253504e44494e47L; // "RSPNDING"
    /*
     * One statement per symbol: the values travel as column arrays, are unnested server-side and gathered into one row
     * per date, factors in name order (a JDBC batch of ~3,000 single-row inserts, and later one row per factor, cost
     * most of an onboarding's database time). An event may carry only some factors of a date (a provider beta on its
     * own), so a stored date is merged factor by factor: the given factors replace theirs, the others stay; nothing is
     * rewritten when no value changes, so a replay changes nothing.
     */
    private static final String UPSERT = """
            insert into symbol_date_exposures as s (symbol, calculation_date, factors, betas, alphas, r_squared,
                                                    std_errors, t_stats, p_values, observations)
            select :symbol, d, array_agg(f order by f), array_agg(b order by f), array_agg(a order by f),
                   array_agg(r order by f), array_agg(se order by f), array_agg(ts order by f), array_agg(p order by f),
                   array_agg(o order by f)
            from unnest(cast(cast(:dates as varchar[]) as date[]), cast(:factors as varchar[]), cast(:betas as float8[]),
                        cast(:alphas as float8[]), cast(:rSquared as float8[]), cast(:stdErrors as float8[]),
                        cast(:tStats as float8[]), cast(:pValues as float8[]), cast(:observations as int[]))
                 as u(d, f, b, a, r, se, ts, p, o)
            group by d
            on conflict (symbol, calculation_date) do update set
              (factors, betas, alphas, r_squared, std_errors, t_stats, p_values, observations, computed_at) = (
                select array_agg(f order by f), array_agg(b order by f), array_agg(a order by f),
                       array_agg(r order by f), array_agg(se order by f), array_agg(ts order by f),
                       array_agg(p order by f), array_agg(o order by f), now()
                from (select * from unnest(excluded.factors, excluded.betas, excluded.alphas, excluded.r_squared,
                                           excluded.std_errors, excluded.t_stats, excluded.p_values,
                                           excluded.observations) as n(f, b, a, r, se, ts, p, o)
                      union all
                      select * from unnest(s.factors, s.betas, s.alphas, s.r_squared, s.std_errors, s.t_stats,
                                           s.p_values, s.observations) as kept(f, b, a, r, se, ts, p, o)
                      where f <> all(excluded.factors)) as merged)
            where exists (
              select 1 from unnest(excluded.factors, excluded.betas, excluded.alphas, excluded.r_squared,
                                   excluded.std_errors, excluded.t_stats, excluded.p_values, excluded.observations)
                            as n(f, b, a, r, se, ts, p, o)
              left join unnest(s.factors, s.betas, s.alphas, s.r_squared, s.std_errors, s.t_stats, s.p_values,
                               s.observations) as old(f, b, a, r, se, ts, p, o) on old.f = n.f
              where old.f is null
                 or (old.b, old.a, old.r, old.se, old.ts, old.p, old.o)
                    is distinct from (n.b, n.a, n.r, n.se, n.ts, n.p, n.o))""";

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcExposureStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void upsert(String symbol, List<DatedExposures> exposures) {
        int n = exposures.stream().mapToInt(d -> d.factors().size()).sum();
        if (n == 0) {
            return;
        }
        String[] dates = new String[n], factors = new String[n];
        Double[] betas = new Double[n], alphas = new Double[n], rSquared = new Double[n], stdErrors = new Double[n],
                tStats = new Double[n], pValues = new Double[n];
        Integer[] observations = new Integer[n];
        int i = 0;
        for (DatedExposures dated : exposures) {
            for (Map.Entry<String, FactorValue> e : dated.factors().entrySet()) {
                FactorValue v = e.getValue();
                dates[i] = dated.calculationDate().toString();
                factors[i] = e.getKey();
                betas[i] = v.beta();
                alphas[i] = v.alpha();
                rSquared[i] = v.rSquared();
                stdErrors[i] = v.stdError();
                tStats[i] = v.tStat();
                pValues[i] = v.pValue();
                observations[i] = v.observations();
                i++;
            }
        }
        jdbc.update(UPSERT, new MapSqlParameterSource("symbol", symbol).addValue("dates", dates)
                .addValue("factors", factors).addValue("betas", betas).addValue("alphas", alphas)
                .addValue("rSquared", rSquared).addValue("stdErrors", stdErrors).addValue("tStats", tStats)
                .addValue("pValues", pValues).addValue("observations", observations));
    }

    @Override
    public Optional<DatedExposures> find(String symbol, LocalDate date) {
        return jdbc.query("select * from symbol_date_exposures where symbol = :symbol and calculation_date = :date",
                new MapSqlParameterSource().addValue("symbol", symbol).addValue("date", date),
                (rs, n) -> dated(rs)).stream().findFirst();
    }

    @Override
    public Optional<DatedExposures> latest(String symbol) {
        return jdbc.query("select * from symbol_date_exposures where symbol = :symbol order by calculation_date desc "
                + "limit 1", new MapSqlParameterSource("symbol", symbol), (rs, n) -> dated(rs)).stream().findFirst();
    }

    @Override
    public void setProviderBeta(String symbol, Double beta) {
        jdbc.update("""
                insert into provider_beta (symbol, beta) values (:symbol, :beta)
                on conflict (symbol) do update set beta = excluded.beta, updated_at = now()""",
                new MapSqlParameterSource().addValue("symbol", symbol).addValue("beta", beta));
    }

    @Override
    public List<LocalDate> calculationDates(String symbol) {
        return jdbc.queryForList("select calculation_date from symbol_date_exposures where symbol = :symbol order by 1",
                new MapSqlParameterSource("symbol", symbol), LocalDate.class);
    }

    @Override
    public void deleteFactor(String symbol, String factor) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("symbol", symbol).addValue("factor", factor);
        // a date left without factors goes; the others lose that factor's entry in every array
        jdbc.update("delete from symbol_date_exposures where symbol = :symbol and factors = array[cast(:factor as varchar)]",
                params);
        jdbc.update("""
                update symbol_date_exposures s set
                  (factors, betas, alphas, r_squared, std_errors, t_stats, p_values, observations, computed_at) = (
                    select array_agg(f order by f), array_agg(b order by f), array_agg(a order by f),
                           array_agg(r order by f), array_agg(se order by f), array_agg(ts order by f),
                           array_agg(p order by f), array_agg(o order by f), now()
                    from unnest(s.factors, s.betas, s.alphas, s.r_squared, s.std_errors, s.t_stats, s.p_values,
                                s.observations) as kept(f, b, a, r, se, ts, p, o)
                    where f <> :factor)
                where symbol = :symbol and :factor = any(factors)""", params);
    }

    @Override
    public Optional<Double> providerBeta(String symbol) {
        return jdbc.queryForList("select beta from provider_beta where symbol = :symbol and beta is not null",
                new MapSqlParameterSource("symbol", symbol), Double.class).stream().findFirst();
    }

    @Override
    public Map<String, Double> providerBetas(Collection<String> symbols) {
        Map<String, Double> betas = new java.util.HashMap<>();
        jdbc.query("select symbol, beta from provider_beta where symbol = any(cast(:symbols as varchar[])) "
                        + "and beta is not null", new MapSqlParameterSource("symbols", symbols.toArray(String[]::new)),
                rs -> {
                    betas.put(rs.getString(1), rs.getDouble(2));
                });
        return betas;
    }

    @Override
    public void lockSymbols(List<String> symbols) {
        if (symbols.isEmpty()) {
            return;
        }
        // one round trip; a function scan of unnest takes the locks in the array's order
        jdbc.queryForObject("select count(pg_advisory_xact_lock(1, hashtext(s))) from unnest(cast(:symbols as varchar[])) "
                + "as u(s)", new MapSqlParameterSource("symbols", symbols.toArray(String[]::new)), Long.class);
    }

    @Override
    public void lockSymbol(String symbol) {
        // two-key form: namespace 1 for symbols, so a symbol's hash never collides with the pending lock
        jdbc.getJdbcTemplate().queryForObject("select pg_advisory_xact_lock(1, hashtext(?))::text", String.class, symbol);
    }

    @Override
    public void lockPending() {
        jdbc.getJdbcTemplate().queryForObject("select pg_advisory_xact_lock(?)::text", String.class, PENDING_LOCK);
    }

    @Override
    public void addPending(String symbol, Collection<LocalDate> dates) {
        SqlParameterSource[] rows = dates.stream().map(d -> new MapSqlParameterSource().addValue("symbol", symbol)
                .addValue("date", d)).toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate("insert into pending_calculation (symbol, calculation_date) values (:symbol, :date) "
                + "on conflict do nothing", rows);
    }

    @Override
    public Map<String, List<LocalDate>> takePending(LocalDate coverage) {
        Map<String, List<LocalDate>> pending = new TreeMap<>();
        jdbc.query("delete from pending_calculation where calculation_date <= :coverage returning symbol, calculation_date",
                new MapSqlParameterSource("coverage", coverage),
                rs -> {
                    pending.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getObject(2, LocalDate.class));
                });
        return pending;
    }

    private static DatedExposures dated(ResultSet rs) throws SQLException {
        String[] factors = (String[]) rs.getArray("factors").getArray();
        Double[] betas = (Double[]) rs.getArray("betas").getArray();
        Double[] alphas = (Double[]) rs.getArray("alphas").getArray();
        Double[] rSquared = (Double[]) rs.getArray("r_squared").getArray();
        Double[] stdErrors = (Double[]) rs.getArray("std_errors").getArray();
        Double[] tStats = (Double[]) rs.getArray("t_stats").getArray();
        Double[] pValues = (Double[]) rs.getArray("p_values").getArray();
        Integer[] observations = (Integer[]) rs.getArray("observations").getArray();
        Map<String, FactorValue> byFactor = new LinkedHashMap<>();
        for (int i = 0; i < factors.length; i++) {
            byFactor.put(factors[i], new FactorValue(betas[i], alphas[i], rSquared[i], stdErrors[i], tStats[i],
                    pValues[i], observations[i]));
        }
        return new DatedExposures(rs.getObject("calculation_date", LocalDate.class), byFactor);
    }
}
