package io.riskstream.marketdata.fmp;

import io.riskstream.marketdata.CompanyProfile;
import io.riskstream.common.marketdata.DailyBar;
import io.riskstream.marketdata.EarningsDate;
import io.riskstream.marketdata.FinancialStatement;
import io.riskstream.marketdata.Frequency;
import io.riskstream.marketdata.Quote;
import io.riskstream.marketdata.StatementKind;
import io.riskstream.testsupport.ProviderFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Every FMP parser on recorded answers (stable and v3); see src/test/resources/marketdata/README.md for sources. */
class FmpParsersTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode fixture(String path) {
        return JSON.readTree(ProviderFixtures.read("fmp/" + path));
    }

    @Test
    void stableHistoryRowsAreAscendingAndCarryTheRawBar() {
        List<FmpParsers.PriceRow> rows = FmpParsers.priceRows(fixture("stable/historical-price-eod-full_AAPL.json"));
        assertThat(rows).extracting(FmpParsers.PriceRow::date).containsExactly(LocalDate.of(2023, 1, 3),
                LocalDate.of(2023, 1, 4), LocalDate.of(2023, 1, 5), LocalDate.of(2023, 1, 6), LocalDate.of(2023, 1, 9),
                LocalDate.of(2023, 1, 10));
        FmpParsers.PriceRow last = rows.getLast();
        assertThat(last.open()).isEqualTo(130.26);
        assertThat(last.high()).isEqualTo(131.26);
        assertThat(last.low()).isEqualTo(128.12);
        assertThat(last.close()).isEqualTo(130.73);
        assertThat(last.volume()).isEqualTo(63_896_200L);
        assertThat(last.adjClose()).isNull(); // the stable "full" answer has no adjusted close
    }

    @Test
    void theDividendAdjustedAnswerGivesTheAdjustedClose() {
        List<FmpParsers.PriceRow> rows = FmpParsers.priceRows(
                fixture("stable/historical-price-eod-dividend-adjusted_AAPL.json"));
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.date()).isEqualTo(LocalDate.of(2023, 2, 4));
            assertThat(r.adjClose()).isEqualTo(232.8);
            assertThat(r.open()).isEqualTo(227.2); // adjOpen
            assertThat(r.volume()).isEqualTo(44_489_128L);
        });
    }

    @Test
    void aRawBarWithoutAnAdjustedCloseForItsDateIsLeftOut() {
        List<FmpParsers.PriceRow> raw = FmpParsers.priceRows(fixture("stable/historical-price-eod-full_AAPL.json"));
        List<FmpParsers.PriceRow> adjusted = FmpParsers.priceRows(
                fixture("stable/historical-price-eod-dividend-adjusted_AAPL.json"));
        assertThat(FmpParsers.bars("AAPL", raw, adjusted)).isEmpty(); // no date in common
        List<DailyBar> bars = FmpParsers.bars("AAPL", raw, List.of(new FmpParsers.PriceRow(LocalDate.of(2023, 1, 10),
                null, null, null, null, 130.17, null)));
        assertThat(bars).singleElement().satisfies(b -> {
            assertThat(b.close()).isEqualTo(130.73);
            assertThat(b.adjClose()).isEqualTo(130.17);
            assertThat(b.source()).isEqualTo("fmp");
        });
    }

    @Test
    void legacyHistoryCarriesBothClosesInItsWrapper() {
        List<DailyBar> bars = FmpParsers.legacyBars("AAPL", FmpParsers.priceRows(fixture("v3/historical-price-full_AAPL.json")));
        assertThat(bars).hasSize(6);
        assertThat(bars.getFirst().date()).isEqualTo(LocalDate.of(2023, 1, 3));
        assertThat(bars.getLast().close()).isEqualTo(130.73);
        assertThat(bars.getLast().adjClose()).isEqualTo(130.17);
        assertThat(bars.getLast().volume()).isEqualTo(63_896_200L);
    }

    @Test
    void quotesReadTheStableAndLegacyShapes() {
        Quote stable = FmpParsers.quotes(fixture("stable/quote_AAPL.json")).get("AAPL");
        assertThat(stable.price()).isEqualTo(256.08);
        assertThat(stable.date()).isEqualTo(LocalDate.of(2025, 9, 22)); // 1758571201 = 16:00:01 in New York
        assertThat(stable.marketCap()).isEqualTo(3_800_327_071_200d);
        assertThat(stable.yearHigh()).isEqualTo(260.1);
        assertThat(stable.yearLow()).isEqualTo(169.21);
        assertThat(stable.previousClose()).isEqualTo(245.5);
        assertThat(stable.peRatio()).isNull(); // the stable quote has no P/E
        Quote fractionalCap = FmpParsers.quotes(fixture("stable/batch-quote_AAPL_2026-01-16.json")).get("AAPL");
        assertThat(fractionalCap.marketCap()).isCloseTo(3_775_609_234_913d, within(1d));
        Quote legacy = FmpParsers.quotes(fixture("v3/quote_AAPL.json")).get("AAPL");
        assertThat(legacy.peRatio()).isEqualTo(31.26);
        assertThat(legacy.date()).isEqualTo(LocalDate.of(2023, 11, 22));
    }

    @Test
    void theStableProfileFillsIdentityAndValuation() {
        CompanyProfile aapl = FmpParsers.profiles(fixture("stable/profile_AAPL.json")).get("AAPL");
        CompanyProfile.Identity id = aapl.identity();
        assertThat(id.name()).isEqualTo("Apple Inc.");
        assertThat(id.sector()).isEqualTo("Technology");
        assertThat(id.industry()).isEqualTo("Consumer Electronics");
        assertThat(id.exchange()).isEqualTo("NASDAQ");
        assertThat(id.country()).isEqualTo("US");
        assertThat(id.currency()).isEqualTo("USD");
        assertThat(id.employees()).isEqualTo(164_000); // sent as the string "164000"
        assertThat(id.ceo()).isEqualTo("Timothy D. Cook");
        assertThat(id.website()).isEqualTo("https://www.apple.com");
        assertThat(id.description()).startsWith("Apple Inc. designs");
        assertThat(id.etf()).isFalse();
        assertThat(id.lastDividend()).isEqualTo(1.03);
        CompanyProfile.Valuation v = aapl.valuation();
        assertThat(v.beta()).isEqualTo(1.093);
        assertThat(v.marketCap()).isEqualTo(3_775_801_225_282d);
        assertThat(v.price()).isEqualTo(255.53);
        assertThat(v.week52Low()).isEqualTo(169.21);
        assertThat(v.week52High()).isEqualTo(288.62);
        assertThat(v.dividendYield()).isCloseTo(1.03 / 255.53, within(1e-12));
        assertThat(aapl.source()).isEqualTo("fmp");
    }

    @Test
    void anEtfProfileWithNullsAndAnEmptyCeoHasNoMadeUpValues() {
        CompanyProfile etf = FmpParsers.profiles(fixture("stable/profile_VFV.TO.json")).get("VFV.TO");
        assertThat(etf.identity().etf()).isTrue();
        assertThat(etf.identity().ceo()).isNull();
        assertThat(etf.identity().employees()).isNull();
        assertThat(etf.identity().website()).isNull();
        assertThat(etf.identity().currency()).isEqualTo("CAD");
        assertThat(etf.valuation().beta()).isEqualTo(0.96);
    }

    @Test
    void theLegacyProfileUsesItsOwnNames() {
        CompanyProfile aapl = FmpParsers.profiles(fixture("v3/profile_AAPL.json")).get("AAPL");
        assertThat(aapl.identity().exchange()).isEqualTo("NASDAQ"); // exchangeShortName
        assertThat(aapl.valuation().marketCap()).isEqualTo(3_269_996_825_000d); // mktCap
        assertThat(aapl.identity().lastDividend()).isEqualTo(1.0); // lastDiv
        assertThat(aapl.valuation().week52High()).isEqualTo(220.2);
    }

    @Test
    void ttmRatiosGiveTheTrailingPerShareFigures() {
        CompanyProfile.Trailing t = FmpParsers.trailing(fixture("stable/ratios-ttm_AAPL.json"));
        assertThat(t.epsTtm()).isEqualTo(6.375265851569754);
        assertThat(t.peRatio()).isEqualTo(32.889608822880916);
        assertThat(t.dividendYield()).isEqualTo(0.0047691720717283476);
        assertThat(t.grossMargin()).isEqualTo(0.46518849807964424);
        assertThat(t.operatingMargin()).isEqualTo(0.3175535678188801);
        assertThat(t.profitMargin()).isEqualTo(0.24295027289266222);
        assertThat(FmpParsers.trailing(JSON.readTree("[]"))).isNull();
    }

    @Test
    void analystsComeFromTargetsAndGrades() {
        CompanyProfile.Analysts a = FmpParsers.analysts(fixture("stable/price-target-consensus_AAPL.json"),
                fixture("stable/grades-consensus_AAPL.json"));
        assertThat(a.targetHigh()).isEqualTo(310.0);
        assertThat(a.targetLow()).isEqualTo(173.0);
        assertThat(a.targetMean()).isEqualTo(236.38);
        assertThat(a.targetMedian()).isEqualTo(227.5);
        assertThat(a.analystCount()).isEqualTo(45); // 1 + 29 + 11 + 4 + 0
        assertThat(a.recommendation()).isEqualTo("buy");
        assertThat(a.recommendationMean()).isEqualTo(2.4); // (1·1 + 2·29 + 3·11 + 4·4) / 45 = 2.4
        assertThat(FmpParsers.analysts(JSON.readTree("[]"), JSON.readTree("[]"))).isNull();
    }

    @Test
    void annualEstimatesAreReadWhateverYearsTheAnswerHolds() {
        List<CompanyProfile.AnnualEstimate> e = FmpParsers.estimates(fixture("stable/analyst-estimates_AAPL_annual.json"));
        assertThat(e).singleElement().satisfies(y -> {
            assertThat(y.periodEnd()).isEqualTo(LocalDate.of(2029, 9, 28));
            assertThat(y.epsAvg()).isEqualTo(10.91773);
            assertThat(y.epsLow()).isEqualTo(10.48035);
            assertThat(y.epsHigh()).isEqualTo(11.57903);
            assertThat(y.revenueAvg()).isEqualTo(508_301_573_900d);
            assertThat(y.epsAnalysts()).isEqualTo(13);
            assertThat(y.revenueAnalysts()).isEqualTo(14);
        });
    }

    @Test
    void statementsKeepEveryItemUnderFmpsNameAndNotTheFilingFields() {
        FinancialStatement income = FmpParsers.statements("AAPL", StatementKind.INCOME, Frequency.ANNUAL,
                fixture("stable/income-statement_AAPL_annual.json")).getFirst();
        assertThat(income.periodEnd()).isEqualTo(LocalDate.of(2024, 9, 28));
        assertThat(income.currency()).isEqualTo("USD");
        assertThat(income.source()).isEqualTo("fmp");
        assertThat(income.values().get("revenue")).isEqualByComparingTo("391035000000");
        assertThat(income.values().get("netIncome")).isEqualByComparingTo("93736000000");
        assertThat(income.values().get("eps")).isEqualByComparingTo("6.11");
        assertThat(income.values().get("epsDiluted")).isEqualByComparingTo("6.08");
        assertThat(income.values()).doesNotContainKeys("fiscalYear", "cik", "period", "acceptedDate", "symbol");
        FinancialStatement balance = FmpParsers.statements("AAPL", StatementKind.BALANCE_SHEET, Frequency.ANNUAL,
                fixture("stable/balance-sheet-statement_AAPL_annual.json")).getFirst();
        assertThat(balance.values().get("totalStockholdersEquity")).isEqualByComparingTo("56950000000");
        assertThat(balance.values().get("retainedEarnings")).isEqualByComparingTo("-19154000000");
        FinancialStatement cash = FmpParsers.statements("AAPL", StatementKind.CASH_FLOW, Frequency.ANNUAL,
                fixture("stable/cash-flow-statement_AAPL_annual.json")).getFirst();
        assertThat(cash.values().get("operatingCashFlow")).isEqualByComparingTo("118254000000");
        assertThat(cash.values().get("capitalExpenditure")).isEqualByComparingTo("-9447000000");
        assertThat(cash.values().get("freeCashFlow")).isEqualByComparingTo("108807000000");
    }

    @Test
    void legacyCashFlowsKeepTheirMisspeltNamesNewestFirst() {
        List<FinancialStatement> quarters = FmpParsers.statements("AAPL", StatementKind.CASH_FLOW, Frequency.QUARTERLY,
                fixture("v3/cash-flow-statement_AAPL_quarter.json"));
        assertThat(quarters).hasSize(5);
        assertThat(quarters.getFirst().periodEnd()).isEqualTo(LocalDate.of(2023, 7, 1));
        assertThat(quarters).isSortedAccordingTo((a, b) -> b.periodEnd().compareTo(a.periodEnd()));
        Map<String, java.math.BigDecimal> q = quarters.getFirst().values();
        assertThat(q.get("netCashUsedForInvestingActivites")).isEqualByComparingTo("437000000");
        assertThat(q.get("operatingCashFlow")).isEqualByComparingTo("26380000000");
        assertThat(q).doesNotContainKeys("calendarYear", "fillingDate", "link", "finalLink");
    }

    @Test
    void aRepeatedPeriodIsOneStatement() {
        String row = "{\"date\":\"2024-09-28\",\"symbol\":\"X\",\"revenue\":\"1000\",\"netIncome\":null}";
        List<FinancialStatement> s = FmpParsers.statements("X", StatementKind.INCOME, Frequency.ANNUAL,
                JSON.readTree("[" + row + "," + row.replace("1000", "999") + "]"));
        assertThat(s).singleElement().satisfies(f -> {
            assertThat(f.values().get("revenue")).isEqualByComparingTo("1000"); // a number written as a string
            assertThat(f.values()).containsEntry("netIncome", null);
        });
    }

    @Test
    void earningsSeparateReportedFromScheduledDates() {
        List<EarningsDate> dates = FmpParsers.earnings("AAPL", fixture("stable/earnings_AAPL.json"));
        assertThat(dates).extracting(d -> d.date().toString()).containsExactly("2025-01-30", "2025-05-01",
                "2025-07-31", "2025-10-30", "2026-01-28", "2026-04-26");
        EarningsDate reported = dates.get(2);
        assertThat(reported.confirmed()).isTrue();
        assertThat(reported.epsActual()).isEqualTo(1.57);
        assertThat(reported.revenueActual()).isEqualTo(94_036_000_000d);
        EarningsDate next = dates.get(3);
        assertThat(next.confirmed()).isFalse();
        assertThat(next.epsEstimate()).isEqualTo(1.74);
        assertThat(next.revenueEstimate()).isEqualTo(101_543_226_520d);
        assertThat(dates.getLast().epsEstimate()).isNull();
    }

    @Test
    void aRepeatedEarningsDateKeepsTheFullerRow() {
        List<EarningsDate> dates = FmpParsers.earnings("X", JSON.readTree("""
                [{"symbol":"X","date":"2025-07-31","epsActual":null,"epsEstimated":null},
                 {"symbol":"X","date":"2025-07-31","epsActual":1.57,"epsEstimated":1.44}]"""));
        assertThat(dates).singleElement().satisfies(d -> assertThat(d.epsActual()).isEqualTo(1.57));
    }

    @Test
    void splitsAreReadFromTheStableList() {
        assertThat(FmpParsers.splits("AAPL", fixture("stable/splits_AAPL.json"))).singleElement().satisfies(s -> {
            assertThat(s.date()).isEqualTo(LocalDate.of(2020, 8, 31));
            assertThat(s.ratio()).isEqualTo(4.0);
        });
    }

    @Test
    void unexpectedShapesGiveNothingRatherThanAnError() {
        assertThat(FmpParsers.quotes(JSON.readTree("{}"))).isEmpty();
        assertThat(FmpParsers.priceRows(JSON.readTree("{}"))).isEmpty();
        assertThat(FmpParsers.profiles(JSON.readTree("[{\"companyName\":\"no symbol\"}]"))).isEmpty();
        assertThat(FmpParsers.quotes(JSON.readTree("[{\"symbol\":\"X\",\"price\":\"N/A\",\"timestamp\":1}]"))).isEmpty();
        assertThat(FmpParsers.statements("X", StatementKind.INCOME, Frequency.ANNUAL, JSON.readTree("[{\"revenue\":1}]")))
                .isEmpty();
    }
}
