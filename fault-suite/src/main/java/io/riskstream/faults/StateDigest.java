package io.riskstream.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The business state of every service database: per table, the row count and an order-independent checksum of the
 * business columns. Identifiers and times that differ between two runs of the same input by construction (random
 * UUIDs such as portfolio and event ids, timestamps) are left out, and so are the operational tables (outbox, runs,
 * freshness, transient queues, the provider quota spent, the migration log). Two runs of the same input must give equal digests.
 */
final class StateDigest {

    /** Tables that record how the work went, not what it produced. */
    static final Set<String> OPERATIONAL = Set.of("outbox_event", "databasechangelog", "databasechangeloglock",
            "run", "run_declaration", "run_expected", "run_progress", "data_freshness", "daily_close_trigger",
            "portfolio_refresh_pending", "pending_calculation",
            // the provider requests spent per day: a crash or a provider fault makes a service ask again
            "provider_quota");
    /**
     * A daily close's own tally (refreshed, skipped, failed, provider calls): how many symbols it found to refresh
     * depends on how far the onboarding had got, and a close retried after provider errors records its last attempt
     * only. That the close was done is compared (the row and its date); what it refreshed is compared in the data.
     */
    static final Map<String, Set<String>> TALLY_COLUMNS = Map.of(
            "profile_daily_close", Set.of("refreshed", "skipped_fresh", "failed", "provider_calls"),
            "fundamentals_daily_close", Set.of("fetched", "skipped"));
    private static final Set<String> LEFT_OUT_TYPES = Set.of("uuid", "timestamp with time zone",
            "timestamp without time zone");

    /** One table: rows and the sum of 60-bit row hashes (exact, order-independent). */
    record Table(long rows, String checksum) {
    }

    /** service.table → its digest. */
    record Snapshot(Map<String, Table> tables) {

        long rows() {
            return tables.values().stream().mapToLong(Table::rows).sum();
        }

        /** Rows this snapshot lacks against {@code clean}, table by table. */
        long rowsLostAgainst(Snapshot clean) {
            long lost = 0;
            for (var e : clean.tables.entrySet()) {
                Table mine = tables.get(e.getKey());
                lost += Math.max(0, e.getValue().rows() - (mine == null ? 0 : mine.rows()));
            }
            return lost;
        }

        /** Rows this snapshot has beyond {@code clean}, table by table. */
        long rowsDuplicatedAgainst(Snapshot clean) {
            long extra = 0;
            for (var e : tables.entrySet()) {
                Table theirs = clean.tables.get(e.getKey());
                extra += Math.max(0, e.getValue().rows() - (theirs == null ? 0 : theirs.rows()));
            }
            return extra;
        }

        /** The tables whose count or checksum differ from {@code clean}. */
        List<String> differencesFrom(Snapshot clean) {
            List<String> out = new ArrayList<>();
            Set<String> names = new java.util.TreeSet<>(tables.keySet());
            names.addAll(clean.tables.keySet());
            for (String name : names) {
                Table mine = tables.get(name), theirs = clean.tables.get(name);
                if (mine == null || !mine.equals(theirs)) {
                    out.add(name + " (" + (theirs == null ? "-" : theirs.rows()) + " rows clean, "
                            + (mine == null ? "-" : mine.rows()) + " here)");
                }
            }
            return out;
        }
    }

    private final StackProcesses stack;

    StateDigest(StackProcesses stack) {
        this.stack = stack;
    }

    Snapshot take() throws SQLException {
        Map<String, Table> tables = new TreeMap<>();
        for (String service : StackProcesses.SERVICES) {
            try (Connection c = DriverManager.getConnection(stack.jdbcUrl(service), "postgres", "")) {
                for (var e : businessColumns(c).entrySet()) {
                    tables.put(service + "." + e.getKey(), digest(c, e.getKey(), e.getValue()));
                }
            }
        }
        return new Snapshot(tables);
    }

    /** Unpublished outbox rows over every service (a settled system has none). */
    long unpublishedOutbox() throws SQLException {
        long n = 0;
        for (String service : StackProcesses.SERVICES) {
            n += count(service, "select count(*) from outbox_event where published_at is null");
        }
        return n;
    }

    long count(String service, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(service), "postgres", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, List<String>> businessColumns(Connection c) throws SQLException {
        Map<String, List<String>> columns = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select c.table_name, c.column_name, c.data_type from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
                order by c.table_name, c.ordinal_position""")) {
            while (rs.next()) {
                String table = rs.getString(1);
                if (OPERATIONAL.contains(table) || LEFT_OUT_TYPES.contains(rs.getString(3))
                        || TALLY_COLUMNS.getOrDefault(table, Set.of()).contains(rs.getString(2))) {
                    continue;
                }
                columns.computeIfAbsent(table, k -> new ArrayList<>()).add('"' + rs.getString(2) + '"');
            }
        }
        return columns;
    }

    private static Table digest(Connection c, String table, List<String> columns) throws SQLException {
        // each row's text form hashed to 60 bits and summed as numeric: exact, and independent of row order
        String row = "row(" + String.join(", ", columns) + ")::text";
        String sql = "select count(*), coalesce(sum(('x' || substr(md5(" + row + "), 1, 15))::bit(60)::bigint::numeric), 0)"
                + " from \"" + table + "\"";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return new Table(rs.getLong(1), rs.getBigDecimal(2).toPlainString());
        }
    }
}
