package io.riskstream.price.adapters.jdbc;

import io.riskstream.price.application.RunStore;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public class JdbcRunStore implements RunStore {

    private static final RowMapper<Run> RUN = (rs, i) -> new Run(rs.getObject("run_id", UUID.class), rs.getString("kind"),
            rs.getObject("trading_date", LocalDate.class), rs.getString("triggered_by"),
            rs.getTimestamp("started_at").toInstant());

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcRunStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void start(UUID runId, String kind, LocalDate tradingDate, String triggeredBy) {
        jdbc.update("""
                insert into run (run_id, kind, trading_date, triggered_by) values (:runId, :kind, :date, :by)
                on conflict (run_id) do nothing""", new MapSqlParameterSource("runId", runId).addValue("kind", kind)
                .addValue("date", tradingDate).addValue("by", triggeredBy));
    }

    @Override
    public void observe(UUID runId, String subject, String stage, String status, Instant at) {
        jdbc.update("""
                insert into run_progress (run_id, subject, stage, status, first_at, last_at)
                values (:runId, :subject, :stage, :status, :at, :at)
                on conflict (run_id, subject, stage) do update set
                  status = case when excluded.status = 'done' then 'done' else run_progress.status end,
                  events = run_progress.events + 1,
                  last_at = greatest(run_progress.last_at, excluded.last_at)""",
                new MapSqlParameterSource("runId", runId).addValue("subject", subject).addValue("stage", stage)
                        .addValue("status", status).addValue("at", Timestamp.from(at)));
    }

    @Override
    public Optional<Run> find(UUID runId) {
        return jdbc.query("select * from run where run_id = :runId", new MapSqlParameterSource("runId", runId), RUN)
                .stream().findFirst();
    }

    @Override
    public List<Progress> progress(UUID runId) {
        return jdbc.query("""
                select subject, stage, status, events, first_at, last_at from run_progress where run_id = :runId
                order by stage, subject limit 5000""", new MapSqlParameterSource("runId", runId),
                (rs, i) -> new Progress(rs.getString("subject"), rs.getString("stage"), rs.getString("status"),
                        rs.getInt("events"), rs.getTimestamp("first_at").toInstant(), rs.getTimestamp("last_at").toInstant()));
    }

    @Override
    public List<StageCount> counts(UUID runId) {
        return jdbc.query("""
                select stage, status, count(*) n from run_progress where run_id = :runId
                group by stage, status order by stage, status""", new MapSqlParameterSource("runId", runId),
                (rs, i) -> new StageCount(rs.getString("stage"), rs.getString("status"), rs.getInt("n")));
    }

    @Override
    public List<Run> recent(int limit) {
        return jdbc.query("select * from run order by started_at desc limit :limit",
                new MapSqlParameterSource("limit", limit), RUN);
    }
}
