package io.riskstream.runs.adapters.jdbc;

import io.riskstream.common.event.RunStage;
import io.riskstream.runs.application.RunStore;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Run progress in {@code run}, {@code run_progress}, {@code run_declaration} and {@code run_expected}. */
public class JdbcRunStore implements RunStore {

    private static final RowMapper<Run> RUN = (rs, i) -> new Run(rs.getObject("run_id", UUID.class), rs.getString("kind"),
            rs.getString("root_stage"), rs.getObject("trading_date", LocalDate.class), rs.getString("triggered_by"),
            rs.getTimestamp("started_at").toInstant());
    private static final RowMapper<Progress> PROGRESS = (rs, i) -> new Progress(rs.getString("subject"),
            rs.getString("stage"), rs.getString("status"), rs.getInt("events"), rs.getTimestamp("first_at").toInstant(),
            rs.getTimestamp("last_at").toInstant(), rs.getString("reason"));

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcRunStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void start(UUID runId, String kind, RunStage rootStage, LocalDate tradingDate, String triggeredBy) {
        jdbc.update("""
                insert into run (run_id, kind, root_stage, trading_date, triggered_by)
                values (:runId, :kind, :root, :date, :by)
                on conflict (run_id) do nothing""", new MapSqlParameterSource("runId", runId).addValue("kind", kind)
                .addValue("root", rootStage.label()).addValue("date", tradingDate).addValue("by", triggeredBy));
    }

    @Override
    public void startDeclared(UUID runId, String kind, RunStage rootStage, String triggeredBy, Instant at) {
        jdbc.update("""
                insert into run (run_id, kind, root_stage, triggered_by, started_at) values (:runId, :kind, :root, :by, :at)
                on conflict (run_id) do nothing""", new MapSqlParameterSource("runId", runId).addValue("kind", kind)
                .addValue("root", rootStage.label()).addValue("by", triggeredBy).addValue("at", Timestamp.from(at)));
    }

    @Override
    public void observeAll(List<Observation> observations) {
        SqlParameterSource[] rows = observations.stream().map(o -> new MapSqlParameterSource("runId", o.runId())
                .addValue("subject", o.subject()).addValue("stage", o.stage().label())
                .addValue("status", o.status().label()).addValue("reason", o.reason()).addValue("events", o.events())
                .addValue("firstAt", Timestamp.from(o.firstAt())).addValue("lastAt", Timestamp.from(o.lastAt())))
                .toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate("""
                insert into run_progress (run_id, subject, stage, status, reason, events, first_at, last_at)
                values (:runId, :subject, :stage, :status, :reason, :events, :firstAt, :lastAt)
                on conflict (run_id, subject, stage) do update set
                  status = case when array_position(array['skipped','failed','done'], excluded.status)
                                   > array_position(array['skipped','failed','done'], run_progress.status)
                                then excluded.status else run_progress.status end,
                  reason = coalesce(excluded.reason, run_progress.reason),
                  events = run_progress.events + excluded.events,
                  last_at = greatest(run_progress.last_at, excluded.last_at)""", rows);
    }

    @Override
    public void declare(UUID runId, String stage, String upstream, List<String> subjects, Instant at) {
        jdbc.update("""
                insert into run_declaration (run_id, stage, upstream, declared_at) values (:runId, :stage, :upstream, :at)
                on conflict (run_id, stage, upstream) do nothing""", new MapSqlParameterSource("runId", runId)
                .addValue("stage", stage).addValue("upstream", upstream).addValue("at", Timestamp.from(at)));
        SqlParameterSource[] rows = subjects.stream().distinct().map(s -> new MapSqlParameterSource("runId", runId)
                .addValue("stage", stage).addValue("subject", s)).toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate("""
                insert into run_expected (run_id, stage, subject) values (:runId, :stage, :subject)
                on conflict (run_id, stage, subject) do nothing""", rows);
    }

    @Override
    public Optional<Run> find(UUID runId) {
        return jdbc.query("select * from run where run_id = :runId", new MapSqlParameterSource("runId", runId), RUN)
                .stream().findFirst();
    }

    @Override
    public List<Progress> progress(UUID runId) {
        return jdbc.query("""
                select * from run_progress where run_id = :runId order by stage, subject limit 5000""",
                new MapSqlParameterSource("runId", runId), PROGRESS);
    }

    @Override
    public List<Progress> recentActivity(UUID runId, int limit) {
        return jdbc.query("""
                select * from run_progress where run_id = :runId order by last_at desc, stage, subject limit :limit""",
                new MapSqlParameterSource("runId", runId).addValue("limit", limit), PROGRESS);
    }

    @Override
    public List<Progress> failures(UUID runId, int limit) {
        return jdbc.query("""
                select * from run_progress where run_id = :runId and status = 'failed'
                order by stage, subject limit :limit""",
                new MapSqlParameterSource("runId", runId).addValue("limit", limit), PROGRESS);
    }

    @Override
    public List<SubjectStatus> statuses(UUID runId) {
        return jdbc.query("select stage, subject, status from run_progress where run_id = :runId",
                new MapSqlParameterSource("runId", runId),
                (rs, i) -> new SubjectStatus(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    @Override
    public List<Declaration> declarations(UUID runId) {
        return jdbc.query("select stage, upstream, declared_at from run_declaration where run_id = :runId",
                new MapSqlParameterSource("runId", runId),
                (rs, i) -> new Declaration(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
    }

    @Override
    public List<Expected> expected(UUID runId) {
        return jdbc.query("select stage, subject from run_expected where run_id = :runId",
                new MapSqlParameterSource("runId", runId), (rs, i) -> new Expected(rs.getString(1), rs.getString(2)));
    }

    @Override
    public List<Run> recent(int limit) {
        return jdbc.query("select * from run order by started_at desc limit :limit",
                new MapSqlParameterSource("limit", limit), RUN);
    }

    @Override
    public List<Run> startedSince(Instant since, int limit) {
        return jdbc.query("select * from run where started_at >= :since order by started_at desc limit :limit",
                new MapSqlParameterSource("since", Timestamp.from(since)).addValue("limit", limit), RUN);
    }
}
