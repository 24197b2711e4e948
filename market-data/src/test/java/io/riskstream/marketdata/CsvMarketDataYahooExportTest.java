package io.riskstream.marketdata;

import io.riskstream.common.marketdata.DailyBar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Yahoo Finance history download read as the {@code csv} provider. The files are written here in the layout of
 * that download (query1.finance.yahoo.com/v7/finance/download/SYMBOL?interval=1d&events=history): the header
 * {@code Date,Open,High,Low,Close,Adj Close,Volume}, ascending dates, prices with six decimals, {@code null} for a
 * value Yahoo does not have and a row of nothing but {@code null} for a listed day without a bar — the layout that
 * backtrader's {@code YahooFinanceCSVData} documents and parses (adjusted close between close and volume since
 * 2018-11). The numbers are made up for the test.
 */
class CsvMarketDataYahooExportTest {

    private static final List<String> ACME = List.of(
            CsvMarketData.YAHOO_HEADER,
            "2024-12-23,101.250000,102.870003,100.910004,102.559998,101.934753,4183200",
            "2024-12-24,102.660004,103.779999,102.500000,103.699997,103.067795,1769500",
            "2024-12-26,null,null,null,null,null,null",
            "2024-12-27,103.410004,103.550003,101.019997,101.809998,101.189331,null",
            "2024-12-30,100.930000,101.400002,99.629997,100.389999,99.777985,3951700",
            "2024-12-31,100.699997,101.180000,100.010002,100.559998,100.559998,3305600");

    /** Tuesday 2024-12-31 22:00 New York: the close of the 31st is in. */
    private static final Clock NEW_YEARS_EVE = Clock.fixed(Instant.parse("2025-01-01T03:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void readsEveryColumnOfTheYahooDownload() throws IOException {
        Files.write(dir.resolve("ACME.csv"), ACME);

        List<DailyBar> bars = new CsvMarketData(dir).dailyBars("ACME", LocalDate.of(2024, 12, 1), LocalDate.of(2024, 12, 31));

        assertThat(bars).extracting(DailyBar::date).containsExactly(LocalDate.of(2024, 12, 23), LocalDate.of(2024, 12, 24),
                LocalDate.of(2024, 12, 27), LocalDate.of(2024, 12, 30), LocalDate.of(2024, 12, 31));
        DailyBar first = bars.getFirst();
        assertThat(first.symbol()).isEqualTo("ACME");
        assertThat(first.open()).isEqualTo(101.25);
        assertThat(first.high()).isEqualTo(102.870003);
        assertThat(first.low()).isEqualTo(100.910004);
        assertThat(first.close()).isEqualTo(102.559998);
        assertThat(first.adjClose()).isEqualTo(101.934753);
        assertThat(first.volume()).isEqualTo(4_183_200L);
    }

    @Test
    void aNullValueIsUnknownAndARowOfNullsIsADayWithoutABar() throws IOException {
        Files.write(dir.resolve("ACME.csv"), ACME);
        CsvMarketData csv = new CsvMarketData(dir, NEW_YEARS_EVE);

        DailyBar friday = csv.bars("ACME").get(2);
        assertThat(friday.date()).isEqualTo(LocalDate.of(2024, 12, 27));
        assertThat(friday.volume()).isNull();
        assertThat(friday.adjClose()).isEqualTo(101.189331);
        assertThat(csv.dailyBars("ACME", LocalDate.of(2024, 12, 26), LocalDate.of(2024, 12, 26))).isEmpty();

        Quote quote = csv.quotes(List.of("ACME")).get("ACME");
        assertThat(quote.date()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(quote.price()).isEqualTo(100.559998);
        assertThat(quote.previousClose()).isEqualTo(99.777985);
    }

    @Test
    void aMissingAdjustedCloseBesideOtherValuesIsStillAnErrorNamingTheLine() throws IOException {
        Files.write(dir.resolve("BAD.csv"), List.of(CsvMarketData.YAHOO_HEADER,
                "2024-12-23,101.250000,102.870003,100.910004,102.559998,101.934753,4183200",
                "2024-12-24,102.660004,103.779999,102.500000,103.699997,null,1769500"));

        assertThatThrownBy(() -> new CsvMarketData(dir).bars("BAD"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BAD.csv line 3 (2024-12-24): adj_close is blank (it is required)");
    }

    @Test
    void aYahooHeaderWithoutTheAdjustedCloseIsRefusedNamingBothAcceptedHeaders() throws IOException {
        // yfinance with auto_adjust=True writes no "Adj Close": which close the file holds cannot be told from it
        Files.write(dir.resolve("NOADJ.csv"), List.of("Date,Open,High,Low,Close,Volume",
                "2024-12-23,101.250000,102.870003,100.910004,102.559998,4183200"));

        assertThatThrownBy(() -> new CsvMarketData(dir).bars("NOADJ"))
                .hasMessageContaining("NOADJ.csv: header must be '" + CsvMarketData.HEADER + "'")
                .hasMessageContaining("'" + CsvMarketData.YAHOO_HEADER + "'")
                .hasMessageContaining("but was 'Date,Open,High,Low,Close,Volume'");
    }

    @Test
    void nullIsOnlyAWordInTheYahooLayout() throws IOException {
        Files.write(dir.resolve("OWN.csv"), List.of(CsvMarketData.HEADER, "2024-12-23,null,,,,101.9,"));

        assertThatThrownBy(() -> new CsvMarketData(dir).bars("OWN"))
                .hasMessageContaining("OWN.csv line 2 (2024-12-23): unparsable open 'null'");
    }
}
