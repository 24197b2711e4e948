package io.riskstream.fundamentals.it;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.SymbolAdded;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import io.riskstream.fundamentals.FundamentalsServiceApplication;
import io.riskstream.testsupport.KafkaTestClient;
import io.riskstream.testsupport.ProviderStubServer;
import io.riskstream.testsupport.ProviderStubServer.Answer;
import io.riskstream.testsupport.TestInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * fundamentals-service against Financial Modeling Prep played by a local stub server: an empty 200 for one statement
 * of a company is asked again; a fund, which files none, is stored as having none.
 */
@SpringBootTest(classes = FundamentalsServiceApplication.class, properties = {
        "riskstream.fundamentals.quarters=4",
        "riskstream.fundamentals.years=2",
        "riskstream.outbox.poll-interval=50ms"})
@DirtiesContext
class FmpFundamentalsIT {

    static final String GROUP = TestInfra.groupOf("fundamentals-service", FmpFundamentalsIT.class);

    static final ProviderStubServer STUB = new ProviderStubServer();
    static final LocalDate NEXT_EARNINGS = LocalDate.now().plusDays(45);
    static final List<String> STATEMENTS = List.of("income-statement?symbol=", "balance-sheet-statement?symbol=",
            "cash-flow-statement?symbol=");

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "fundamentals-service", FmpFundamentalsIT.class);
        STUB.registerAsFmp(registry);
    }

    @AfterAll
    static void stop() {
        STUB.close();
    }

    @Autowired JdbcTemplate jdbc;
    @Autowired EventCodec codec;

    /** Four quarters or two years of one statement of FDQ, newest first, in FMP's format. */
    static Answer statements(URI uri) {
        boolean quarterly = uri.getQuery().contains("period=quarter");
        LocalDate newest = LocalDate.of(2026, 9, 30);
        String rows = IntStream.range(0, quarterly ? 4 : 2)
                .mapToObj(i -> quarterly ? newest.minusMonths(3L * i) : newest.minusYears(i))
                .map(d -> """
                        {"date":"%s","symbol":"FDQ","reportedCurrency":"USD","revenue":1000000,"netIncome":120000,\
                        "totalAssets":5000000,"totalLiabilities":2000000,"operatingCashFlow":150000}""".formatted(d))
                .collect(Collectors.joining(","));
        return Answer.ok("[" + rows + "]");
    }

    @Test
    void aStatementMissingFromAnAnswerIsAskedAgainAndAFundIsStoredWithNone() {
        STATEMENTS.forEach(s -> STUB.byDefault(s + "FDQ&", FmpFundamentalsIT::statements));
        // the first quarterly cash-flow request of FDQ answers an empty 200
        STUB.script("cash-flow-statement?symbol=FDQ&", Answer.ok("[]"));
        STUB.byDefault("earnings?symbol=FDQ&", uri -> Answer.ok("""
                [{"symbol":"FDQ","date":"%s","epsActual":null}]""".formatted(NEXT_EARNINGS)));
        STATEMENTS.forEach(s -> STUB.byDefault(s + "FDE&", uri -> Answer.ok("[]")));
        STUB.byDefault("earnings?symbol=FDE&", uri -> Answer.ok("[]"));

        send(new SymbolAdded("FDQ", SymbolAdded.Tier.ACTIVE, "test"));
        send(new SymbolAdded("FDE", SymbolAdded.Tier.ACTIVE, "test"));

        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from fundamentals_fetch where symbol in ('FDQ', 'FDE')", Long.class) == 2);
        for (String table : List.of("income_statement", "balance_sheet", "cash_flow")) {
            assertThat(jdbc.queryForList("select frequency from " + table + " where symbol = 'FDQ'", String.class))
                    .as(table).hasSize(6).containsOnly("QUARTERLY", "ANNUAL");
        }
        assertThat(jdbc.queryForObject("select next_earnings_date from fundamentals_fetch where symbol = 'FDQ'",
                LocalDate.class)).isEqualTo(NEXT_EARNINGS);
        // first answer: quarterly cash flow empty, so the record was retried once (2 × 2 requests per statement)
        assertThat(STUB.requestsTo("cash-flow-statement?symbol=FDQ&")).isEqualTo(4);
        assertThat(STUB.requestsTo("income-statement?symbol=FDQ&")).isEqualTo(4);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                KafkaTestClient.lag(GROUP, Topics.SYMBOL_ADDED) == 0);
        assertThat(jdbc.queryForObject("select count(*) from income_statement where symbol = 'FDE'", Long.class)).isZero();
        assertThat(STUB.requestsTo("income-statement?symbol=FDE&")).isEqualTo(2);
        assertThat(STUB.requestsTo("earnings?symbol=FDE&")).isEqualTo(1);
    }

    private void send(SymbolAdded payload) {
        KafkaTestClient.send(Topics.SYMBOL_ADDED, payload.key(), codec.encode(EventEnvelope.of(UUID.randomUUID(),
                UUID.randomUUID(), Instant.now(), payload)));
    }
}
