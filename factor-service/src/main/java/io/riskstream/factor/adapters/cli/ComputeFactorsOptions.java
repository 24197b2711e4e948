package io.riskstream.factor.adapters.cli;

import io.riskstream.common.marketdata.PriceColumn;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The parsed command line of {@code compute-factors}. Null dates mean "the default". */
record ComputeFactorsOptions(Path prices, Path out, List<LocalDate> asOf, LocalDate from, LocalDate to,
                             List<String> symbols, PriceColumn column) {

    static final String USAGE = """
            usage: compute-factors --prices DIR --out FILE [--as-of D1,D2,...] [--from D --to D]
                                   [--symbols A,B,...] [--price-column adj_close|close]
              DIR holds <SYMBOL>.csv files (date,open,high,low,close,adj_close,volume), the eight factor ETFs
              SPY TLT VTV VUG MTUM QUAL IWM USMV included. Dates: the --as-of list, or every NYSE trading day in
              --from..--to; by default the last date all ETF files have. Symbols: by default every non-ETF file.""";

    private static final List<String> OPTIONS =
            List.of("--prices", "--out", "--as-of", "--from", "--to", "--symbols", "--price-column");

    /** A command line that cannot be run; the message says why. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static ComputeFactorsOptions parse(String... args) throws UsageException {
        Path prices = null;
        Path out = null;
        List<LocalDate> asOf = null;
        LocalDate from = null;
        LocalDate to = null;
        List<String> symbols = null;
        PriceColumn column = PriceColumn.ADJ_CLOSE;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("-h") || option.equals("--help")) {
                throw new UsageException("");
            }
            if (!OPTIONS.contains(option)) {
                throw new UsageException(option.startsWith("-") ? "unknown option '" + option + "'"
                        : "unexpected argument '" + option + "'");
            }
            if (i + 1 >= args.length) {
                throw new UsageException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--prices" -> prices = Path.of(value);
                case "--out" -> out = Path.of(value);
                case "--as-of" -> asOf = dates(option, value);
                case "--from" -> from = date(option, value);
                case "--to" -> to = date(option, value);
                case "--symbols" -> symbols = list(option, value).stream().map(String::toUpperCase).toList();
                case "--price-column" -> column = column(value);
                default -> throw new IllegalStateException(option);
            }
        }
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
        return new ComputeFactorsOptions(prices, out, asOf, from, to, symbols, column);
    }

    private static PriceColumn column(String value) throws UsageException {
        try {
            return PriceColumn.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--price-column: " + e.getMessage());
        }
    }

    private static List<LocalDate> dates(String option, String value) throws UsageException {
        List<LocalDate> dates = new ArrayList<>();
        for (String text : list(option, value)) {
            dates.add(date(option, text));
        }
        return dates.stream().distinct().sorted().toList();
    }

    private static LocalDate date(String option, String text) throws UsageException {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new UsageException(option + ": '" + text + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static List<String> list(String option, String value) throws UsageException {
        List<String> items = Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (items.isEmpty()) {
            throw new UsageException(option + " needs at least one value");
        }
        return items;
    }
}
