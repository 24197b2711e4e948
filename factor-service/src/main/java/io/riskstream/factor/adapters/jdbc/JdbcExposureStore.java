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
     * One statement per symbol: the rows travel as column arrays and unnest server-side. A JDBC batch of ~3,000
     * single-row inserts (252 dates × 12 factors) cost most of an onboarding's database time.
     */
    private static final String UPSERT = """
            insert into symbol_exposure (symbol, calculation_date, factor, beta, alpha, r_squared, std_error, t_stat,
                                         p_value, observations)
            select :symbol, d, f, b, a, r, se, ts, p, o
            from unnest(cast(cast(:dates as varchar[]) as date[]), cast(:factors as varchar[]), cast(:betas as float8[]),
                        cast(:alphas as float8[]), cast(:rSquared as float8[]), cast(:stdErrors as float8[]),
                        cast(:tStats as float8[]), cast(:pValues as float8[]), cast(:observations as int[]))
                 as u(d, f, b, a, r, se, ts, p, o)
            on conflict (symbol, calculation_date, factor) do update set
              beta = excluded.beta, alpha = excluded.alpha, r_squared = excluded.r_squared,
              std_error = excluded.std_error, t_stat = excluded.t_stat, p_value = excluded.p_value,
              observations = excluded.observations, computed_at = now()
            where (symbol_exposure.beta, symbol_exposure.alpha, symbol_exposure.r_squared, symbol_exposure.std_error,
                   symbol_exposure.t_stat, symbol_exposure.p_value, symbol_exposure.observations)
                  is distinct from (excluded.beta, excluded.alpha, excluded.r_squared, excluded.std_error,
                   excluded.t_stat, excluded.p_value, excluded.observations)""";

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
        Map<String, FactorValue> factors = new LinkedHashMap<>();
        jdbc.query("select * from symbol_exposure where symbol = :symbol and calculation_date = :date order by factor",
                new MapSqlParameterSource().addValue("symbol", symbol).addValue("date", date),
                rs -> {
                    factors.put(rs.getString("factor"), value(rs));
                });
        return factors.isEmpty() ? Optional.empty() : Optional.of(new DatedExposures(date, factors));
    }

    @Override
    public Optional<DatedExposures> latest(String symbol) {
        LocalDate date = jdbc.queryForObject("select max(calculation_date) from symbol_exposure where symbol = :symbol",
                new MapSqlParameterSource("symbol", symbol), LocalDate.class);
        return date == null ? Optional.empty() : find(symbol, date);
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
        return jdbc.queryForList("select distinct calculation_date from symbol_exposure where symbol = :symbol "
                + "order by 1", new MapSqlParameterSource("symbol", symbol), LocalDate.class);
    }

    @Override
    public void deleteFactor(String symbol, String factor) {
        jdbc.update("delete from symbol_exposure where symbol = :symbol and factor = :factor",
                new MapSqlParameterSource().addValue("symbol", symbol).addValue("factor", factor));
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

    private static FactorValue value(ResultSet rs) throws SQLException {
        return new FactorValue(rs.getDouble("beta"), (Double) rs.getObject("alpha", Double.class),
                (Double) rs.getObject("r_squared", Double.class), (Double) rs.getObject("std_error", Double.class),
                (Double) rs.getObject("t_stat", Double.class), (Double) rs.getObject("p_value", Double.class),
                (Integer) rs.getObject("observations", Integer.class));
    }
}
