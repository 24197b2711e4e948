package io.riskstream.common.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.testsupport.TestInfra;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Instances that start together on an empty database: each migrates as a Spring Boot service would (the processor's
 * two callbacks around {@link SpringLiquibase#afterPropertiesSet}), on PostgreSQL.
 */
class SerialMigrationsIT {

    private static final int CHANGE_SETS = 3;

    @Test
    void instancesStartingTogetherOnAnEmptyDatabaseAllMigrateAndEachChangeSetRunsOnce() throws Exception {
        // several empty databases, four instances each: without the lock most rounds lose an instance to "relation
        // databasechangelog already exists"
        for (int round = 0; round < 5; round++) {
            String url = TestInfra.jdbcUrl("serial-migrations-" + round);
            int instances = 4;
            CyclicBarrier together = new CyclicBarrier(instances);
            try (ExecutorService starts = Executors.newFixedThreadPool(instances)) {
                List<Future<?>> started = new ArrayList<>();
                for (int i = 0; i < instances; i++) {
                    started.add(starts.submit(() -> {
                        SerialMigrations processor = new SerialMigrations();
                        SpringLiquibase liquibase = liquibase(dataSource(url));
                        together.await();
                        processor.postProcessBeforeInitialization(liquibase, "liquibase");
                        liquibase.afterPropertiesSet();
                        processor.postProcessAfterInitialization(liquibase, "liquibase");
                        return null;
                    }));
                }
                for (Future<?> f : started) {
                    f.get(60, TimeUnit.SECONDS); // rethrows an instance's failed migration
                }
            }
            JdbcTemplate jdbc = new JdbcTemplate(dataSource(url));
            assertThat(jdbc.queryForObject("select count(*) from databasechangelog", Integer.class))
                    .isEqualTo(CHANGE_SETS);
            assertThat(jdbc.queryForObject("select count(*) from pg_locks where locktype = 'advisory'", Integer.class))
                    .as("no lock left behind").isZero();
        }
    }

    @Test
    void aSecondInstanceMigratesOnlyOnceTheFirstHasFinished() throws Exception {
        String url = TestInfra.jdbcUrl("serial-migrations-wait");
        SerialMigrations first = new SerialMigrations();
        SerialMigrations second = new SerialMigrations();
        SpringLiquibase firstLiquibase = liquibase(dataSource(url));
        SpringLiquibase secondLiquibase = liquibase(dataSource(url));
        first.postProcessBeforeInitialization(firstLiquibase, "liquibase");
        CountDownLatch secondMayMigrate = new CountDownLatch(1);
        Thread waiting = Thread.ofPlatform().start(() -> {
            second.postProcessBeforeInitialization(secondLiquibase, "liquibase");
            secondMayMigrate.countDown();
        });

        // a lock that works holds the second back however long this waits; one that does not lets it through at once
        assertThat(secondMayMigrate.await(500, TimeUnit.MILLISECONDS)).as("second let through while first migrates")
                .isFalse();
        firstLiquibase.afterPropertiesSet();
        first.postProcessAfterInitialization(firstLiquibase, "liquibase");

        assertThat(secondMayMigrate.await(30, TimeUnit.SECONDS)).isTrue();
        waiting.join();
        secondLiquibase.afterPropertiesSet();
        second.postProcessAfterInitialization(secondLiquibase, "liquibase");
        assertThat(new JdbcTemplate(dataSource(url)).queryForObject("select count(*) from databasechangelog",
                Integer.class)).isEqualTo(CHANGE_SETS);
    }

    private static SpringLiquibase liquibase(DataSource dataSource) {
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog("classpath:db/serial-migrations-test.yaml");
        liquibase.setResourceLoader(new DefaultResourceLoader());
        return liquibase;
    }

    private static DataSource dataSource(String url) {
        return new DriverManagerDataSource(url, TestInfra.user(), TestInfra.password());
    }
}
