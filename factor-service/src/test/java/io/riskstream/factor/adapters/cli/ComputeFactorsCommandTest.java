package io.riskstream.factor.adapters.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.riskstream.common.testdata.RequiresSharedData;
import io.riskstream.marketdata.testdata.SimulatedPriceFiles;
import io.riskstream.factor.domain.fixtures.FactorReferenceOutput;
import io.riskstream.factor.domain.fixtures.MarketData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComputeFactorsCommandTest {

    private static final String HEADER =
            "symbol,calculation_date,factor,beta,alpha,r_squared,std_error,t_stat,p_value,observations";
    private static final List<String> RIDGE = List.of("value", "growth", "momentum", "quality", "size", "low_volatility");

    @TempDir
    Path work;
    private Path prices;
    private Path out;
    private String stderr;

    private static final List<String> FILES = List.of("SPY", "TLT", "VTV", "VUG", "MTUM", "QUAL", "IWM", "USMV", "AAPL", "TSLA");

    /** The simulated market's prices over the real data set's span, 2019-01-02 .. 2024-12-31, in the same layout. */
    @BeforeEach
    void writeSimulatedPrices() {
        prices = SimulatedPriceFiles.write(work.resolve("prices"), LocalDate.of(2019, 1, 2), LocalDate.of(2024, 12, 31), FILES);
        out = work.resolve("factors.csv");
    }

    @Test
    @RequiresSharedData("market/prices")
    void matchesTheNumpyReferenceRowForRowOnRealPrices() throws IOException {
        prices = Files.createDirectory(work.resolve("real-prices"));
        for (String symbol : FILES) {
            Files.copy(MarketData.priceDirectory().resolve(symbol + ".csv"), prices.resolve(symbol + ".csv"));
        }
        int status = run("--prices", prices.toString(), "--out", out.toString(), "--as-of", "2023-06-30,2024-12-31",
                "--symbols", "AAPL,TSLA");

        assertEquals(0, status, stderr);
        List<String> lines = Files.readAllLines(out);
        assertEquals(HEADER, lines.getFirst());
        List<FactorReferenceOutput.Row> expected = FactorReferenceOutput.rows();
        assertEquals(expected.size(), lines.size() - 1, "2 symbols x 2 dates x 12 factors");
        Map<String, String[]> actual = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertEquals(10, cells.length, line);
            actual.put(cells[0] + " " + cells[1] + " " + cells[2], cells);
        }
        for (FactorReferenceOutput.Row row : expected) {
            String[] cells = actual.get(row.symbol() + " " + row.date() + " " + row.factor());
            String what = row.symbol() + " " + row.date() + " " + row.factor();
            assertThat(cells).as(what).isNotNull();
            assertClose(row.beta(), cells[3], what + " beta");
            assertClose(row.alpha(), cells[4], what + " alpha");
            assertClose(row.rSquared(), cells[5], what + " r_squared");
            assertClose(row.stdError(), cells[6], what + " std_error");
            assertClose(row.tStat(), cells[7], what + " t_stat");
            assertClose(row.pValue(), cells[8], what + " p_value");
            assertEquals(String.valueOf(row.observations()), cells[9], what + " observations");
            if (RIDGE.contains(row.factor())) {
                assertThat(List.of(cells[4], cells[6], cells[7], cells[8])).as(what).containsOnly("");
            }
        }
    }

    @Test
    void defaultsToEveryNonEtfFileOnTheLastCommonEtfDate() throws IOException {
        assertEquals(0, run("--prices", prices.toString(), "--out", out.toString()), stderr);

        List<String> lines = Files.readAllLines(out);
        assertEquals(1 + 2 * 12, lines.size());
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.matches("(AAPL|TSLA),2024-12-31,.*"));
    }

    @Test
    void aDateRangeTakesEveryTradingDayAndReportsDatesWithoutEnoughHistory() throws IOException {
        assertEquals(0, run("--prices", prices.toString(), "--out", out.toString(), "--from", "2019-01-01",
                "--to", "2019-03-31", "--symbols", "AAPL"), stderr);

        List<String> lines = Files.readAllLines(out);
        // the files start on 2019-01-02: the 90-day factors need 30 returns (the 31st session, 2019-02-14), the
        // spreads 60 (the 61st, 2019-03-29)
        List<String> rows = lines.subList(1, lines.size());
        assertThat(rows.getFirst()).startsWith("AAPL,2019-02-14,market_beta,");
        assertThat(rows.stream().filter(l -> l.contains("_spread,")))
                .hasSize(4).allMatch(l -> l.startsWith("AAPL,2019-03-29,"));
        assertEquals(31 * 8 + 4, rows.size(), "31 sessions from 2019-02-14 to 2019-03-29");
        assertThat(stderr).contains("note: AAPL: ").contains("of 61 date(s) lack some factors")
                .contains("returns, 30 needed");
        assertThat(stderr.lines().filter(l -> l.contains("note:"))).hasSize(1);
    }

    @Test
    void aMissingEtfFileStopsTheRunAndWritesNothing() throws IOException {
        Files.delete(prices.resolve("USMV.csv"));

        assertEquals(1, run("--prices", prices.toString(), "--out", out.toString()));

        assertThat(stderr).contains("USMV.csv").contains("missing");
        assertThat(out).doesNotExist();
        assertNoStackTrace();
    }

    @Test
    void brokenSymbolsAreNamedAndLeaveNoRowsWhileTheOthersAreWritten() throws IOException {
        List<String> aapl = Files.readAllLines(prices.resolve("AAPL.csv"));
        List<String> negative = new ArrayList<>(aapl);
        negative.set(1000, negative.get(1000).replaceFirst(",[^,]*,([^,]*)$", ",-1.5,$1"));
        Files.write(prices.resolve("NEG.csv"), negative);
        List<String> duplicated = new ArrayList<>(aapl);
        duplicated.add(700, aapl.get(700));
        Files.write(prices.resolve("DUP.csv"), duplicated);
        Files.write(prices.resolve("NEW.csv"), aapl.subList(0, 1).stream().toList());
        Files.writeString(prices.resolve("TXT.csv"), aapl.get(0) + "\n" + aapl.get(1).replaceFirst(",[^,]*,([^,]*)$", ",abc,$1") + "\n");

        int status = run("--prices", prices.toString(), "--out", out.toString(), "--as-of", "2024-12-31");

        assertEquals(1, status);
        String negativeDate = negative.get(1000).substring(0, 10);
        assertThat(stderr).contains("NEG.csv").contains(negativeDate).contains("not positive");
        assertThat(stderr).contains("DUP.csv").contains(aapl.get(700).substring(0, 10)).contains("duplicate date");
        assertThat(stderr).contains("NEW").contains("too little history");
        assertThat(stderr).contains("TXT.csv").contains("unparsable adj_close 'abc'");
        assertThat(stderr).contains("4 symbol(s) failed");
        assertNoStackTrace();
        List<String> lines = Files.readAllLines(out);
        assertEquals(1 + 2 * 12, lines.size(), "AAPL and TSLA only");
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.startsWith("AAPL,") || l.startsWith("TSLA,"));
    }

    @Test
    void aRangeWithoutTradingDaysIsAnError() {
        assertEquals(1, run("--prices", prices.toString(), "--out", out.toString(), "--from", "2024-12-25",
                "--to", "2024-12-25"));

        assertThat(stderr).contains("no NYSE trading days between 2024-12-25 and 2024-12-25");
        assertThat(out).doesNotExist();
    }

    @Test
    void aBadCommandLinePrintsTheUsage() {
        assertEquals(2, run("--prices", prices.toString(), "--out", out.toString(), "--as-of", "2024-13-01"));
        assertThat(stderr).contains("'2024-13-01' is not a date").contains("usage: compute-factors");

        assertEquals(2, run("--prices", prices.toString()));
        assertThat(stderr).contains("--prices and --out are required");

        assertEquals(2, run("--prices", prices.toString(), "--out", out.toString(), "--price-column", "open"));
        assertThat(stderr).contains("unknown price column 'open'");
    }

    private int run(String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int status = ComputeFactorsCommand.run(args, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        stderr = buffer.toString(StandardCharsets.UTF_8);
        return status;
    }

    private void assertNoStackTrace() {
        assertThat(stderr).doesNotContain("\tat ").doesNotContain("Exception");
    }

    private static void assertClose(Double expected, String cell, String what) {
        if (expected == null) {
            assertEquals("", cell, what);
        } else {
            assertThat(Double.parseDouble(cell)).as(what).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
        }
    }
}
