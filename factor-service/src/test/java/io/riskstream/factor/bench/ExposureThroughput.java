package io.riskstream.factor.bench;

import io.riskstream.factor.domain.exposure.BenchmarkPrices;
import io.riskstream.factor.domain.exposure.PriceSeries;
import io.riskstream.factor.domain.exposure.SymbolExposureModel;
import io.riskstream.factor.domain.exposure.SymbolExposures;
import io.riskstream.factor.domain.factor.FactorSettings;
import io.riskstream.factor.domain.fixtures.MarketData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Throughput harness (not a test; run by hand, single thread):
 * <pre>
 * ./mvnw -q -pl factor-service -am test-compile        (JAVA_HOME = a JDK 21+, from the repository root)
 * cd factor-service && java -cp target/classes:target/test-classes:$HOME/.m2/repository/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar \
 *      io.riskstream.factor.bench.ExposureThroughput [symbols]
 * </pre>
 * Benchmarks are the real ETF series from shared/data; the symbols are synthetic (SPY-driven random walks on the
 * same dates), so every symbol has the full history.
 */
public final class ExposureThroughput {

    private static final int SINGLE_DATE_PASSES = 10;

    public static void main(String[] args) {
        int symbols = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Map<String, PriceSeries> benchmarkSeries = MarketData.benchmarks();
        BenchmarkPrices benchmarks = BenchmarkPrices.of(benchmarkSeries);
        PriceSeries spy = benchmarkSeries.get("SPY");
        List<PriceSeries> universe = syntheticSymbols(spy, symbols);
        List<LocalDate> year = Arrays.stream(spy.dates()).filter(d -> d.getYear() == 2024).toList();
        List<LocalDate> lastDay = List.of(year.getLast());
        SymbolExposureModel model = new SymbolExposureModel(FactorSettings.defaults());

        for (int round = 0; round < 5; round++) {
            long sink = 0;
            long t0 = System.nanoTime();
            for (int pass = 0; pass < SINGLE_DATE_PASSES; pass++) {
                for (PriceSeries s : universe) {
                    sink += checksum(model.compute(s, benchmarks, lastDay));
                }
            }
            long t1 = System.nanoTime();
            for (PriceSeries s : universe) {
                sink += checksum(model.compute(s, benchmarks, year));
            }
            long t2 = System.nanoTime();
            double single = (t1 - t0) / (double) (universe.size() * SINGLE_DATE_PASSES);
            double perSymbolYear = (t2 - t1) / (double) universe.size();
            long symbolDates = (long) universe.size() * year.size();
            System.out.printf("round %d: one symbol-date (12 factors) %.1f µs/call | %d symbols x %d dates in %.3f s"
                    + " = %.0f symbol-dates/s, %.2f ms per symbol-year (sink %d)%n", round, single / 1e3,
                    universe.size(), year.size(), (t2 - t1) / 1e9, symbolDates / ((t2 - t1) / 1e9),
                    perSymbolYear / 1e6, sink);
        }
    }

    private static long checksum(List<SymbolExposures> exposures) {
        return exposures.stream().mapToLong(e -> e.factors().size()).sum();
    }

    private static List<PriceSeries> syntheticSymbols(PriceSeries spy, int count) {
        Random random = new Random(1);
        double[] spyPrices = spy.prices();
        List<PriceSeries> out = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            double beta = 0.5 + random.nextDouble() * 1.5;
            double[] prices = new double[spyPrices.length];
            prices[0] = 50 + 100 * random.nextDouble();
            for (int i = 1; i < prices.length; i++) {
                double market = spyPrices[i] / spyPrices[i - 1] - 1;
                prices[i] = prices[i - 1] * (1 + beta * market + 0.01 * random.nextGaussian());
            }
            out.add(new PriceSeries("SYM" + s, spy.dates(), prices));
        }
        return out;
    }
}
