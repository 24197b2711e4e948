package io.riskstream.marketdata;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The daily quota in the service's database ({@code provider_quota}, a row per provider and day), so all replicas of
 * a service spend one quota. A request is granted by one atomic statement
 * ({@code update ... set used = used + n where used + n <= limit returning ...}), in its own transaction: a caller
 * whose work rolls back has still spent the request at the provider.
 */
public final class JdbcProviderQuota implements ProviderQuota {

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public JdbcProviderQuota(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager txManager, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Override
    public boolean tryAcquire(String provider, int limit, int permits) {
        MapSqlParameterSource params = params(provider, limit).addValue("n", permits);
        Boolean granted = tx.execute(s -> {
            jdbc.update("""
                    insert into provider_quota (provider, quota_day, used, quota_limit)
                    values (:provider, :day, 0, :limit) on conflict (provider, quota_day) do nothing""", params);
            List<Integer> left = jdbc.queryForList("""
                    update provider_quota set used = used + :n, quota_limit = :limit, updated_at = now()
                    where provider = :provider and quota_day = :day and used + :n <= :limit
                    returning :limit - used""", params, Integer.class);
            return !left.isEmpty();
        });
        return Boolean.TRUE.equals(granted);
    }

    @Override
    public long remaining(String provider, int limit) {
        List<Integer> used = jdbc.queryForList(
                "select used from provider_quota where provider = :provider and quota_day = :day",
                params(provider, limit), Integer.class);
        return Math.max(0, limit - (used.isEmpty() ? 0 : used.getFirst()));
    }

    private MapSqlParameterSource params(String provider, int limit) {
        return new MapSqlParameterSource().addValue("provider", provider).addValue("limit", limit)
                .addValue("day", Date.valueOf(LocalDate.now(clock.withZone(DAY_ZONE))));
    }
}
