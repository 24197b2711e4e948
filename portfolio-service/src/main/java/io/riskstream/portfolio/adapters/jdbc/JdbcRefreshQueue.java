package io.riskstream.portfolio.adapters.jdbc;

import io.riskstream.portfolio.application.Cause;
import io.riskstream.portfolio.application.RefreshQueue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public class JdbcRefreshQueue implements RefreshQueue {

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcRefreshQueue(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void request(UUID portfolioId, Collection<LocalDate> dates, Cause cause) {
        requestAll(Map.of(portfolioId, dates), cause);
    }

    @Override
    public void requestAll(Map<UUID, ? extends Collection<LocalDate>> dates, Cause cause) {
        List<UUID> ids = new ArrayList<>();
        List<String> days = new ArrayList<>();
        dates.forEach((id, d) -> d.stream().distinct().forEach(day -> {
            ids.add(id);
            days.add(day.toString());
        }));
        if (ids.isEmpty()) {
            return;
        }
        // one statement for every portfolio, rows in (portfolio, date) order: two requesters of overlapping pairs
        // lock them in the same order and never deadlock
        jdbc.update("""
                insert into portfolio_refresh_pending (portfolio_id, calculation_date, cause_id, run_id)
                select t.id, t.day, cast(:cause as uuid), cast(:run as uuid)
                from unnest(cast(:ids as uuid[]), cast(cast(:days as varchar[]) as date[])) as t(id, day)
                order by t.id, t.day
                on conflict (portfolio_id, calculation_date) do update
                set version = nextval('portfolio_refresh_version'), cause_id = excluded.cause_id,
                    run_id = excluded.run_id""",
                new MapSqlParameterSource().addValue("ids", ids.toArray(UUID[]::new))
                        .addValue("days", days.toArray(String[]::new)).addValue("cause", cause.eventId()).addValue("run", cause.runId()));
    }

    @Override
    public void requestLater(UUID portfolioId, Collection<LocalDate> dates, Cause cause) {
        jdbc.batchUpdate("""
                insert into portfolio_refresh_pending (portfolio_id, calculation_date, cause_id, run_id)
                values (:id, :date, :cause, :run) on conflict (portfolio_id, calculation_date) do nothing""",
                rows(portfolioId, dates, cause));
    }

    private static SqlParameterSource[] rows(UUID portfolioId, Collection<LocalDate> dates, Cause cause) {
        return dates.stream().distinct().sorted().map(d -> new MapSqlParameterSource().addValue("id", portfolioId)
                .addValue("date", d).addValue("cause", cause.eventId()).addValue("run", cause.runId()))
                .toArray(SqlParameterSource[]::new);
    }

    @Override
    public List<Pending> lockPending(UUID portfolioId, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("id", portfolioId).addValue("limit", limit)
                .addValue("key", portfolioId.getMostSignificantBits() ^ portfolioId.getLeastSignificantBits());
        // another drainer (a replica, or the API) on this portfolio does its dates; waiting for it would only hand
        // this transaction a snapshot from before its work. The lock is tried once (a one-time filter) in the same
        // statement as the read: without it, or with nothing waiting, no dates.
        return jdbc.query("""
                        select calculation_date, cause_id, run_id, requested_at, version from portfolio_refresh_pending
                        where portfolio_id = :id and (select pg_try_advisory_xact_lock(:key))
                        order by calculation_date limit :limit""", params,
                (rs, i) -> new Pending(rs.getObject(1, LocalDate.class),
                        new Cause(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)),
                        rs.getObject(4, java.time.OffsetDateTime.class).toInstant(), rs.getLong(5)));
    }

    @Override
    public void done(UUID portfolioId, List<Pending> computed) {
        if (computed.isEmpty()) {
            return;
        }
        jdbc.update("""
                delete from portfolio_refresh_pending q
                using unnest(cast(cast(:dates as varchar[]) as date[]), cast(:versions as bigint[])) as t(d, v)
                where q.portfolio_id = :id and q.calculation_date = t.d and q.version = t.v""",
                new MapSqlParameterSource().addValue("id", portfolioId)
                        .addValue("dates", computed.stream().map(p -> p.date().toString()).toArray(String[]::new))
                        .addValue("versions", computed.stream().map(Pending::version).toArray(Long[]::new)));
    }

    @Override
    public List<Head> waiting() {
        return jdbc.getJdbcTemplate().query("""
                select * from (select distinct on (portfolio_id) portfolio_id, calculation_date, requested_at
                               from portfolio_refresh_pending order by portfolio_id, calculation_date) head
                order by requested_at""",
                (rs, i) -> new Head(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, java.time.OffsetDateTime.class).toInstant()));
    }
}
