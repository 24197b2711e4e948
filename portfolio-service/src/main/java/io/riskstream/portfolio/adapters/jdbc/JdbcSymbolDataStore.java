package io.riskstream.portfolio.adapters.jdbc;

import io.riskstream.common.event.FactorsReady.DatedExposures;
import io.riskstream.common.event.PriceBar;
import io.riskstream.portfolio.application.SymbolDataStore;
import io.riskstream.portfolio.domain.BetasByDate;
import io.riskstream.portfolio.domain.CloseHistory;
import io.riskstream.portfolio.domain.SymbolArrivals;
import io.riskstream.portfolio.domain.risk.PriceHistories;
import io.riskstream.portfolio.domain.risk.SnapshotBetas;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

public class JdbcSymbolDataStore implements SymbolDataStore {

    /** Symbols whose return histories are kept between drains (about 400 closes each: some 30 MB at most). */
    private static final int CACHED_SYMBOLS = 5_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final AdjustedCloseCache cache = new AdjustedCloseCache(CACHED_SYMBOLS);

    public JdbcSymbolDataStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<LocalDate> savePrices(String symbol, List<PriceBar> bars) {
        // valuation uses the traded close; sources without it (adjusted-only data) fall back to the adjusted close;
        // returns (volatility, correlations, stress) use the adjusted close
        String[] dates = bars.stream().map(b -> b.date().toString()).toArray(String[]::new);
        Double[] closes = bars.stream().map(b -> b.close() != null ? b.close() : b.adjClose()).toArray(Double[]::new);
        Double[] adjusted = bars.stream().map(PriceBar::adjClose).toArray(Double[]::new);
        // one statement for the whole history; RETURNING tells which rows really changed, so a redelivery is free;
        // a change bumps the symbol's price version in the same statement (the drain's history cache checks it)
        LocalDate earliest = jdbc.queryForObject("""
                with changed as (
                  insert into symbol_price (symbol, trade_date, close, adj_close)
                  select :symbol, d, c, a from unnest(cast(cast(:dates as varchar[]) as date[]), cast(:closes as float8[]),
                                                      cast(:adjusted as float8[])) as t(d, c, a)
                  on conflict (symbol, trade_date) do update set close = excluded.close, adj_close = excluded.adj_close
                  where symbol_price.close is distinct from excluded.close
                     or symbol_price.adj_close is distinct from excluded.adj_close
                  returning trade_date),
                bumped as (
                  insert into symbol_price_version (symbol, version)
                  select :symbol, cast(:version as uuid) where exists (select 1 from changed)
                  on conflict (symbol) do update set version = excluded.version)
                select min(trade_date) from changed""", new MapSqlParameterSource("symbol", symbol)
                .addValue("dates", dates).addValue("closes", closes).addValue("adjusted", adjusted)
                .addValue("version", UUID.randomUUID()), LocalDate.class);
        return Optional.ofNullable(earliest);
    }

    @Override
    public void saveFactors(String symbol, List<DatedExposures> exposures) {
        List<String> dates = new ArrayList<>();
        List<String> factors = new ArrayList<>();
        List<Double> betas = new ArrayList<>(), rSquared = new ArrayList<>();
        List<Integer> observations = new ArrayList<>();
        for (DatedExposures dated : exposures) {
            dated.factors().forEach((factor, value) -> {
                dates.add(dated.calculationDate().toString());
                factors.add(factor);
                betas.add(value.beta());
                rSquared.add(value.rSquared());
                observations.add(value.observations());
            });
        }
        if (dates.isEmpty()) {
            return;
        }
        // one statement per event: the factors as column arrays, unnested server-side and gathered into one row per
        // date, factors in name order. An event may carry only some factors of a date (a provider beta on its own),
        // so a stored date is merged factor by factor, as rows per factor were: the event's factors replace theirs,
        // the others stay; nothing is rewritten when no factor changes (a replay changes nothing)
        jdbc.update("""
                insert into symbol_betas as s (symbol, calculation_date, factors, betas, r_squared, observations)
                select :symbol, d, array_agg(f order by f), array_agg(b order by f), array_agg(r order by f),
                       array_agg(o order by f)
                from unnest(cast(cast(:dates as varchar[]) as date[]), cast(:factors as varchar[]), cast(:betas as float8[]),
                            cast(:rSquared as float8[]), cast(:observations as int[])) as u(d, f, b, r, o)
                group by d
                on conflict (symbol, calculation_date) do update set (factors, betas, r_squared, observations) = (
                  select array_agg(f order by f), array_agg(b order by f), array_agg(r order by f),
                         array_agg(o order by f)
                  from (select f, b, r, o
                        from unnest(excluded.factors, excluded.betas, excluded.r_squared, excluded.observations)
                             as n(f, b, r, o)
                        union all
                        select f, b, r, o
                        from unnest(s.factors, s.betas, s.r_squared, s.observations) as kept(f, b, r, o)
                        where f <> all(excluded.factors)) as merged)
                where exists (
                  select 1 from unnest(excluded.factors, excluded.betas, excluded.r_squared, excluded.observations)
                                as n(f, b, r, o)
                  left join unnest(s.factors, s.betas, s.r_squared, s.observations) as old(f, b, r, o) on old.f = n.f
                  where old.f is null or old.b is distinct from n.b or old.r is distinct from n.r
                     or old.o is distinct from n.o)""",
                new MapSqlParameterSource("symbol", symbol)
                .addValue("dates", dates.toArray(String[]::new)).addValue("factors", factors.toArray(String[]::new))
                .addValue("betas", betas.toArray(Double[]::new)).addValue("rSquared", rSquared.toArray(Double[]::new))
                .addValue("observations", observations.toArray(Integer[]::new)));
    }

