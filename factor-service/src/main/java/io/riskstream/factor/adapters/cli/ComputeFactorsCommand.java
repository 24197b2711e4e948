package io.riskstream.factor.adapters.cli;

import java.util.Locale;
import io.riskstream.common.calendar.NyseCalendar;
import io.riskstream.common.factors.FactorCatalogue;
import io.riskstream.common.marketdata.PriceFiles;
import io.riskstream.common.marketdata.DailyBar;
import io.riskstream.common.marketdata.PriceColumn;
import io.riskstream.factor.adapters.cli.ComputeFactorsOptions.UsageException;
import io.riskstream.factor.domain.exposure.BenchmarkPrices;
import io.riskstream.factor.domain.exposure.PriceSeries;
import io.riskstream.factor.domain.exposure.SymbolExposureModel;
import io.riskstream.factor.domain.exposure.SymbolExposures;
import io.riskstream.factor.domain.factor.FactorSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code bin/riskstream compute-factors}: the twelve regression factors of CSV price files, offline (no Kafka, no
 * database, no Spring). Exit status 0 on success, 1 when input is bad (the output then holds only the symbols that
 * were complete, or is not written when nothing could run), 2 for a bad command line.
 */
public final class ComputeFactorsCommand {

    private static final int PROGRESS_EVERY = 100;

    private final ComputeFactorsOptions options;
    private final PrintStream err;
    private final SymbolExposureModel model = new SymbolExposureModel(FactorSettings.defaults());
    private final FactorCsv csv = new FactorCsv(model.definitions());

