package io.riskstream.factor.adapters.cli;

import io.riskstream.common.cli.IsoDateConverter;
import io.riskstream.common.factors.FactorCatalogue;
import io.riskstream.common.marketdata.PriceColumn;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/** The parsed command line of {@code compute-factors} (picocli). Null dates mean "the default". */
record ComputeFactorsOptions(Path prices, Path out, List<LocalDate> asOf, LocalDate from, LocalDate to,
                             List<String> symbols, PriceColumn column) {

    /** The help's description; the factor ETFs are the catalogue's (set here: an annotation takes only constants). */
    private static final String[] DESCRIPTION = {
            "The twelve regression factors of <SYMBOL>.csv price files, offline (no Kafka, no database).",
            "DIR holds <SYMBOL>.csv files (date,open,high,low,close,adj_close,volume, or a Yahoo Finance download), the "
                    + FactorCatalogue.benchmarkSymbols().size() + " factor ETFs "
                    + String.join(" ", FactorCatalogue.benchmarkSymbols()) + " included. Dates: the --as-of list, or"
                    + " every NYSE trading day in --from..--to; by default the last date all ETF files have. Symbols:"
                    + " by default every non-ETF file."};

    /** A command line that cannot be run; the message says why. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /**
     * Parses and checks {@code args}: null when help was asked for (it is then printed on {@code out}); a bad command
     * line prints its reason, picocli's suggestion for a misspelt option and the usage on {@code err}, and throws.
     */
    static ComputeFactorsOptions parse(String[] args, PrintStream out, PrintStream err) throws UsageException {
        Arguments arguments = new Arguments();
        CommandLine cl = new CommandLine(arguments);
        cl.getCommandSpec().usageMessage().description(DESCRIPTION);
        cl.setUsageHelpAutoWidth(true);
        try {
            cl.parseArgs(args);
            if (cl.isUsageHelpRequested()) {
                cl.usage(out);
                return null;
            }
            return arguments.check();
        } catch (ParameterException | UsageException e) {
            PrintWriter w = new PrintWriter(err, true, StandardCharsets.UTF_8);
            w.println("compute-factors: " + e.getMessage());
            if (e instanceof ParameterException pe) {
                UnmatchedArgumentException.printSuggestions(pe, w);
            }
            cl.usage(w);
            w.flush();
            throw e instanceof UsageException u ? u : new UsageException(e.getMessage());
        }
    }

    @Command(name = "compute-factors", synopsisHeading = "usage: ", sortOptions = false,
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {"0:written", "1:bad input (named on stderr)", "2:bad command line"})
    static final class Arguments {

        @Option(names = "--prices", paramLabel = "DIR", description = "the price files (required)")
        Path prices;

        @Option(names = "--out", paramLabel = "FILE", description = "the factor CSV to write (required)")
        Path out;

        @Option(names = "--as-of", paramLabel = "D", split = ",", converter = IsoDateConverter.class,
                description = "calculation dates, comma-separated")
        List<LocalDate> asOf;

        @Option(names = "--from", paramLabel = "D", converter = IsoDateConverter.class,
                description = "with --to: every NYSE trading day in between")
        LocalDate from;

        @Option(names = "--to", paramLabel = "D", converter = IsoDateConverter.class)
        LocalDate to;

        @Option(names = "--symbols", paramLabel = "SYMBOL", split = ",",
                description = "the symbols, comma-separated (default: every non-ETF file)")
        List<String> symbols;

        @Option(names = "--price-column", paramLabel = "adj_close|close", converter = ColumnConverter.class,
                defaultValue = "adj_close", description = "the price returns are computed from (default: ${DEFAULT-VALUE})")
        PriceColumn column;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
        boolean help;

        ComputeFactorsOptions check() throws UsageException {
            if (prices == null || out == null) {
                throw new UsageException("--prices and --out are required");
            }
            if ((from == null) != (to == null)) {
                throw new UsageException("--from and --to go together");
            }
            if (from != null && asOf != null) {
                throw new UsageException("give either --as-of or --from/--to, not both");
            }
            if (from != null && from.isAfter(to)) {
                throw new UsageException("--from " + from + " is after --to " + to);
            }
            List<String> names = symbols == null ? null : symbols.stream().map(String::strip).filter(s -> !s.isEmpty())
                    .map(String::toUpperCase).toList();
            if (names != null && names.isEmpty()) {
                throw new UsageException("--symbols needs at least one value");
            }
            List<LocalDate> dates = asOf == null ? null : asOf.stream().filter(Objects::nonNull).distinct().sorted().toList();
            return new ComputeFactorsOptions(prices, out, dates, from, to, names, column);
        }
    }

    static final class ColumnConverter implements ITypeConverter<PriceColumn> {
        @Override
        public PriceColumn convert(String value) {
            try {
                return PriceColumn.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
