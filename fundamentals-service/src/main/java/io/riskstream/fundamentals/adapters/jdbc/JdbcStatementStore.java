package io.riskstream.fundamentals.adapters.jdbc;

import io.riskstream.common.marketdata.FinancialStatement;
import io.riskstream.fundamentals.application.StatementStore;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

public class JdbcStatementStore implements StatementStore {

    private final NamedParameterJdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    public JdbcStatementStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void upsert(List<FinancialStatement> statements) {
        SqlParameterSource[] rows = statements.stream().map(s -> new MapSqlParameterSource()
                .addValue("symbol", s.symbol()).addValue("statement", s.kind().name())
                .addValue("frequency", s.frequency().name()).addValue("periodEnd", s.periodEnd())
                .addValue("currency", s.currency()).addValue("items", json.writeValueAsString(s.values())))
                .toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate("""
                insert into financial_statement (symbol, statement, frequency, period_end, currency, items)
                values (:symbol, :statement, :frequency, :periodEnd, :currency, cast(:items as jsonb))
                on conflict (symbol, statement, frequency, period_end) do update set currency = excluded.currency,
                  items = excluded.items, fetched_at = now()
                where financial_statement.items is distinct from excluded.items""", rows);
    }

    @Override
    public Optional<Instant> lastFetched(String symbol) {
        return jdbc.query("select last_fetched_at from fundamentals_fetch where symbol = :symbol",
                new MapSqlParameterSource("symbol", symbol), (rs, i) -> rs.getTimestamp(1).toInstant()).stream().findFirst();
    }

    @Override
    public void recordFetch(String symbol, Instant at, LocalDate nextEarnings) {
        jdbc.update("""
                insert into fundamentals_fetch (symbol, last_fetched_at, next_earnings_date) values (:symbol, :at, :next)
                on conflict (symbol) do update set last_fetched_at = excluded.last_fetched_at,
                  next_earnings_date = excluded.next_earnings_date""",
                new MapSqlParameterSource().addValue("symbol", symbol).addValue("at", Timestamp.from(at))
                        .addValue("next", nextEarnings));
    }
}