    @Override
    public PriceHistories adjustedCloses(Collection<String> symbols, LocalDate from, LocalDate to) {
        PriceHistories.Builder histories = new PriceHistories.Builder();
        if (symbols.isEmpty()) {
            return histories.build();
        }
        long fromDay = from.toEpochDay();
        Map<String, UUID> versions = new HashMap<>();
        jdbc.query("select symbol, version from symbol_price_version where symbol = any(cast(:symbols as varchar[]))",
                new MapSqlParameterSource("symbols", symbols.toArray(String[]::new)),
                rs -> {
                    versions.put(rs.getString(1), rs.getObject(2, UUID.class));
                });
        List<String> stale = new ArrayList<>();
        versions.forEach((symbol, version) -> {
            AdjustedCloseCache.Cached cached = cache.get(symbol, version, fromDay);
            if (cached == null) {
                stale.add(symbol);
            } else {
                histories.add(symbol, cached.days(), cached.closes());
            }
        });
        if (!stale.isEmpty()) {
            // everything from `from` on, not just through `to`: the next drain's later dates find it cached too
            Map<String, List<double[]>> rows = new HashMap<>();
            jdbc.query("""
                            select symbol, trade_date, adj_close from symbol_price
                            where symbol = any(cast(:symbols as varchar[])) and trade_date >= :from
                              and adj_close is not null
                            order by symbol, trade_date""",
                    new MapSqlParameterSource().addValue("symbols", stale.toArray(String[]::new)).addValue("from", from),
                    rs -> {
                        rows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new double[]{
                                rs.getObject(2, LocalDate.class).toEpochDay(), rs.getDouble(3)});
                    });
            for (String symbol : stale) {
                List<double[]> r = rows.getOrDefault(symbol, List.of());
                long[] days = new long[r.size()];
                double[] closes = new double[r.size()];
                for (int i = 0; i < days.length; i++) {
                    days[i] = (long) r.get(i)[0];
                    closes[i] = r.get(i)[1];
                }
                cache.put(symbol, new AdjustedCloseCache.Cached(versions.get(symbol), fromDay, days, closes));
                histories.add(symbol, days, closes);
            }
        }
        return histories.build();
    }

    @Override
    public BetasByDate betasAndFits(Collection<String> symbols, Collection<LocalDate> dates, String fitFactor) {
        Map<LocalDate, Map<String, Map<String, Double>>> betas = new HashMap<>();
        Map<LocalDate, Map<String, SnapshotBetas.Fit>> fits = new HashMap<>();
        if (symbols.isEmpty() || dates.isEmpty()) {
            return new BetasByDate(betas, fits);
        }
        jdbc.query("""
                        select calculation_date, symbol, factors, betas, r_squared, observations from symbol_betas
                        where symbol = any(cast(:symbols as varchar[]))
                        and calculation_date = any(cast(cast(:dates as varchar[]) as date[]))""",
                new MapSqlParameterSource().addValue("symbols", symbols.toArray(String[]::new))
                        .addValue("dates", dates.stream().map(LocalDate::toString).toArray(String[]::new)),
                rs -> {
                    LocalDate date = rs.getObject(1, LocalDate.class);
                    String symbol = rs.getString(2);
                    String[] factors = (String[]) rs.getArray(3).getArray();
                    Double[] values = (Double[]) rs.getArray(4).getArray();
                    Double[] rSquared = (Double[]) rs.getArray(5).getArray();
                    Integer[] observations = (Integer[]) rs.getArray(6).getArray();
                    Map<String, Double> byFactor = betas.computeIfAbsent(date, k -> new HashMap<>())
                            .computeIfAbsent(symbol, k -> new HashMap<>());
                    for (int i = 0; i < factors.length; i++) {
                        byFactor.put(factors[i], values[i]);
                        if (factors[i].equals(fitFactor)) {
                            fits.computeIfAbsent(date, k -> new HashMap<>()).put(symbol,
                                    new SnapshotBetas.Fit(values[i], rSquared[i], observations[i]));
                        }
                    }
                });
        return new BetasByDate(betas, fits);
    }

    @Override
    public CloseHistory closeHistory(Collection<String> symbols, LocalDate from, LocalDate to) {
        Map<String, NavigableMap<LocalDate, Double>> closes = new HashMap<>();
        if (symbols.isEmpty()) {
            return new CloseHistory(closes);
        }
        // per symbol: the newest close on or before `from` (one index probe) and the closes after it up to `to`
        jdbc.query("""
                        select s.symbol, p.trade_date, p.close from unnest(cast(:symbols as varchar[])) as s(symbol)
                        cross join lateral (select trade_date, close from symbol_price
                                            where symbol = s.symbol and trade_date <= :from
                                            order by trade_date desc limit 1) p
                        union all
                        select symbol, trade_date, close from symbol_price
                        where symbol = any(cast(:symbols as varchar[])) and trade_date > :from and trade_date <= :to""",
                new MapSqlParameterSource().addValue("symbols", symbols.toArray(String[]::new)).addValue("from", from)
                        .addValue("to", to),
                rs -> {
                    closes.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                            .put(rs.getObject(2, LocalDate.class), rs.getDouble(3));
                });
        return new CloseHistory(closes);
    }

    @Override
    public Map<LocalDate, Set<String>> symbolsWithBetas(Collection<String> symbols, Collection<LocalDate> dates) {
        Map<LocalDate, Set<String>> with = new HashMap<>();
        if (symbols.isEmpty() || dates.isEmpty()) {
            return with;
        }
        jdbc.query("""
                        select calculation_date, symbol from symbol_betas
                        where symbol = any(cast(:symbols as varchar[]))
                        and calculation_date = any(cast(cast(:dates as varchar[]) as date[]))""",
                new MapSqlParameterSource().addValue("symbols", symbols.toArray(String[]::new))
                        .addValue("dates", dates.stream().distinct().map(LocalDate::toString).toArray(String[]::new)),
                rs -> {
                    with.computeIfAbsent(rs.getObject(1, LocalDate.class), k -> new HashSet<>()).add(rs.getString(2));
                });
        return with;
    }

    @Override
    public Set<String> symbolsWithCloses(Collection<String> symbols) {
        if (symbols.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("""
                select s.symbol from unnest(cast(:symbols as varchar[])) as s(symbol)
                where exists (select 1 from symbol_price p where p.symbol = s.symbol)""",
                new MapSqlParameterSource("symbols", symbols.toArray(String[]::new)), String.class));
    }

    @Override
    public SymbolArrivals arrivals(Collection<String> symbols) {
        Set<String> withCloses = new HashSet<>();
        Map<String, LocalDate> firstBetas = new HashMap<>();
        if (symbols.isEmpty()) {
            return new SymbolArrivals(withCloses, firstBetas);
        }
        // both of symbolsWithCloses and firstBetaDates in one round trip
        jdbc.query("""
                        select s.symbol, exists (select 1 from symbol_price p where p.symbol = s.symbol),
                               (select min(calculation_date) from symbol_betas f where f.symbol = s.symbol)
                        from unnest(cast(:symbols as varchar[])) as s(symbol)""",
                new MapSqlParameterSource("symbols", symbols.toArray(String[]::new)), rs -> {
                    if (rs.getBoolean(2)) {
                        withCloses.add(rs.getString(1));
                    }
                    LocalDate date = rs.getObject(3, LocalDate.class);
                    if (date != null) {
                        firstBetas.put(rs.getString(1), date);
                    }
                });
        return new SymbolArrivals(withCloses, firstBetas);
    }

    @Override
    public Map<String, LocalDate> firstBetaDates(Collection<String> symbols) {
        Map<String, LocalDate> first = new HashMap<>();
        if (symbols.isEmpty()) {
            return first;
        }
        jdbc.query("""
                        select s.symbol, (select min(calculation_date) from symbol_betas f where f.symbol = s.symbol)
                        from unnest(cast(:symbols as varchar[])) as s(symbol)""",
                new MapSqlParameterSource("symbols", symbols.toArray(String[]::new)), rs -> {
                    LocalDate date = rs.getObject(2, LocalDate.class);
                    if (date != null) {
                        first.put(rs.getString(1), date);
                    }
                });
        return first;
    }
}
