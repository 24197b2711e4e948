package io.riskstream.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A real PostgreSQL (zonky's embedded binaries) on a fixed port with its data kept in a folder, and one database per
 * service. Runs until the process is stopped; zonky stops the server in its shutdown hook.
 * Usage: {@code LocalPostgres <port> <data-dir> <database>...}
 * <p>
 * With {@code RISKSTREAM_PG_STAT_STATEMENTS=true} the server loads {@code pg_stat_statements} (zonky's binaries carry
 * it) and each database gets the extension, so a benchmark can be followed by a look at what the statements cost.
 */
public final class LocalPostgres {

    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: LocalPostgres <port> <data-dir> <database>...");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path data = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(data);
        List<String> databases = List.of(args).subList(2, args.length);
        boolean statementStatistics = Boolean.parseBoolean(System.getenv("RISKSTREAM_PG_STAT_STATEMENTS"));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(port).setDataDirectory(data)
                .setCleanDataDirectory(false);
        if (statementStatistics) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track", "all");
        }
        EmbeddedPostgres pg = builder.start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (String db : databases) {
                try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + db + "'")) {
                    if (!rs.next()) {
                        s.execute("create database \"" + db + "\"");
                    }
                }
                if (statementStatistics) {
                    try (Connection inDb = pg.getDatabase("postgres", db).getConnection();
                         Statement create = inDb.createStatement()) {
                        create.execute("create extension if not exists pg_stat_statements");
                    }
                }
            }
        }
        System.out.println("PostgreSQL ready on port " + port + " (data in " + data + "), databases " + databases);
        new CountDownLatch(1).await();
    }
}
