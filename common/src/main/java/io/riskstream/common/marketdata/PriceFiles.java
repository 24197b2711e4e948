package io.riskstream.common.marketdata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Daily bars read from a directory of {@code <SYMBOL>.csv} files with the header
 * {@code date,open,high,low,close,adj_close,volume} or that of a Yahoo Finance download,
 * {@code Date,Open,High,Low,Close,Adj Close,Volume} (the same columns in the same order; Yahoo writes {@code null} for
 * a value it does not have, read as blank, and a row of nothing but {@code null} for a day it lists without a bar,
 * skipped). Blank fields are unknown (null); {@code adj_close} is required, positive and finite; dates strictly
 * ascending. A file is read on first use and kept; a malformed file fails with an {@link IllegalArgumentException}
 * naming the file, line and date (and is retried on the next call).
 * <p>Here rather than with the providers because the offline {@code compute-factors} reads such files too, without
 * being a service that fetches market data; the {@code csv} provider of the market-data module serves them.
 */
public final class PriceFiles {

    public static final String HEADER = "date,open,high,low,close,adj_close,volume";
    /** The header of Yahoo Finance's history download (query1.finance.yahoo.com/v7/finance/download/SYMBOL). */
    public static final String YAHOO_HEADER = "Date,Open,High,Low,Close,Adj Close,Volume";
    private static final String YAHOO_NULL = "null";
    private static final String SUFFIX = ".csv";
    /** Also keeps a symbol from naming a path outside the directory. */
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.\\-^=]{0,19}");

    private final Path directory;
    private final Map<String, List<DailyBar>> cache = new ConcurrentHashMap<>();

    public PriceFiles(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("market data directory does not exist: " + directory);
        }
    }

    public Path directory() {
        return directory;
    }

    /** The symbols with a file in {@code directory}, sorted. */
    public static List<String> symbols(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(SUFFIX) && SYMBOL.matcher(n.substring(0, n.length() - SUFFIX.length())).matches())
                    .map(n -> n.substring(0, n.length() - SUFFIX.length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list market data directory " + directory, e);
        }
    }

    /** All bars of one symbol, ascending; empty when there is no such file. */
    public List<DailyBar> bars(String symbol) {
        if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
            return List.of();
        }
        return cache.computeIfAbsent(symbol, this::load);
    }

    private List<DailyBar> load(String symbol) {
        Path file = directory.resolve(symbol + SUFFIX);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(symbol, file, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static List<DailyBar> parse(String symbol, Path file, BufferedReader in) throws IOException {
        String header = in.readLine();
        if (header != null && header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        boolean yahoo = header != null && header.strip().equals(YAHOO_HEADER);
        if (header == null || !(yahoo || header.strip().equals(HEADER))) {
            throw new IllegalArgumentException(file + ": header must be '" + HEADER + "' (or a Yahoo Finance download's '"
                    + YAHOO_HEADER + "') but was " + (header == null ? "an empty file" : "'" + header.strip() + "'"));
        }
        List<DailyBar> bars = new ArrayList<>();
        LocalDate previous = null;
        String line;
        int lineNo = 1;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.strip().split(",", -1);
            if (yahoo && yahooRowWithoutBar(fields)) {
                continue;
            }
            Row row = new Row(file, lineNo, yahoo ? yahooNullsAsBlanks(fields) : fields);
            LocalDate date = row.date();
            if (previous != null && !date.isAfter(previous)) {
                throw row.error(date, date.equals(previous) ? "duplicate date" : "date is before the previous row's " + previous);
            }
            double adj = row.adjClose(date);
            bars.add(new DailyBar(symbol, date, row.number(1, "open", date), row.number(2, "high", date),
                    row.number(3, "low", date), row.number(4, "close", date), adj, row.volume(date), "csv"));
            previous = date;
        }
        return Collections.unmodifiableList(bars);
    }

    private static boolean yahooRowWithoutBar(String[] fields) {
        for (int i = 1; i < fields.length; i++) {
            if (!fields[i].strip().equals(YAHOO_NULL)) {
                return false;
            }
        }
        return fields.length > 1;
    }

    private static String[] yahooNullsAsBlanks(String[] fields) {
        String[] out = fields.clone();
        for (int i = 1; i < out.length; i++) {
            if (out[i].strip().equals(YAHOO_NULL)) {
                out[i] = "";
            }
        }
        return out;
    }

    /** One data line with its position, for error messages that point at it. */
    private record Row(Path file, int lineNo, String[] fields) {

        LocalDate date() {
            if (fields.length != 7) {
                throw new IllegalArgumentException(file + " line " + lineNo + ": expected 7 fields but found "
                        + fields.length);
            }
            String text = fields[0].strip();
            try {
                return isPlainDate(text) ? LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10))
                        : LocalDate.parse(text);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(file + " line " + lineNo + ": unparsable date '" + fields[0] + "'");
            }
        }

        /** yyyy-mm-dd, read without the formatter (the common case; the formatter reads every other ISO form). */
        private static boolean isPlainDate(String text) {
            if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
                return false;
            }
            for (int i = 0; i < 10; i++) {
                if (i != 4 && i != 7 && (text.charAt(i) < '0' || text.charAt(i) > '9')) {
                    return false;
                }
            }
            return true;
        }

        private static boolean allDigits(String text) {
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                    return false;
                }
            }
            return true;
        }

        private static int digits(String text, int from, int to) {
            int value = 0;
            for (int i = from; i < to; i++) {
                value = value * 10 + (text.charAt(i) - '0');
            }
            return value;
        }

        Double number(int i, String column, LocalDate date) {
            String text = fields[i].strip();
            if (text.isEmpty()) {
                return null;
            }
            try {
                double v = Double.parseDouble(text);
                if (!Double.isFinite(v)) {
                    throw error(date, column + " '" + text + "' is not finite");
                }
                return v;
            } catch (NumberFormatException e) {
                throw error(date, "unparsable " + column + " '" + text + "'");
            }
        }

        double adjClose(LocalDate date) {
            Double v = number(5, "adj_close", date);
            if (v == null) {
                throw error(date, "adj_close is blank (it is required)");
            }
            if (v <= 0) {
                throw error(date, "adj_close " + fields[5].strip() + " is not positive");
            }
            return v;
        }

        Long volume(LocalDate date) {
            String text = fields[6].strip();
            if (text.isEmpty()) {
                return null;
            }
            if (text.length() < 19 && allDigits(text)) {
                return Long.parseLong(text);
            }
            try {
                // Some exporters write volumes as "1234.0".
                BigDecimal v = new BigDecimal(text);
                if (v.signum() < 0) {
                    throw error(date, "volume '" + text + "' is negative");
                }
                return v.longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw error(date, "unparsable volume '" + text + "'");
            }
        }

        IllegalArgumentException error(LocalDate date, String problem) {
            return new IllegalArgumentException(file + " line " + lineNo + " (" + date + "): " + problem);
        }
    }
}
