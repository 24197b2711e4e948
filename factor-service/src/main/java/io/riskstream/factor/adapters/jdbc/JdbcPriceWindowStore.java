package io.riskstream.factor.adapters.jdbc;

import io.riskstream.common.event.PriceBar;
import io.riskstream.common.marketdata.PriceColumn;
import io.riskstream.factor.application.PriceWindowStore;
import io.riskstream.factor.domain.exposure.PriceSeries;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.Collection;
import java.util.Optional;

public class JdbcPriceWindowStore implements PriceWindowStore {

    /** One statement per history: the bars travel as column arrays (see JdbcExposureStore). */
    private static final String UPSERT = """
            insert into price_point (symbol, trade_date, adj_close, close)
            select :symbol, d, a, c
            from unnest(cast(cast(:dates as varchar[]) as date[]), cast(:adjCloses as float8[]), cast(:closes as float8[]))
                 as u(d, a, c)
            on conflict (symbol, trade_date) do update set adj_close = excluded.adj_close, close = excluded.close
            where (price_point.adj_close, price_point.close) is distinct from (excluded.adj_close, excluded.close)""";

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcPriceWindowStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int upsert(String symbol, List<PriceBar> bars) {
        if (bars.isEmpty()) {
            return 0;
        }
        return jdbc.update(UPSERT, new MapSqlParameterSource("symbol", symbol)
                .addValue("dates", bars.stream().map(b -> b.date().toString()).toArray(String[]::new))
                .addValue("adjCloses", bars.stream().map(PriceBar::adjClose).toArray(Double[]::new))
                .addValue("closes", bars.stream().map(PriceBar::close).toArray(Double[]::new)));
    }

    @Override
    public void replace(String symbol, List<PriceBar> bars) {
        jdbc.update("delete from price_point where symbol = :symbol", new MapSqlParameterSource("symbol", symbol));
        upsert(symbol, bars);
    }

    @Override
    public PriceSeries load(String symbol, LocalDate from, LocalDate to, PriceColumn column) {
        String priceExpr = column == PriceColumn.CLOSE ? "coalesce(close, adj_close)" : "adj_close";
        List<LocalDate> dates = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        jdbc.query("select trade_date, " + priceExpr + " from price_point where symbol = :symbol "
                        + "and trade_date between :from and :to order by trade_date",
                new MapSqlParameterSource().addValue("symbol", symbol).addValue("from", from).addValue("to", to),
                rs -> {
                    dates.add(rs.getObject(1, LocalDate.class));
                    values.add(rs.getDouble(2));
                });
        return new PriceSeries(symbol, dates.toArray(LocalDate[]::new),
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Override
    public Map<String, PriceSeries> loadAll(Collection<String> symbols, LocalDate from, LocalDate to, PriceColumn column) {
        String priceExpr = column == PriceColumn.CLOSE ? "coalesce(close, adj_close)" : "adj_close";
        Map<String, List<LocalDate>> dates = new LinkedHashMap<>();
        Map<String, List<Double>> values = new HashMap<>();
        symbols.forEach(s -> {
            dates.put(s, new ArrayList<>());
            values.put(s, new ArrayList<>());
        });
        jdbc.query("select symbol, trade_date, " + priceExpr + " from price_point where symbol = any(cast(:symbols as varchar[])) "
                        + "and trade_date between :from and :to order by symbol, trade_date",
                new MapSqlParameterSource().addValue("symbols", symbols.toArray(String[]::new)).addValue("from", from)
                        .addValue("to", to),
                rs -> {
                    String symbol = rs.getString(1);
                    dates.get(symbol).add(rs.getObject(2, LocalDate.class));
                    values.get(symbol).add(rs.getDouble(3));
                });
        Map<String, PriceSeries> series = new LinkedHashMap<>();
        dates.forEach((symbol, d) -> series.put(symbol, new PriceSeries(symbol, d.toArray(LocalDate[]::new),
                values.get(symbol).stream().mapToDouble(Double::doubleValue).toArray())));
        return series;
    }

    @Override
    public Optional<LocalDate> coverage(Collection<String> symbols) {
        // one round trip instead of one per symbol: asked on every prices-ready
        return jdbc.query("""
                        select case when count(latest) = :n then min(latest) end from (
                          select (select max(trade_date) from price_point p where p.symbol = s.symbol) latest
                          from unnest(cast(:symbols as varchar[])) as s(symbol)) t""",
                new MapSqlParameterSource("symbols", symbols.toArray(String[]::new)).addValue("n", symbols.size()),
                (rs, i) -> rs.getObject(1, LocalDate.class)).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    @Override
    public Optional<LocalDate> latest(String symbol) {
        return Optional.ofNullable(jdbc.queryForObject("select max(trade_date) from price_point where symbol = :symbol",
                new MapSqlParameterSource("symbol", symbol), LocalDate.class));
    }

    @Override
    public List<LocalDate> dates(String symbol, LocalDate from, LocalDate to) {
        return jdbc.queryForList("select trade_date from price_point where symbol = :symbol "
                        + "and trade_date between :from and :to order by trade_date",
                new MapSqlParameterSource().addValue("symbol", symbol).addValue("from", from).addValue("to", to),
                LocalDate.class);
    }
}
