package io.riskstream.marketdata;

import io.riskstream.common.marketdata.DailyBar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riskstream.common.testdata.RequiresSharedData;
import io.riskstream.common.testdata.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvMarketDataTest {

    /** Saturday 2024-06-15 12:00 ET. */
    private static final Clock SATURDAY = Clock.fixed(Instant.parse("2024-06-15T16:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    @RequiresSharedData("market/prices/AAPL.csv")
    void loadsTheRealAaplFile() {
        List<DailyBar> bars = new CsvMarketData(SharedData.resolve("market/prices"))
                .dailyBars("AAPL", LocalDate.of(2000, 1, 1), LocalDate.of(2030, 1, 1));
        assertThat(bars).hasSize(1510);
        assertThat(bars.getFirst().date()).isEqualTo(LocalDate.of(2019, 1, 2));
        assertThat(bars.getLast().date()).isEqualTo(LocalDate.of(2024, 12, 31));
        DailyBar first = bars.getFirst();
        assertThat(first.open()).isNull();
        assertThat(first.volume()).isNull();
        assertThat(first.adjClose()).isEqualTo(37.469207763671875);
        DailyBar may18 = bars.stream().filter(b -> b.date().equals(LocalDate.of(2021, 5, 18))).findFirst().orElseThrow();
        assertThat(may18.open()).isEqualTo(126.559998);
        assertThat(may18.close()).isEqualTo(124.849998);
        assertThat(may18.adjClose()).isEqualTo(121.6977767944336);
        assertThat(may18.volume()).isEqualTo(63_342_900L);
        assertThat(may18.symbol()).isEqualTo("AAPL");
    }

    @Test
    void loadsEveryColumnOfAFileInTheProjectLayout() throws IOException {
        write("AAPL", CsvMarketData.HEADER, "2021-05-17,126.82,126.93,125.17,126.27,123.07,74244600",
                "2021-05-18,126.559998,126.989998,124.779999,124.849998,121.6977767944336,63342900",
                "2021-05-19,,,,,121.94,");
        List<DailyBar> bars = new CsvMarketData(dir).dailyBars("AAPL", LocalDate.of(2000, 1, 1), LocalDate.of(2030, 1, 1));

        assertThat(bars).extracting(DailyBar::date).containsExactly(LocalDate.of(2021, 5, 17),
                LocalDate.of(2021, 5, 18), LocalDate.of(2021, 5, 19));
        DailyBar may18 = bars.get(1);
        assertThat(may18.symbol()).isEqualTo("AAPL");
        assertThat(may18.open()).isEqualTo(126.559998);
        assertThat(may18.high()).isEqualTo(126.989998);
        assertThat(may18.low()).isEqualTo(124.779999);
        assertThat(may18.close()).isEqualTo(124.849998);
        assertThat(may18.adjClose()).isEqualTo(121.6977767944336);
        assertThat(may18.volume()).isEqualTo(63_342_900L);
        assertThat(bars.get(2).open()).isNull();
        assertThat(bars.get(2).close()).isNull();
        assertThat(bars.get(2).volume()).isNull();
    }

    @Test
    void returnsTheRequestedRangeOnly() throws IOException {
        writeAdjustedCloses("SPY", "2024-12-20", 591.15, "2024-12-23", 594.69, "2024-12-24", 601.30, "2024-12-26", 601.34,
                "2024-12-27", 595.01, "2024-12-30", 588.22);
        CsvMarketData csv = new CsvMarketData(dir);
        List<DailyBar> bars = csv.dailyBars("SPY", LocalDate.of(2024, 12, 21), LocalDate.of(2024, 12, 27));
        assertThat(bars).extracting(DailyBar::date).containsExactly(LocalDate.of(2024, 12, 23),
                LocalDate.of(2024, 12, 24), LocalDate.of(2024, 12, 26), LocalDate.of(2024, 12, 27));
        assertThat(csv.dailyBars("SPY", LocalDate.of(2024, 12, 27), LocalDate.of(2024, 12, 21))).isEmpty();
    }

    @Test
    void listsTheSymbolsOfTheDirectory() throws IOException {
        for (String symbol : List.of("USMV", "SPY", "BRK-B", "AAPL")) {
            writeAdjustedCloses(symbol, "2024-06-14", 100.0);
        }
        Files.writeString(dir.resolve("README.md"), "not a price file");
        assertThat(CsvMarketData.symbols(dir)).containsExactly("AAPL", "BRK-B", "SPY", "USMV");
    }

    @Test
    @RequiresSharedData("market/prices")
    void listsTheSymbolsOfTheRealDataSet() {
        assertThat(CsvMarketData.symbols(SharedData.resolve("market/prices"))).hasSize(23)
                .contains("AAPL", "BRK-B", "SPY", "USMV").isSorted();
    }

    @Test
    void quotesAreTheLatestBarOnOrBeforeTheClockDate() throws IOException {
        write("SPY", CsvMarketData.HEADER, "2024-06-13,,,,,538.61,50976700", "2024-06-14,,,,,539.31,40089900",
                "2024-06-17,,,,,544.62,68471300");
        writeAdjustedCloses("AAPL", "2024-06-13", 213.55, "2024-06-14", 212.06);
        var quotes = new CsvMarketData(dir, SATURDAY).quotes(List.of("AAPL", "SPY", "NOPE", "../AAPL"));
        assertThat(quotes).containsOnlyKeys("AAPL", "SPY");
        Quote spy = quotes.get("SPY");
        assertThat(spy.date()).isEqualTo(LocalDate.of(2024, 6, 14));
        assertThat(spy.price()).isEqualTo(539.31);
        assertThat(spy.previousClose()).isEqualTo(538.61);
        assertThat(spy.volume()).isEqualTo(40_089_900L);
        assertThat(quotes.get("AAPL").price()).isEqualTo(212.06);
    }

    @Test
    void unknownSymbolsAndNonPriceDataAreEmpty() throws IOException {
        writeAdjustedCloses("AAPL", "2019-01-02", 37.47);
        CsvMarketData csv = new CsvMarketData(dir);
        assertThat(csv.dailyBars("NOPE", LocalDate.of(2019, 1, 1), LocalDate.of(2024, 1, 1))).isEmpty();
        assertThat(csv.dailyBars("../prices/AAPL", LocalDate.of(2019, 1, 1), LocalDate.of(2024, 1, 1))).isEmpty();
        assertThat(csv.profiles(List.of("AAPL"))).isEmpty();
        assertThat(csv.statements("AAPL", StatementKind.INCOME, Frequency.ANNUAL, 4)).isEmpty();
        assertThat(csv.earnings("AAPL")).isEmpty();
        assertThat(csv.name()).isEqualTo("csv");
    }

    @Test
    void concurrentFirstReadsShareOneLoad() throws IOException {
        writeAdjustedCloses("MSFT", "2024-06-13", 441.58, "2024-06-14", 442.57);
        CsvMarketData csv = new CsvMarketData(dir);
        List<List<DailyBar>> loaded = IntStream.range(0, 16).parallel().mapToObj(i -> csv.bars("MSFT")).toList();
        assertThat(loaded).allSatisfy(l -> assertThat(l).isSameAs(loaded.getFirst()));
    }

    @Test
    void acceptsBlankLinesAndDecimalVolumes() throws IOException {
        write("OK", CsvMarketData.HEADER, "2024-01-02,1,2,0.5,1.5,1.5,100.0", "", "2024-01-03,,,,,1.6,");
        assertThat(new CsvMarketData(dir).bars("OK")).extracting(DailyBar::volume).containsExactly(100L, null);
    }

    @Test
    void rejectsAWrongHeaderNamingTheFile() throws IOException {
        write("BAD", "date,open,high,low,close,volume", "2024-01-02,1,2,0.5,1.5,100");
        assertThatThrownBy(() -> new CsvMarketData(dir).bars("BAD"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BAD.csv").hasMessageContaining("header must be '" + CsvMarketData.HEADER + "'");
        write("EMPTY");
        assertThatThrownBy(() -> new CsvMarketData(dir).bars("EMPTY")).hasMessageContaining("EMPTY.csv");
    }

    @Test
    void rejectsAnUnparsableNumberWithLineAndDate() throws IOException {
        write("BAD", CsvMarketData.HEADER, "2024-01-02,1,2,0.5,1.5,1.5,100", "2024-01-03,1,2,abc,1.5,1.5,100");
        assertThatThrownBy(() -> new CsvMarketData(dir).bars("BAD"))
                .hasMessageContaining("BAD.csv line 3 (2024-01-03): unparsable low 'abc'");
    }

    @Test
    void rejectsNonPositiveNonFiniteOrMissingAdjClose() throws IOException {
        write("NEG", CsvMarketData.HEADER, "2024-01-02,1,2,0.5,1.5,-1.5,100");
        write("NAN", CsvMarketData.HEADER, "2024-01-02,1,2,0.5,1.5,NaN,100");
        write("BLANK", CsvMarketData.HEADER, "2024-01-02,1,2,0.5,1.5,,100");
        CsvMarketData csv = new CsvMarketData(dir);
        assertThatThrownBy(() -> csv.bars("NEG")).hasMessageContaining("NEG.csv line 2 (2024-01-02): adj_close -1.5 is not positive");
        assertThatThrownBy(() -> csv.bars("NAN")).hasMessageContaining("NAN.csv line 2 (2024-01-02): adj_close 'NaN' is not finite");
        assertThatThrownBy(() -> csv.bars("BLANK")).hasMessageContaining("BLANK.csv line 2 (2024-01-02): adj_close is blank");
    }

    @Test
    void rejectsDuplicateAndUnsortedDates() throws IOException {
        write("DUP", CsvMarketData.HEADER, "2024-01-02,,,,,1.5,", "2024-01-03,,,,,1.5,", "2024-01-03,,,,,1.6,");
        write("BACK", CsvMarketData.HEADER, "2024-01-03,,,,,1.5,", "2024-01-02,,,,,1.5,");
        CsvMarketData csv = new CsvMarketData(dir);
        assertThatThrownBy(() -> csv.bars("DUP")).hasMessageContaining("DUP.csv line 4 (2024-01-03): duplicate date");
        assertThatThrownBy(() -> csv.bars("BACK"))
                .hasMessageContaining("BACK.csv line 3 (2024-01-02): date is before the previous row's 2024-01-03");
    }

    @Test
    void rejectsBadDatesAndFieldCounts() throws IOException {
        write("DATE", CsvMarketData.HEADER, "02/01/2024,,,,,1.5,");
        write("FIELDS", CsvMarketData.HEADER, "2024-01-02,1.5");
        CsvMarketData csv = new CsvMarketData(dir);
        assertThatThrownBy(() -> csv.bars("DATE")).hasMessageContaining("DATE.csv line 2: unparsable date '02/01/2024'");
        assertThatThrownBy(() -> csv.bars("FIELDS")).hasMessageContaining("FIELDS.csv line 2: expected 7 fields but found 2");
    }

    @Test
    void rejectsAMissingDirectory() {
        assertThatThrownBy(() -> new CsvMarketData(dir.resolve("absent"))).hasMessageContaining("absent");
    }

    private void write(String symbol, String... lines) throws IOException {
        Files.write(dir.resolve(symbol + ".csv"), List.of(lines));
    }

    /** A file in the project layout with only adjusted closes, from date/price pairs. */
    private void writeAdjustedCloses(String symbol, Object... datesAndPrices) throws IOException {
        List<String> lines = new java.util.ArrayList<>(List.of(CsvMarketData.HEADER));
        for (int i = 0; i < datesAndPrices.length; i += 2) {
            lines.add(datesAndPrices[i] + ",,,,," + datesAndPrices[i + 1] + ",");
        }
        write(symbol, lines.toArray(String[]::new));
    }

    @Test
    void aDirectoryOfPricesSaysItHasNoProfilesThroughEveryWrapper() throws IOException {
        writeAdjustedCloses("SPY", "2024-06-14", 539.31);
        CsvMarketData csv = new CsvMarketData(dir);
        MarketDataProvider metered = new MeteredMarketData(csv, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());

        assertThat(csv.suppliesProfiles()).isFalse();
        assertThat(metered.suppliesProfiles()).isFalse();
        assertThat(new FallbackMarketData(List.of(metered)).suppliesProfiles()).isFalse();
        // the simulated market never fills in for a data set: after csv it is not asked, for profiles neither
        assertThat(new FallbackMarketData(List.of(metered, new SimulatedMarket())).suppliesProfiles()).isFalse();
        assertThat(new FallbackMarketData(List.of(new SimulatedMarket(), metered)).suppliesProfiles()).isTrue();
    }
}
