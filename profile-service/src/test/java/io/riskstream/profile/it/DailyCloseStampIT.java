package io.riskstream.profile.it;

import io.riskstream.profile.adapters.jdbc.JdbcProfileStore;
import io.riskstream.profile.application.ProfileStore;
import io.riskstream.profile.application.RefreshOutcome;
import io.riskstream.profile.domain.Profile;
import io.riskstream.profile.domain.ProfileField;
import io.riskstream.profile.domain.RefreshTiers.Tier;
import io.riskstream.testsupport.TestInfra;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The close stamp of a profile an onboarding creates while a daily close runs (the fault suite's provider-fault
 * scenario: a close retried for half a minute, and 11 profiles created meanwhile were left without the close's date).
 * The close's plan is read before such a profile exists, and the onboarding reads the latest close before this one is
 * done, so marking the close done must stamp it, and must not be able to slip between the read and the save.
 */
class DailyCloseStampIT {

    private static final LocalDate PREVIOUS = LocalDate.of(2026, 11, 30);
    private static final LocalDate CLOSE = LocalDate.of(2026, 12, 1);
    private static final Instant TRIGGERED = Instant.parse("2026-12-01T22:00:00Z");
    private static final RefreshOutcome OUTCOME = new RefreshOutcome(1, 0, 0, 1, 0);

    @Test
    void markingACloseDoneStampsTheDailyTiersSavedSinceItWasTriggered() {
        DataSource db = migrated("profile-close-stamp");
        ProfileStore store = new JdbcProfileStore(new NamedParameterJdbcTemplate(db));
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db));
        tx.executeWithoutResult(s -> store.markDailyCloseDone(PREVIOUS, TRIGGERED.minus(Duration.ofDays(1)), OUTCOME,
                TRIGGERED.minus(Duration.ofDays(1))));
        // before the trigger, and not refreshed by the close (say its batch went unanswered): its values are older
        save(store, "OLDER", TRIGGERED.minusSeconds(60), PREVIOUS);
        // created by onboardings while the close ran, carrying the close that was the latest then
        save(store, "DURING", TRIGGERED.plusSeconds(30), PREVIOUS);
        save(store, "FIRST", TRIGGERED.plusSeconds(40), null);
        // refreshed by the close itself
        save(store, "BYCLOSE", TRIGGERED.plusSeconds(20), CLOSE);

        tx.executeWithoutResult(s -> store.markDailyCloseDone(CLOSE, TRIGGERED, OUTCOME, TRIGGERED.plusSeconds(50)));

        assertThat(stamp(store, "OLDER")).contains(PREVIOUS);
        assertThat(stamp(store, "DURING")).contains(CLOSE);
        assertThat(stamp(store, "FIRST")).contains(CLOSE);
        assertThat(stamp(store, "BYCLOSE")).contains(CLOSE);
        assertThat(store.dailyCloseToStamp()).contains(CLOSE);
    }

    @Test
    void aCloseIsMarkedDoneOnlyOnceASaveThatReadThePreviousCloseHasCommitted() throws Exception {
        DataSource db = migrated("profile-close-stamp-race");
        ProfileStore store = new JdbcProfileStore(new NamedParameterJdbcTemplate(db));
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db));
        JdbcTemplate jdbc = new JdbcTemplate(db);
        AtomicReference<CompletableFuture<Void>> marking = new AtomicReference<>();

        tx.executeWithoutResult(s -> {
            // an onboarding's unit of work: it reads the close to carry (none yet) ...
            Optional<LocalDate> carried = store.dailyCloseToStamp();
            assertThat(carried).isEmpty();
            // ... the close is marked done meanwhile ...
            marking.set(CompletableFuture.runAsync(() -> tx.executeWithoutResult(
                    m -> store.markDailyCloseDone(CLOSE, TRIGGERED, OUTCOME, TRIGGERED.plusSeconds(50)))));
            await().atMost(Duration.ofSeconds(30)).until(() -> marking.get().isDone()
                    || advisoryLocks(jdbc, "and not granted") > 0);
            assertThat(marking.get()).as("the close was marked done between the read and the save").isNotDone();
            // ... and the profile is saved with what was read
            store.save(profile("RACE"), EnumSet.allOf(Tier.class), "test", TRIGGERED.plusSeconds(30),
                    carried.orElse(null));
        });
        marking.get().get(30, TimeUnit.SECONDS);

        assertThat(stamp(store, "RACE")).as("stamped by the close, which waited for the save").contains(CLOSE);
        assertThat(advisoryLocks(jdbc, "")).as("no lock left behind").isZero();
    }

    private static void save(ProfileStore store, String symbol, Instant at, LocalDate carried) {
        store.save(profile(symbol), EnumSet.of(Tier.DAILY), "test", at, carried);
    }

    private static Profile profile(String symbol) {
        return new Profile(symbol, Map.of(ProfileField.NAME, symbol + " Corp", ProfileField.BETA, 1.0));
    }

    private static Optional<LocalDate> stamp(ProfileStore store, String symbol) {
        return store.state(symbol).orElseThrow().dailyCloseDate();
    }

    /** Advisory locks held or waited for in this test's database, narrowed by {@code condition} ("and ..."). */
    private static int advisoryLocks(JdbcTemplate jdbc, String condition) {
        return jdbc.queryForObject("""
                select count(*) from pg_locks where locktype = 'advisory'
                  and database = (select oid from pg_database where datname = current_database()) """ + condition,
                Integer.class);
    }

    private static DataSource migrated(String database) {
        DataSource db = new DriverManagerDataSource(TestInfra.jdbcUrl(database), TestInfra.user(),
                TestInfra.password());
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(db);
        liquibase.setChangeLog("classpath:db/changelog/profile-service.yaml");
        liquibase.setResourceLoader(new DefaultResourceLoader());
        try {
            liquibase.afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException("migrating " + database + ": " + e.getMessage(), e);
        }
        return db;
    }
}
