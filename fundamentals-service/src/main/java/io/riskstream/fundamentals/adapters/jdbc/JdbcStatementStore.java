package io.riskstream.fundamentals.adapters.jdbc;

import io.riskstream.marketdata.Frequency;
import io.riskstream.marketdata.StatementKind;
import io.riskstream.fundamentals.application.StatementStore;
import io.riskstream.fundamentals.domain.LineItems;
import io.riskstream.fundamentals.domain.StatementRow;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** income_statement, balance_sheet, cash_flow: typed line items and ratios plus the full item set as jsonb. */
public class JdbcStatementStore implements StatementStore {

    private final NamedParameterJdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    public JdbcStatementStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static String table(StatementKind kind) {
        return switch (kind) {
            case INCOME -> "income_statement";
            case BALANCE_SHEET -> "balance_sheet";
            case CASH_FLOW -> "cash_flow";
        };
    }

    @Override
    public void upsert(List<StatementRow> rows) {
        for (StatementKind kind : StatementKind.values()) {
            List<StatementRow> ofKind = rows.stream().filter(r -> r.kind() == kind).toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            List<String> valueColumns = new ArrayList<>(LineItems.columns(kind));
            valueColumns.add("source");
            valueColumns.addAll(ofKind.getFirst().derived().keySet());
            SqlParameterSource[] params = ofKind.stream().map(r -> {
                MapSqlParameterSource p = new MapSqlParameterSource().addValue("symbol", r.symbol())
                        .addValue("frequency", r.frequency().name()).addValue("period_end", r.periodEnd())
                        .addValue("currency", r.currency()).addValue("items", json.writeValueAsString(r.items()))
                        .addValue("source", r.source());
                r.lineItems().forEach(p::addValue);
                r.derived().forEach(p::addValue);
                return p;
            }).toArray(SqlParameterSource[]::new);
            String columns = String.join(", ", valueColumns);
            String values = valueColumns.stream().map(c -> ":" + c).collect(Collectors.joining(", "));
            String updates = valueColumns.stream().map(c -> c + " = excluded." + c).collect(Collectors.joining(", "));
            String table = table(kind);
            jdbc.batchUpdate("insert into " + table + " (symbol, frequency, period_end, currency, items, " + columns
                    + ") values (:symbol, :frequency, :period_end, :currency, cast(:items as jsonb), " + values
                    + ") on conflict (symbol, frequency, period_end) do update set currency = excluded.currency, "
                    + "items = excluded.items, fetched_at = now(), " + updates, params);
        }
    }

    @Override
    public Optional<Instant> lastFetched(String symbol) {
        return jdbc.query("select last_fetched_at from fundamentals_fetch where symbol = :symbol",
                new MapSqlParameterSource("symbol", symbol), (rs, i) -> rs.getTimestamp(1).toInstant()).stream().findFirst();
    }

    private static final String FETCH_COLUMNS = "symbol, last_fetched_at, next_earnings_date, last_close_date, source";

    @Override
    public List<FetchState> fetchStates() {
        return jdbc.query("select " + FETCH_COLUMNS + " from fundamentals_fetch order by symbol",
                (rs, i) -> fetchState(rs));
    }

    @Override
    public Optional<FetchState> fetchState(String symbol) {
        return jdbc.query("select " + FETCH_COLUMNS + " from fundamentals_fetch where symbol = :symbol",
                new MapSqlParameterSource("symbol", symbol), (rs, i) -> fetchState(rs)).stream().findFirst();
    }

    private static FetchState fetchState(ResultSet rs) throws SQLException {
        return new FetchState(rs.getString("symbol"), Optional.of(rs.getTimestamp("last_fetched_at").toInstant()),
                date(rs, "next_earnings_date"), date(rs, "last_close_date"), rs.getString("source"));
    }

    @Override
    public List<StoredStatement> statements(String symbol) {
        List<StoredStatement> out = new ArrayList<>();
        for (StatementKind kind : StatementKind.values()) {
            List<String> typed = LineItems.columns(kind);
            out.addAll(jdbc.query("select * from " + table(kind) + " where symbol = :symbol",
                    new MapSqlParameterSource("symbol", symbol), (rs, i) -> {
                        Map<String, BigDecimal> lineItems = new LinkedHashMap<>();
                        for (String column : typed) {
                            lineItems.put(column, rs.getBigDecimal(column));
                        }
                        Map<String, BigDecimal> derived = new LinkedHashMap<>();
                        for (String column : DERIVED.get(kind)) {
                            derived.put(column, rs.getBigDecimal(column));
                        }
                        @SuppressWarnings("unchecked")
                        Map<String, Object> items = json.readValue(rs.getString("items"), LinkedHashMap.class);
                        return new StoredStatement(kind, Frequency.valueOf(rs.getString("frequency")),
                                rs.getObject("period_end", LocalDate.class), rs.getString("currency"), lineItems,
                                derived, items, rs.getString("source"), rs.getTimestamp("fetched_at").toInstant());
                    }));
        }
        out.sort(Comparator.comparing(StoredStatement::periodEnd).reversed()
                .thenComparing(StoredStatement::frequency).thenComparing(StoredStatement::kind));
        return out;
    }

    /** The derived columns of each table (see StatementRatios). */
    private static final Map<StatementKind, List<String>> DERIVED = Map.of(
            StatementKind.INCOME, List.of("gross_margin", "operating_margin", "net_margin", "return_on_assets",
                    "return_on_equity"),
            StatementKind.BALANCE_SHEET, List.of("total_debt", "current_ratio", "debt_to_equity"),
            StatementKind.CASH_FLOW, List.of("free_cash_flow", "fcf_margin"));

    @Override
    public void recordFetch(String symbol, Instant at, LocalDate nextEarnings, LocalDate closeDate, String source) {
        jdbc.update("""
                insert into fundamentals_fetch (symbol, last_fetched_at, next_earnings_date, last_close_date, source)
                values (:symbol, :at, :next, :close, :source)
                on conflict (symbol) do update set last_fetched_at = excluded.last_fetched_at,
                  next_earnings_date = excluded.next_earnings_date,
                  last_close_date = coalesce(excluded.last_close_date, fundamentals_fetch.last_close_date),
                  source = coalesce(excluded.source, fundamentals_fetch.source)""",
                new MapSqlParameterSource().addValue("symbol", symbol).addValue("at", Timestamp.from(at))
                        .addValue("next", nextEarnings).addValue("close", closeDate).addValue("source", source));
    }

    @Override
    public boolean dailyCloseDone(LocalDate tradingDate) {
        return !jdbc.queryForList("select 1 from fundamentals_daily_close where trading_date = :d",
                new MapSqlParameterSource("d", Date.valueOf(tradingDate)), Integer.class).isEmpty();
    }

    @Override
    public void markDailyCloseDone(LocalDate tradingDate, int fetched, int skipped, Instant at) {
        jdbc.update("""
                insert into fundamentals_daily_close (trading_date, fetched, skipped, processed_at)
                values (:d, :fetched, :skipped, :at) on conflict (trading_date) do nothing""",
                new MapSqlParameterSource().addValue("d", Date.valueOf(tradingDate)).addValue("fetched", fetched)
                        .addValue("skipped", skipped).addValue("at", Timestamp.from(at)));
    }

    private static Optional<LocalDate> date(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, LocalDate.class));
    }
}
