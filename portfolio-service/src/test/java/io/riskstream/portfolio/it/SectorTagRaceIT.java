package io.riskstream.portfolio.it;

import io.riskstream.common.event.PositionEvent;
import io.riskstream.common.event.ProfileUpdated;
import io.riskstream.portfolio.PortfolioServiceApplication;
import io.riskstream.portfolio.adapters.jdbc.JdbcSymbolProfileStore;
import io.riskstream.portfolio.application.Cause;
import io.riskstream.portfolio.application.PortfolioCommands;
import io.riskstream.portfolio.application.StoreProfile;
import io.riskstream.portfolio.application.SymbolProfiles;
import io.riskstream.portfolio.domain.SectorExposure;
import io.riskstream.testsupport.TestInfra;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The race the fault suite found (broker-outage scenario): a new position and its symbol's first profile-updated,
 * committed at the same moment. The test forces the interleaving that lost the sector: the position's unit of work
 * has read the profiles (none yet) and not committed; only then is the profile stored. Without the holding locks the
 * profile's unit of work finds no holder, commits, and the position keeps "Uncategorized" for good; with them the
 * profile waits for the position to commit and then re-derives its tag.
 */
@SpringBootTest(classes = {PortfolioServiceApplication.class, SectorTagRaceIT.PausingProfiles.class},
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "riskstream.market-data.as-of-date=2025-03-14")
@DirtiesContext
class SectorTagRaceIT {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "portfolio-service", SectorTagRaceIT.class);
    }

    /** The stored profiles, with a pause after the position's unit of work has read them. */
    @TestConfiguration
    static class PausingProfiles {
        static volatile Thread paused;
        static final CountDownLatch READ = new CountDownLatch(1);
        static final CountDownLatch RESUME = new CountDownLatch(1);

        @Bean
        @Primary
        SymbolProfiles pausingSymbolProfiles(NamedParameterJdbcTemplate jdbc) {
            SymbolProfiles stored = new JdbcSymbolProfileStore(jdbc);
            return new SymbolProfiles() {
                @Override
                public boolean save(String symbol, ProfileUpdated.ProfileFields fields) {
                    return stored.save(symbol, fields);
                }

                @Override
                public Map<String, SectorExposure.Profile> sectors(Collection<String> symbols) {
                    Map<String, SectorExposure.Profile> read = stored.sectors(symbols);
                    if (Thread.currentThread() == paused) {
                        READ.countDown();
                        await("the test lets the position's unit of work go on").atMost(Duration.ofMinutes(2))
                                .until(() -> RESUME.await(100, TimeUnit.MILLISECONDS));
                    }
                    return read;
                }
            };
        }
    }

    @Autowired PortfolioCommands commands;
    @Autowired StoreProfile profiles;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aPositionAndItsSymbolsFirstProfileCommittedTogetherEndWithTheSector() throws Exception {
        UUID portfolioId = UUID.randomUUID(), positionId = UUID.randomUUID();
        LocalDate entry = LocalDate.of(2025, 3, 3);
        PositionEvent.Position position = new PositionEvent.Position(positionId, "RACEA", new BigDecimal("10"),
                new BigDecimal("100"), entry, null, null, PositionEvent.PositionType.LONG);
        // threads of their own: the common pool has a single worker on a 2-core machine
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CompletableFuture<Void> positionWork = CompletableFuture.runAsync(() -> {
            PausingProfiles.paused = Thread.currentThread();
            commands.apply(new PortfolioCommands.ApplyPositionEvent(portfolioId,
                    new PositionEvent.PortfolioInfo("race", new BigDecimal("10000"), "USD"), position,
                    Cause.newRun(UUID.randomUUID())));
        }, threads);
        assertThat(PausingProfiles.READ.await(2, TimeUnit.MINUTES)).as("the position's unit of work read the profiles")
                .isTrue();

        CompletableFuture<Void> profileWork = CompletableFuture.runAsync(() -> profiles.apply(new StoreProfile.Command(
                "RACEA", new ProfileUpdated.ProfileFields("Race A Inc.", "Technology", "Software", false, false, null,
                null, null, null, null, null, null), Cause.newRun(UUID.randomUUID()))), threads);
        // the profile's unit of work either finishes (it missed the position) or waits for the position's lock
        await("the profile's unit of work finished or waits for the position's").atMost(Duration.ofMinutes(2))
                .until(() -> profileWork.isDone() || waitingForAnAdvisoryLock());
        PausingProfiles.RESUME.countDown();
        positionWork.get(2, TimeUnit.MINUTES);
        profileWork.get(2, TimeUnit.MINUTES);
        threads.shutdown();

        List<String> tags = jdbc.queryForList("""
                select t.name from position_tag pt join portfolio_tag t on t.id = pt.tag_id
                where pt.position_id = ? and t.kind = 'SECTOR'""", String.class, positionId);
        assertThat(tags).containsExactly("Technology");
    }

    private boolean waitingForAnAdvisoryLock() {
        Integer waiting = jdbc.queryForObject("""
                select count(*) from pg_stat_activity
                where datname = current_database() and wait_event_type = 'Lock' and wait_event = 'advisory'""",
                Integer.class);
        return waiting != null && waiting > 0;
    }
}
