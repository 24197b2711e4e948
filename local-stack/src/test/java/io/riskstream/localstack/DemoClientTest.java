package io.riskstream.localstack;

import io.riskstream.common.calendar.NyseCalendar;
import io.riskstream.marketdata.CsvMarketData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's check before bin/riskstream starts anything ({@code --plan}): which session it runs as of, and with
 * {@code --prices} whether the directory can serve it. The price files are written here (made-up prices on the NYSE
 * sessions, some in the Yahoo download's layout); nothing is started.
 */
class DemoClientTest {

    /** Tuesday 2024-12-31, 17:00 in New York: that day's session is complete. */
    private static final Clock AFTER_THE_CLOSE = Clock.fixed(Instant.parse("2024-12-31T22:00:00Z"), ZoneOffset.UTC);
    /** The same day at 10:00: the latest complete session is Monday's. */
    private static final Clock BEFORE_THE_CLOSE = Clock.fixed(Instant.parse("2024-12-31T15:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private String stdout;
    private String stderr;

    @Test
    void onTheSimulatedMarketTheDemoRunsAsOfTheLatestCompleteSession() {
        assertThat(run(AFTER_THE_CLOSE, "--plan")).isZero();
        assertThat(stdout).isEqualTo("AS_OF=2024-12-31\nPRICES_DIR=\n");
        assertThat(run(BEFORE_THE_CLOSE, "--plan")).isZero();
        assertThat(stdout).startsWith("AS_OF=2024-12-30\n");
    }

    @Test
    void aDirectoryOfRealDailyPricesRunsAsOfTheLastSessionAllItsFilesHave() throws IOException {
        writeAll(LocalDate.of(2024, 12, 31));
        // one file a session shorter, in the Yahoo download's layout
        write("KO", LocalDate.of(2024, 12, 30), true);

        assertThat(run(AFTER_THE_CLOSE, "--plan", "--prices", dir.toString())).as(stderr).isZero();

        assertThat(stdout).isEqualTo("AS_OF=2024-12-30\nPRICES_DIR=" + dir.toAbsolutePath().normalize() + "\n");
    }

    @Test
    void missingFilesAreNamedBeforeAnythingStarts() throws IOException {
        write("AAPL", LocalDate.of(2024, 12, 31), false);
        write("SPY", LocalDate.of(2024, 12, 31), false);

        assertThat(run(AFTER_THE_CLOSE, "--plan", "--prices", dir.toString())).isEqualTo(2);

        assertThat(stdout).isEmpty();
        assertThat(stderr).contains("has no file for MSFT, NVDA, AMZN, JPM, JNJ, XOM, KO, PG, TLT, VTV, VUG, MTUM, QUAL,"
                + " IWM, USMV").contains("Usage: bin/riskstream demo");
        assertThat(run(AFTER_THE_CLOSE, "--plan", "--prices", dir.resolve("absent").toString())).isEqualTo(2);
        assertThat(stderr).contains("absent is not a directory");
    }

    @Test
    void aBrokenOrShortFileIsNamed() throws IOException {
        writeAll(LocalDate.of(2024, 12, 31));
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("PG.csv")));
        lines.set(3, lines.get(3).replaceFirst(",[0-9.]+,([0-9]+)$", ",abc,$1"));
        Files.write(dir.resolve("PG.csv"), lines);

        assertThat(run(AFTER_THE_CLOSE, "--plan", "--prices", dir.toString())).isEqualTo(2);
        assertThat(stderr).contains("PG.csv line 4").contains("unparsable adj_close 'abc'");

        writeAll(LocalDate.of(2024, 12, 31));
        Files.write(dir.resolve("XOM.csv"), bars(LocalDate.of(2024, 9, 3), LocalDate.of(2024, 12, 31), false));
        assertThat(run(AFTER_THE_CLOSE, "--plan", "--prices", dir.toString())).isEqualTo(2);
        assertThat(stderr).contains("XOM.csv starts on 2024-09-03: the demo needs a year of daily prices up to 2024-12-31");
    }

    @Test
    void helpNamesThePriceSourceOptionsAndABadValueIsNamed() {
        assertThat(run(AFTER_THE_CLOSE, "--help")).isZero();
        assertThat(stdout).contains("Usage: bin/riskstream demo").contains("--prices=DIR").contains("--timeout=SECONDS")
                .contains("simulated market (deterministic, not real quotes)").doesNotContain("--plan");
        assertThat(run(AFTER_THE_CLOSE, "--plan", "--timeout", "soon")).isEqualTo(2);
        assertThat(stderr).contains("--timeout").contains("'soon' is not a number of seconds");
        assertThat(run(AFTER_THE_CLOSE, "--plan", "--price", dir.toString())).isEqualTo(2);
        assertThat(stderr).contains("Unknown options: '--price'").contains("Possible solutions: --prices");
    }

    private void writeAll(LocalDate last) throws IOException {
        List<String> symbols = new ArrayList<>(DemoClient.SYMBOLS);
        symbols.addAll(DemoClient.FACTOR_ETFS);
        for (int i = 0; i < symbols.size(); i++) {
            write(symbols.get(i), last, i % 2 == 1);
        }
    }

    private void write(String symbol, LocalDate last, boolean yahoo) throws IOException {
        Files.write(dir.resolve(symbol + ".csv"), bars(LocalDate.of(2023, 1, 3), last, yahoo));
    }

    /** A bar per NYSE session; made-up prices drifting from 100. */
    private static List<String> bars(LocalDate first, LocalDate last, boolean yahoo) {
        List<String> lines = new ArrayList<>();
        lines.add(yahoo ? CsvMarketData.YAHOO_HEADER : CsvMarketData.HEADER);
        double price = 100;
        for (LocalDate d : NyseCalendar.instance().tradingDays(first, last)) {
            price *= 1 + 0.01 * Math.sin(d.toEpochDay());
            String p = "%.6f".formatted(price);
            lines.add(d + "," + p + "," + p + "," + p + "," + p + "," + p + ",1000");
        }
        return lines;
    }

    private int run(Clock clock, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DemoClient.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), clock);
        stdout = out.toString(StandardCharsets.UTF_8);
        stderr = err.toString(StandardCharsets.UTF_8);
        return status;
    }
}
