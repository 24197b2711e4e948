package io.riskstream.price.adapters.jdbc;

import io.riskstream.common.marketdata.DailyBar;
import io.riskstream.price.application.BarStore;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.HashSet;
import java.util.Optional;

public class JdbcBarStore implements BarStore {

    private static final String UPSERT = """
            insert into daily_bar (symbol, trade_date, open, high, low, close, adj_close, volume, source)
            values (:symbol, :date, :open, :high, :low, :close, :adjClose, :volume, :source)
            on conflict (symbol, trade_date) do update set
              open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close,
              adj_close = excluded.adj_close, volume = excluded.volume, source = excluded.source, fetched_at = now()
            where (daily_bar.open, daily_bar.high, daily_bar.low, daily_bar.close, daily_bar.adj_close, daily_bar.volume)
                  is distinct from (excluded.open, excluded.high, excluded.low, excluded.close, excluded.adj_close,
                                    excluded.volume)""";

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcBarStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StoredRange> range(String symbol) {
        return jdbc.query("select min(trade_date), max(trade_date), count(*) from daily_bar where symbol = :symbol",
                new MapSqlParameterSource("symbol", symbol), (rs, i) -> rs.getInt(3) == 0 ? null
                        : new StoredRange(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class), rs.getInt(3)))
                .stream().filter(r -> r != null).findFirst();
    }

    @Override
    public int upsert(List<DailyBar> bars) {
        SqlParameterSource[] rows = bars.stream().map(JdbcBarStore::params).toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate(UPSERT, rows);
        return rows.length;
    }

    @Override
    public List<DailyBar> load(String symbol, LocalDate from, LocalDate to) {
        return jdbc.query("""
                        select symbol, trade_date, open, high, low, close, adj_close, volume, source from daily_bar
                        where symbol = :symbol and trade_date between :from and :to order by trade_date""",
                new MapSqlParameterSource().addValue("symbol", symbol).addValue("from", from).addValue("to", to),
                (rs, i) -> new DailyBar(rs.getString(1), rs.getObject(2, LocalDate.class), dbl(rs, 3), dbl(rs, 4),
                        dbl(rs, 5), dbl(rs, 6), rs.getBigDecimal(7).doubleValue(), (Long) rs.getObject(8, Long.class),
                        rs.getString(9)));
    }

    @Override
    public void replace(String symbol, List<DailyBar> bars) {
        jdbc.update("delete from daily_bar where symbol = :symbol", new MapSqlParameterSource("symbol", symbol));
        upsert(bars);
    }

    @Override
    public List<DailyBar> insertMissing(List<DailyBar> bars) {
        if (bars.isEmpty()) {
            return List.of();
        }
        // one statement for the whole history (rows as column arrays, decimals as text so they stay exact);
        // RETURNING tells which bars were new
        int n = bars.size();
        String[] symbols = new String[n], dates = new String[n], open = new String[n], high = new String[n],
                low = new String[n], close = new String[n], adjClose = new String[n], sources = new String[n];
        Long[] volume = new Long[n];
        for (int i = 0; i < n; i++) {
            DailyBar b = bars.get(i);
            symbols[i] = b.symbol();
            dates[i] = b.date().toString();
            open[i] = text(b.open());
            high[i] = text(b.high());
            low[i] = text(b.low());
            close[i] = text(b.close());
            adjClose[i] = text(b.adjClose());
            volume[i] = b.volume();
            sources[i] = b.source();
        }
        Set<String> inserted = new HashSet<>(jdbc.queryForList("""
                insert into daily_bar (symbol, trade_date, open, high, low, close, adj_close, volume, source)
                select s, d, o, h, l, c, a, v, src
                from unnest(cast(:symbols as varchar[]), cast(cast(:dates as varchar[]) as date[]),
                            cast(cast(:open as varchar[]) as numeric[]), cast(cast(:high as varchar[]) as numeric[]),
                            cast(cast(:low as varchar[]) as numeric[]), cast(cast(:close as varchar[]) as numeric[]),
                            cast(cast(:adjClose as varchar[]) as numeric[]), cast(:volume as bigint[]),
                            cast(:sources as varchar[]))
                     as u(s, d, o, h, l, c, a, v, src)
                on conflict (symbol, trade_date) do nothing
                returning symbol || '|' || trade_date""", new MapSqlParameterSource("sources", sources)
                .addValue("symbols", symbols).addValue("dates", dates).addValue("open", open).addValue("high", high)
                .addValue("low", low).addValue("close", close).addValue("adjClose", adjClose).addValue("volume", volume),
                String.class));
        return bars.stream().filter(b -> inserted.contains(b.symbol() + "|" + b.date())).toList();
    }

    private static String text(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).toPlainString();
    }

    private static MapSqlParameterSource params(DailyBar b) {
        return new MapSqlParameterSource()
                .addValue("symbol", b.symbol()).addValue("date", b.date())
                .addValue("open", decimal(b.open())).addValue("high", decimal(b.high()))
                .addValue("low", decimal(b.low())).addValue("close", decimal(b.close()))
                .addValue("adjClose", BigDecimal.valueOf(b.adjClose())).addValue("volume", b.volume())
                .addValue("source", b.source());
    }

    /** The shortest decimal that round-trips to the same double: stored exactly in an unconstrained numeric. */
    private static BigDecimal decimal(Double value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }

    private static Double dbl(ResultSet rs, int column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }
}
