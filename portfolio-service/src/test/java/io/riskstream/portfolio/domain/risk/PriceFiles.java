package io.riskstream.portfolio.domain.risk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A directory of {@code <SYMBOL>.csv} price files (date,open,high,low,close,adj_close,volume): the adjusted closes the
 * returns come from, and the closes a position is valued at (the close, or the adjusted close where a row has none,
 * as portfolio-service stores a bar).
 */
record PriceFiles(Map<String, TreeMap<LocalDate, Double>> adjusted, Map<String, TreeMap<LocalDate, Double>> valuation) {

    static PriceFiles read(Path dir, List<String> symbols) {
        Map<String, TreeMap<LocalDate, Double>> adjusted = new TreeMap<>(), valuation = new TreeMap<>();
        for (String symbol : symbols) {
            TreeMap<LocalDate, Double> adj = new TreeMap<>(), val = new TreeMap<>();
            try {
                List<String> lines = Files.readAllLines(dir.resolve(symbol + ".csv"));
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.split(",", -1);
                    LocalDate date = LocalDate.parse(f[0]);
                    double a = Double.parseDouble(f[5]);
                    adj.put(date, a);
                    val.put(date, f[4].isBlank() ? a : Double.parseDouble(f[4]));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            adjusted.put(symbol, adj);
            valuation.put(symbol, val);
        }
        return new PriceFiles(adjusted, valuation);
    }

    double valuationOnOrBefore(String symbol, LocalDate date) {
        return valuation.get(symbol).floorEntry(date).getValue();
    }
}
