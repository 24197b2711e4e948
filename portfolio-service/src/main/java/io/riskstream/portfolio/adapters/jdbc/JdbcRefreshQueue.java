package io.riskstream.portfolio.adapters.jdbc;

import io.riskstream.portfolio.application.RefreshQueue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

public class JdbcRefreshQueue implements RefreshQueue {

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcRefreshQueue(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void request(UUID portfolioId, Collection<LocalDate> dates, UUID cause, UUID runId) {
        SqlParameterSource[] rows = dates.stream().map(d -> new MapSqlParameterSource().addValue("id", portfolioId)
                .addValue("date", d).addValue("cause", cause).addValue("run", runId)).toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate("""
                insert into portfolio_refresh_pending (portfolio_id, calculation_date, cause_id, run_id)
                values (:id, :date, :cause, :run) on conflict (portfolio_id, calculation_date) do nothing""", rows);
    }

    @Override
    public List<Pending> lockPending(UUID portfolioId, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("id", portfolioId).addValue("limit", limit)
                .addValue("key", portfolioId.getMostSignificantBits() ^ portfolioId.getLeastSignificantBits());
        jdbc.queryForList("select pg_advisory_xact_lock(:key)", params);
        return jdbc.query("""
                        select calculation_date, cause_id, run_id, requested_at from portfolio_refresh_pending
                        where portfolio_id = :id order by calculation_date limit :limit for update""", params,
                (rs, i) -> new Pending(rs.getObject(1, LocalDate.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getObject(4, java.time.OffsetDateTime.class).toInstant()));
    }

    @Override
    public void done(UUID portfolioId, LocalDate date) {
        jdbc.update("delete from portfolio_refresh_pending where portfolio_id = :id and calculation_date = :date",
                new MapSqlParameterSource().addValue("id", portfolioId).addValue("date", date));
    }

    @Override
    public List<UUID> portfoliosWaiting() {
        return jdbc.getJdbcTemplate().queryForList(
                "select portfolio_id from portfolio_refresh_pending group by portfolio_id order by min(requested_at)",
                UUID.class);
    }
}
