package io.riskstream.price.adapters.jdbc;

import io.riskstream.price.application.DailyCloseTriggers;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

public class JdbcDailyCloseTriggers implements DailyCloseTriggers {

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcDailyCloseTriggers(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(LocalDate tradingDate, UUID runId, String triggeredBy) {
        // a concurrent insert of the same date waits for the other transaction and then inserts nothing
        return jdbc.update("""
                insert into daily_close_trigger (trading_date, run_id, triggered_by)
                values (:date, :runId, :by) on conflict (trading_date) do nothing""",
                new MapSqlParameterSource("date", tradingDate).addValue("runId", runId).addValue("by", triggeredBy)) == 1;
    }

    @Override
    public Optional<Trigger> find(LocalDate tradingDate) {
        return jdbc.query("select trading_date, run_id, triggered_by, created_at from daily_close_trigger "
                        + "where trading_date = :date", new MapSqlParameterSource("date", tradingDate),
                (rs, i) -> new Trigger(rs.getObject("trading_date", LocalDate.class), rs.getObject("run_id", UUID.class),
                        rs.getString("triggered_by"), rs.getObject("created_at", Timestamp.class).toInstant()))
                .stream().findFirst();
    }
}