    ComputeFactorsCommand(ComputeFactorsOptions options, PrintStream err) {
        this.options = options;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream err) {
        return run(args, System.out, err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        ComputeFactorsOptions options;
        try {
            options = ComputeFactorsOptions.parse(args, out, err);
        } catch (UsageException e) {
            return 2;
        }
        if (options == null) {
            return 0; // --help
        }
        try {
            return new ComputeFactorsCommand(options, err).execute();
        } catch (InputException e) {
            err.println("compute-factors: error: " + e.getMessage());
            return 1;
        } catch (IOException | UncheckedIOException e) {
            err.println("compute-factors: error: " + e.getMessage());
            return 1;
        }
    }

    /** Bad input that stops the whole run. */
    static final class InputException extends Exception {
        InputException(String message) {
            super(message);
        }
    }

    int execute() throws InputException, IOException {
        long started = System.nanoTime();
        Path dir = options.prices();
        if (!Files.isDirectory(dir)) {
            throw new InputException("price directory " + dir + " does not exist");
        }
        Path out = options.out().toAbsolutePath();
        if (!Files.isDirectory(out.getParent())) {
            throw new InputException("output directory " + out.getParent() + " does not exist");
        }
        List<String> files = PriceFiles.symbols(dir);
        List<String> missing = FactorCatalogue.benchmarkSymbols().stream().filter(e -> !files.contains(e)).toList();
        if (!missing.isEmpty()) {
            throw new InputException("factor ETF file(s) missing in " + dir + ": "
                    + String.join(", ", missing.stream().map(s -> s + ".csv").toList())
                    + " (all of " + String.join(" ", FactorCatalogue.benchmarkSymbols()) + " are needed)");
        }
        Map<String, PriceSeries> etfs = new LinkedHashMap<>();
        for (String etf : FactorCatalogue.benchmarkSymbols()) {
            try {
                etfs.put(etf, load(dir, etf));
            } catch (IllegalArgumentException e) {
                throw new InputException(e.getMessage());
            }
        }
        List<LocalDate> dates = calculationDates(etfs);
        List<String> symbols = symbols(files);
        BenchmarkPrices benchmarks = BenchmarkPrices.of(etfs);

        Path tmp = Files.createTempFile(out.getParent(), "." + out.getFileName(), ".tmp");
        int failed = 0;
        long rows = 0;
        try {
            try (OutputStream w = Files.newOutputStream(tmp);
                 SymbolPipeline<SymbolRows> pipeline = new SymbolPipeline<>(symbols,
                         symbol -> compute(dir, symbol, benchmarks, dates))) {
                w.write((FactorCsv.HEADER + '\n').getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < symbols.size(); i++) {
                    try {
                        SymbolRows result = pipeline.next();
                        result.note().ifPresent(err::println);
                        w.write(result.csv());
                        rows += result.rows();
                    } catch (IllegalArgumentException e) {
                        err.println("compute-factors: error: " + e.getMessage());
                        failed++;
                    }
                    if ((i + 1) % PROGRESS_EVERY == 0 && i + 1 < symbols.size()) {
                        err.printf("compute-factors: %d/%d symbols (%.1f s)%n", i + 1, symbols.size(), seconds(started));
                    }
                }
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        err.printf("compute-factors: wrote %d rows (%d symbol(s), %d date(s)) to %s in %.1f s%n", rows,
                symbols.size() - failed, dates.size(), options.out(), seconds(started));
        if (failed > 0) {
            err.printf("compute-factors: %d symbol(s) failed and have no rows in %s%n", failed, options.out());
            return 1;
        }
        return 0;
    }

    /** One symbol's rows as UTF-8 and the note on the factors it lacks, printed when its rows are written. */
    private record SymbolRows(byte[] csv, long rows, Optional<String> note) {
    }

    /**
     * Throws IllegalArgumentException, naming the file or symbol, when the symbol cannot be computed at all. Runs on
     * the pipeline's threads: it prints nothing, so stderr keeps the symbols' order.
     */
    private SymbolRows compute(Path dir, String symbol, BenchmarkPrices benchmarks, List<LocalDate> dates) {
        if (!Files.isRegularFile(dir.resolve(symbol + ".csv"))) {
            throw new IllegalArgumentException(symbol + ": no file " + dir.resolve(symbol + ".csv"));
        }
        PriceSeries series = load(dir, symbol);
        List<SymbolExposures> exposures = model.compute(series, benchmarks, dates);
        StringBuilder text = new StringBuilder(exposures.size() * FactorCsv.TYPICAL_DATE_LENGTH);
        Gaps gaps = new Gaps();
        long rows = 0;
        for (SymbolExposures dated : exposures) {
            int written = csv.append(text, dated, gaps);
            rows += written;
        }
        if (rows == 0) {
            throw new IllegalArgumentException(symbol + " (" + dir.resolve(symbol + ".csv") + "): too little history ("
                    + describe(series) + "): no factor could be computed for any requested date, e.g. "
                    + gaps.example());
        }
        Optional<String> note = gaps.count() == 0 ? Optional.empty()
                : Optional.of("compute-factors: note: " + symbol + ": " + gaps.summary(dates.size()));
        return new SymbolRows(text.toString().getBytes(StandardCharsets.UTF_8), rows, note);
    }

    private static String describe(PriceSeries series) {
        LocalDate[] d = series.dates();
        return d.length == 0 ? "no prices" : d.length + " prices, " + d[0] + ".." + d[d.length - 1];
    }

    private PriceSeries load(Path dir, String symbol) {
        Path file = dir.resolve(symbol + ".csv");
        List<DailyBar> bars = new PriceFiles(dir).bars(symbol);
        LocalDate[] dates = new LocalDate[bars.size()];
        double[] prices = new double[bars.size()];
        for (int i = 0; i < dates.length; i++) {
            DailyBar bar = bars.get(i);
            dates[i] = bar.date();
            prices[i] = bar.price(options.column());
            if (!(prices[i] > 0)) {
                throw new IllegalArgumentException(file + " (" + bar.date() + "): "
                        + options.column().name().toLowerCase(Locale.ROOT) + " " + prices[i] + " is not positive");
            }
        }
        return new PriceSeries(symbol, dates, prices);
    }

    private List<LocalDate> calculationDates(Map<String, PriceSeries> etfs) throws InputException {
        if (options.asOf() != null) {
            return options.asOf();
        }
        if (options.from() != null) {
            List<LocalDate> days = NyseCalendar.instance().tradingDays(options.from(), options.to());
            if (days.isEmpty()) {
                throw new InputException("no NYSE trading days between " + options.from() + " and " + options.to());
            }
            return days;
        }
        Set<LocalDate> common = null;
        for (PriceSeries etf : etfs.values()) {
            Set<LocalDate> dates = new HashSet<>(List.of(etf.dates()));
            if (common == null) {
                common = dates;
            } else {
                common.retainAll(dates);
            }
        }
        return List.of(common.stream().max(LocalDate::compareTo)
                .orElseThrow(() -> new InputException("the factor ETF files have no date in common")));
    }

    private List<String> symbols(List<String> files) throws InputException {
        if (options.symbols() != null) {
            return options.symbols().stream().distinct().toList();
        }
        List<String> symbols = new ArrayList<>(files);
        symbols.removeAll(FactorCatalogue.benchmarkSymbols());
        if (symbols.isEmpty()) {
            throw new InputException("no symbol files besides the factor ETFs in " + options.prices());
        }
        return symbols;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
