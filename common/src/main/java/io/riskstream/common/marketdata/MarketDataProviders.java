package io.riskstream.common.marketdata;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Builds the configured provider chain from names ("simulated", "csv"). */
public final class MarketDataProviders {

    private MarketDataProviders() {
    }

    public static MarketDataProvider create(List<String> names, String csvDir, Clock clock) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("riskstream.market-data.providers is empty; use e.g. 'simulated' or 'csv'");
        }
        List<MarketDataProvider> chain = new ArrayList<>();
        for (String raw : names) {
            String name = raw.trim().toLowerCase();
            chain.add(switch (name) {
                case "simulated" -> new SimulatedMarket(clock);
                case "csv" -> {
                    if (csvDir == null || csvDir.isBlank()) {
                        throw new IllegalArgumentException("provider 'csv' needs riskstream.market-data.csv-dir "
                                + "(MARKET_DATA_CSV_DIR)");
                    }
                    Path dir = Path.of(csvDir);
                    if (!Files.isDirectory(dir)) {
                        throw new IllegalArgumentException("CSV market-data directory " + dir.toAbsolutePath()
                                + " does not exist");
                    }
                    yield new CsvMarketData(dir, clock);
                }
                default -> throw new IllegalArgumentException("unknown market-data provider '" + raw
                        + "' (known: simulated, csv)");
            });
        }
        return chain.size() == 1 ? chain.getFirst() : new FallbackMarketData(chain);
    }
}
