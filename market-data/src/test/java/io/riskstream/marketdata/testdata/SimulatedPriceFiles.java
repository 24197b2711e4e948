package io.riskstream.marketdata.testdata;

import io.riskstream.marketdata.CsvMarketData;
import io.riskstream.common.marketdata.DailyBar;
import io.riskstream.marketdata.SimulatedMarket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the simulated market's bars as price files in the project's CSV layout ({@link CsvMarketData#HEADER}), for
 * tests of file-reading code that need no real prices: the project generates these itself, so they are available in
 * any checkout.
 */
public final class SimulatedPriceFiles {

    private SimulatedPriceFiles() {
    }

    /** One {@code <SYMBOL>.csv} per symbol in {@code directory}, every NYSE session in [from, to]. */
    public static Path write(Path directory, LocalDate from, LocalDate to, List<String> symbols) {
        SimulatedMarket market = new SimulatedMarket();
        try {
            Files.createDirectories(directory);
            for (String symbol : symbols) {
                List<String> lines = new ArrayList<>(List.of(CsvMarketData.HEADER));
                for (DailyBar b : market.dailyBars(symbol, from, to)) {
                    lines.add(b.date() + "," + cell(b.open()) + "," + cell(b.high()) + "," + cell(b.low()) + ","
                            + cell(b.close()) + "," + b.adjClose() + "," + (b.volume() == null ? "" : b.volume()));
                }
                Files.write(directory.resolve(symbol + ".csv"), lines);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cell(Double value) {
        return value == null ? "" : value.toString();
    }
}
