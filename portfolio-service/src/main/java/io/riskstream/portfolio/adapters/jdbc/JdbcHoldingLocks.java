package io.riskstream.portfolio.adapters.jdbc;

import io.riskstream.portfolio.application.HoldingLocks;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.Collection;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * PostgreSQL transaction-scoped advisory locks ({@code pg_advisory_xact_lock(namespace, key)}): released by the
 * commit or rollback, so no path can leak one. Keys are 32-bit hashes; two names sharing a hash only wait for each
 * other needlessly. The keys of one call are taken in ascending order (not in name order: with a collision, name
 * order could take the same two keys in opposite orders in two transactions and deadlock them).
 */
public class JdbcHoldingLocks implements HoldingLocks {

    /** "RS" + 1 and "RS" + 2: namespaces of their own, so other advisory locks of the database never collide. */
    static final int SYMBOL_NAMESPACE = 0x5253_0001;
    static final int PORTFOLIO_NAMESPACE = 0x5253_0002;

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcHoldingLocks(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lockSymbols(Collection<String> symbols) {
        lock(SYMBOL_NAMESPACE, symbols.stream().map(String::hashCode));
    }

    @Override
    public void lockPortfolios(Collection<UUID> portfolioIds) {
        lock(PORTFOLIO_NAMESPACE, portfolioIds.stream().map(UUID::hashCode));
    }

    private void lock(int namespace, Stream<Integer> keys) {
        Integer[] ascendingKeys = keys.sorted().distinct().toArray(Integer[]::new);
        if (ascendingKeys.length == 0) {
            return;
        }
        // one round trip; unnest yields the array in its order and the lock function runs row by row in that order
        jdbc.query("select pg_advisory_xact_lock(:namespace, k) from unnest(cast(:keys as int[])) as k",
                new MapSqlParameterSource().addValue("namespace", namespace).addValue("keys", ascendingKeys),
                rs -> { });
    }
}
