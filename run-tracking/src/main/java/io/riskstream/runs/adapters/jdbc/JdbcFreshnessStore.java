package io.riskstream.runs.adapters.jdbc;

import io.riskstream.runs.application.FreshnessStore;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import java.time.LocalDate;
import java.util.List;

/** The newest date per dataset and subject in {@code data_freshness}. */
public class JdbcFreshnessStore implements FreshnessStore {

    /**
     * Symbol datasets count the symbols refreshed every trading day, which the host's schema lists in the view
     * {@code daily_refreshed_symbol(symbol)} (price-service: its universe's ACTIVE and WATCHLIST tiers); portfolios
     * all count.
     */
    private static final String COUNTED = """
            from data_freshness f
            where f.dataset = :dataset
              and (f.dataset = 'analytics' or exists (select 1 from daily_refreshed_symbol d where d.symbol = f.subject))""";

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcFreshnessStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void recordAll(List<LatestDate> dates) {
        jdbc.batchUpdate("""
                insert into data_freshness (dataset, subject, latest_date) values (:dataset, :subject, :date)
                on conflict (dataset, subject) do update set
                  latest_date = greatest(data_freshness.latest_date, excluded.latest_date), updated_at = now()
                where excluded.latest_date > data_freshness.latest_date""",
                dates.stream().map(d -> new MapSqlParameterSource("dataset", d.dataset()).addValue("subject", d.subject())
                        .addValue("date", d.date())).toArray(SqlParameterSource[]::new));
    }

    @Override
    public List<DateCount> counts(String dataset) {
        return jdbc.query("select f.latest_date, count(*) n " + COUNTED + " group by f.latest_date",
                new MapSqlParameterSource("dataset", dataset),
                (rs, i) -> new DateCount(rs.getObject(1, LocalDate.class), rs.getInt(2)));
    }

    @Override
    public List<SubjectDate> olderThan(String dataset, LocalDate before, int limit) {
        return jdbc.query("select f.subject, f.latest_date " + COUNTED
                        + " and (cast(:before as date) is null or f.latest_date < :before)"
                        + " order by f.latest_date, f.subject limit :limit",
                new MapSqlParameterSource("dataset", dataset).addValue("before", before).addValue("limit", limit),
                (rs, i) -> new SubjectDate(rs.getString(1), rs.getObject(2, LocalDate.class)));
    }
}
