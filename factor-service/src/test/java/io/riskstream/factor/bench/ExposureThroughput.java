package io.riskstream.factor.bench;

import io.riskstream.common.testdata.SharedData;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Throughput harness of the factor model (not a test: nothing here asserts a timing). From the repository root:
 * <pre>
 * ./mvnw -B -q -pl factor-service -am -Pbench -DskipTests test        [-Dbench.args="1000 5000 2 3"]
 * </pre>
 * Arguments: symbols for the single-thread year, symbols for the multi-thread year, threads, rounds. Three
 * measurements per round: all twelve factors for one symbol-date (a last-date call per symbol), a year of dates
 * (2024, 252 sessions) for the first count of symbols on one thread, and the same year for the second count split
 * over the threads. Benchmarks are the real ETF series from shared/data (2019–2024) where the data set sits beside
 * the repository, else the simulated market's over the same dates (the run says which); the symbols are synthetic
 * SPY-driven random walks on the same dates, so every symbol has the full history.
 */
public final class ExposureThroughput {

    private static final int SINGLE_DATE_PASSES = 5;

    public static void main(String[] args) throws Exception {
        int singleThreadSymbols = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int parallelSymbols = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;

        boolean real = SharedData.has("market/prices");
        Map<String, PriceSeries> benchmarkSeries = real ? MarketData.benchmarks() : MarketData.simulatedBenchmarks();
        System.out.println(real ? "benchmark ETFs: the real series in " + SharedData.resolve("market/prices")
                : "benchmark ETFs: the simulated market (shared/data not found beside the repository)");
        BenchmarkPrices benchmarks = BenchmarkPrices.of(benchmarkSeries);
        PriceSeries spy = benchmarkSeries.get("SPY");
        List<PriceSeries> universe = syntheticSymbols(spy, Math.max(singleThreadSymbols, parallelSymbols));
        List<LocalDate> year = Arrays.stream(spy.dates()).filter(d -> d.getYear() == 2024).toList();
        List<LocalDate> lastDay = List.of(year.getLast());
        SymbolExposureModel model = new SymbolExposureModel(FactorSettings.defaults());
        System.out.printf("%d cores available; %s %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 1; round <= rounds; round++) {
                List<PriceSeries> oneThread = universe.subList(0, singleThreadSymbols);
                long t0 = System.nanoTime();
                long sink = 0;
                for (int pass = 0; pass < SINGLE_DATE_PASSES; pass++) {
                    sink += run(model, benchmarks, oneThread, lastDay);
                }
                double perCall = (System.nanoTime() - t0) / 1e3 / (SINGLE_DATE_PASSES * oneThread.size());

                long t1 = System.nanoTime();
                sink += run(model, benchmarks, oneThread, year);
                double yearSeconds = (System.nanoTime() - t1) / 1e9;

                long t2 = System.nanoTime();
                sink += runParallel(pool, threads, model, benchmarks, universe.subList(0, parallelSymbols), year);
                double parallelSeconds = (System.nanoTime() - t2) / 1e9;

                long yearSymbolDates = (long) oneThread.size() * year.size();
                long parallelSymbolDates = (long) parallelSymbols * year.size();
                System.out.printf("round %d: one symbol-date (12 factors) %.1f µs | %d symbols x %d dates, 1 thread:"
                                + " %.2f s = %.0f symbol-dates/s | %d symbols x %d dates, %d threads: %.2f s = %.0f"
                                + " symbol-dates/s (%.0f per thread) [sink %d]%n",
                        round, perCall, oneThread.size(), year.size(), yearSeconds, yearSymbolDates / yearSeconds,
                        parallelSymbols, year.size(), threads, parallelSeconds, parallelSymbolDates / parallelSeconds,
                        parallelSymbolDates / parallelSeconds / threads, sink);
            }
        } finally {
            pool.shutdown();
        }
    }

    private static long run(SymbolExposureModel model, BenchmarkPrices benchmarks, List<PriceSeries> symbols,
            List<LocalDate> dates) {
        long sink = 0;
        for (PriceSeries s : symbols) {
            sink += checksum(model.compute(s, benchmarks, dates));
        }
        return sink;
    }

    private static long runParallel(ExecutorService pool, int threads, SymbolExposureModel model,
            BenchmarkPrices benchmarks, List<PriceSeries> symbols, List<LocalDate> dates) throws Exception {
        List<Future<Long>> parts = new ArrayList<>();
        int chunk = (symbols.size() + threads - 1) / threads;
        for (int from = 0; from < symbols.size(); from += chunk) {
            List<PriceSeries> part = symbols.subList(from, Math.min(symbols.size(), from + chunk));
            parts.add(pool.submit(() -> run(model, benchmarks, part, dates)));
        }
        long sink = 0;
        for (Future<Long> part : parts) {
            sink += part.get();
        }
        return sink;
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
