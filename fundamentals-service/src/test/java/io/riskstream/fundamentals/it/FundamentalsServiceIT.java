package io.riskstream.fundamentals.it;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.riskstream.common.event.DailyClose;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventPayload;
import io.riskstream.common.event.SymbolAdded;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import io.riskstream.marketdata.FinancialStatement;
import io.riskstream.marketdata.Frequency;
import io.riskstream.marketdata.MeteredMarketData;
import io.riskstream.marketdata.StatementKind;
import io.riskstream.common.testdata.RequiresSharedData;
import io.riskstream.common.testdata.SharedData;
import io.riskstream.fundamentals.FundamentalsServiceApplication;
import io.riskstream.fundamentals.adapters.csv.AlphaVantageStatementsCsv;
import io.riskstream.fundamentals.application.StatementStore;
import io.riskstream.fundamentals.domain.LineItems;
import io.riskstream.fundamentals.domain.StatementRow;
import io.riskstream.testsupport.KafkaTestClient;
import io.riskstream.testsupport.TestInfra;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = FundamentalsServiceApplication.class)
@DirtiesContext
class FundamentalsServiceIT {

    static final String GROUP = TestInfra.groupOf("fundamentals-service", FundamentalsServiceIT.class);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "fundamentals-service", FundamentalsServiceIT.class);
    }

    private static final List<String> TABLES = List.of("income_statement", "balance_sheet", "cash_flow");

    @Autowired
    StatementStore store;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    private final EventCodec codec = new EventCodec();

    @Test
    @RequiresSharedData("fundamentals/alphavantage_statements_long.csv")
    void theRealStatementsFileLoadsCompletelyWithEveryNoneAsNull() {
        List<FinancialStatement> statements = AlphaVantageStatementsCsv.read(
                SharedData.resolve("fundamentals/alphavantage_statements_long.csv"));

        store.upsert(StatementRow.of(statements));

        String tickers = "symbol in ('AAPL','AMZN','BRK-B','FB','GOOGL','JNJ','JPM','KO','MSFT','NVDA','PG','TSLA',"
                + "'WMT','XOM')";
        int rows = 0;
        int values = 0;
        int nulls = 0;
        for (String table : TABLES) {
            rows += jdbc.queryForObject("select count(*) from " + table + " where " + tickers, Integer.class);
            values += jdbc.queryForObject("select count(*) from " + table + ", jsonb_each(items) where " + tickers,
                    Integer.class);
            nulls += jdbc.queryForObject("select count(*) from " + table + ", jsonb_each(items) where " + tickers
                    + " and value = 'null'::jsonb", Integer.class);
        }
        assertThat(rows).isEqualTo(statements.size());
        assertThat(values).isEqualTo(30_450);
        assertThat(nulls).isEqualTo(5_212);
        // every typed column holds exactly its item: a number where the file has one, null where it says None
        for (StatementKind kind : StatementKind.values()) {
            String table = TABLES.get(kind.ordinal());
            for (var column : LineItems.primaryNames(kind).entrySet()) {
                String item = "(items->>'" + column.getValue() + "')::numeric";
                assertThat(jdbc.queryForObject("select count(*) from " + table + " where " + tickers + " and "
                        + (LineItems.OUTFLOWS.contains(column.getKey()) ? "abs(" + item + ")" : item)
                        + " is distinct from " + column.getKey(),
                        Integer.class)).as(table + "." + column.getKey()).isZero();
            }
        }
        assertThat(jdbc.queryForObject("select total_assets from balance_sheet where symbol = 'AAPL' and "
                + "frequency = 'ANNUAL' and period_end = '2021-09-30'", BigDecimal.class))
                .isEqualByComparingTo("351002000000");
        assertThat(jdbc.queryForObject("select net_margin from income_statement where symbol = 'AAPL' and "
                + "frequency = 'ANNUAL' and period_end = '2021-09-30'", BigDecimal.class)).isBetween(
                new BigDecimal("0.2"), new BigDecimal("0.3"));
    }

    @Test
    void aTinyRevenueLargeLossCompanyStoresWithoutOverflowAndNearZeroDenominatorsGiveNull() {
        LocalDate q = LocalDate.of(2025, 3, 31);
        LocalDate q2 = LocalDate.of(2024, 12, 31);
        store.upsert(StatementRow.of(List.of(
                statement(StatementKind.INCOME, q, "totalRevenue", "10000", "grossProfit", "-1500000",
                        "operatingIncome", "-2400000", "netIncome", "-2500000"),
                statement(StatementKind.BALANCE_SHEET, q, "totalAssets", "4500000000000000",
                        "longTermDebt", "5000000000", "totalShareholderEquity", "100000",
                        "totalCurrentAssets", "700000000", "totalCurrentLiabilities", "0"),
                statement(StatementKind.CASH_FLOW, q, "operatingCashflow", "-3000000", "capitalExpenditures", "200000"),
                statement(StatementKind.INCOME, q2, "totalRevenue", "500", "netIncome", "-2500000"))));

        Map<String, Object> income = jdbc.queryForMap("select * from income_statement where symbol = 'DSTR' and "
                + "period_end = ?", q);
        assertThat((BigDecimal) income.get("net_margin")).isEqualByComparingTo("-250");      // −25,000 %
        assertThat((BigDecimal) income.get("gross_margin")).isEqualByComparingTo("-150");
        assertThat((BigDecimal) income.get("return_on_equity")).isEqualByComparingTo("-25");
        Map<String, Object> balance = jdbc.queryForMap("select * from balance_sheet where symbol = 'DSTR' and "
                + "period_end = ?", q);
        assertThat((BigDecimal) balance.get("debt_to_equity")).isEqualByComparingTo("50000");
        assertThat(balance.get("current_ratio")).isNull();
        assertThat((BigDecimal) balance.get("total_assets")).isEqualByComparingTo("4500000000000000");
        assertThat((BigDecimal) jdbc.queryForObject("select fcf_margin from cash_flow where symbol = 'DSTR' and "
                + "period_end = ?", BigDecimal.class, q)).isEqualByComparingTo("-320");
        assertThat(jdbc.queryForObject("select net_margin from income_statement where symbol = 'DSTR' and "
                + "period_end = ?", BigDecimal.class, q2)).isNull();
    }

    @Test
    void aNewSymbolGetsItsStatementsAtOnceAndTheDailyCloseRefetchesOnlyWhatIsDueOncePerDate() {
        send(Topics.SYMBOL_ADDED, new SymbolAdded("NEWF", SymbolAdded.Tier.ACTIVE, "test"));
        await().atMost(Duration.ofSeconds(30)).until(() -> store.lastFetched("NEWF").isPresent());
        assertThat(jdbc.queryForObject("select count(*) from income_statement where symbol = 'NEWF'", Integer.class))
                .isEqualTo(12 + 5);
        assertThat(jdbc.queryForObject("select count(*) from balance_sheet where symbol = 'NEWF' and "
                + "debt_to_equity is not null", Integer.class)).isEqualTo(12 + 5);
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where topic = ? and record_key = 'NEWF'",
                Integer.class, Topics.FUNDAMENTALS_READY)).isEqualTo(1);

        // DUEF was fetched a month ago and its next earnings date is unknown: due; NEWF is not
        store.recordFetch("DUEF", Instant.now().minus(Duration.ofDays(30)), null, null, "simulated");
        LocalDate date = LocalDate.of(2026, 11, 20);
        KafkaTestClient.awaitConsumed(GROUP);
        double before = calls();
        send(Topics.DAILY_CLOSE, new DailyClose(date));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from fundamentals_daily_close where trading_date = ?", Integer.class, date) == 1);
        System.out.printf("fundamentals daily close: %.0f provider calls%n", calls() - before);
        Map<String, Object> close = jdbc.queryForMap("select * from fundamentals_daily_close where trading_date = ?", date);
        assertThat(close.get("fetched")).as("symbols the close fetched").isEqualTo(1);
        assertThat(calls() - before).isEqualTo(7);   // 3 statements × 2 frequencies + earnings, for DUEF only
        assertThat(jdbc.queryForObject("select last_close_date from fundamentals_fetch where symbol = 'DUEF'",
                LocalDate.class)).isEqualTo(date);

        double afterFirst = calls();
        send(Topics.DAILY_CLOSE, new DailyClose(date));
        KafkaTestClient.awaitConsumed(GROUP);
        assertThat(calls() - afterFirst).isZero();
        assertThat(jdbc.queryForMap("select * from fundamentals_daily_close where trading_date = ?", date)).isEqualTo(close);
    }

    private static FinancialStatement statement(StatementKind kind, LocalDate periodEnd, String... items) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (int i = 0; i < items.length; i += 2) {
            values.put(items[i], new BigDecimal(items[i + 1]));
        }
        return new FinancialStatement("DSTR", kind, Frequency.QUARTERLY, periodEnd, "USD", values, "test");
    }

    private double calls() {
        return meters.find(MeteredMarketData.METER).counters().stream().mapToDouble(Counter::count).sum();
    }

    private void send(String topic, EventPayload payload) {
        KafkaTestClient.send(topic, payload.key(), codec.encode(EventEnvelope.of(UUID.randomUUID(), UUID.randomUUID(),
                Instant.now(), payload)));
    }
}
