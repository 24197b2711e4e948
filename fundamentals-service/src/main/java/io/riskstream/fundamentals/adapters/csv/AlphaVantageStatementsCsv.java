package io.riskstream.fundamentals.adapters.csv;

import io.riskstream.marketdata.FinancialStatement;
import io.riskstream.marketdata.Frequency;
import io.riskstream.marketdata.StatementKind;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Alpha Vantage statements in long format ({@code ticker,statement,period,fiscal_date_ending,currency,field,
 * value_as_string}, one value per line); the literal {@code None} becomes null.
 */
public final class AlphaVantageStatementsCsv {

    private static final String HEADER = "ticker,statement,period,fiscal_date_ending,currency,field,value_as_string";

    private AlphaVantageStatementsCsv() {
    }

    private record Key(String ticker, StatementKind kind, Frequency frequency, LocalDate periodEnd, String currency) {
    }

    public static List<FinancialStatement> read(Path file) {
        Map<Key, Map<String, BigDecimal>> statements = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (!HEADER.equals(header)) {
                throw new IllegalArgumentException(file + ": expected header '" + HEADER + "', got '" + header + "'");
            }
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != 7) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": expected 7 fields, got " + f.length);
                }
                Key key = new Key(f[0], kind(f[1], lineNo), frequency(f[2], lineNo), LocalDate.parse(f[3]), f[4]);
                Map<String, BigDecimal> items = statements.computeIfAbsent(key, k -> new LinkedHashMap<>());
                if (items.containsKey(f[5])) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": duplicate field " + f[5]);
                }
                items.put(f[5], value(f[6], file, lineNo));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<FinancialStatement> out = new ArrayList<>();
        statements.forEach((k, items) -> out.add(new FinancialStatement(k.ticker(), k.kind(), k.frequency(),
                k.periodEnd(), k.currency(), items, "alphavantage-csv")));
        return out;
    }

    private static BigDecimal value(String raw, Path file, int lineNo) {
        if (raw.equals("None") || raw.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ":" + lineNo + ": not a number: '" + raw + "'");
        }
    }

    private static StatementKind kind(String raw, int lineNo) {
        return switch (raw) {
            case "income_statement" -> StatementKind.INCOME;
            case "balance_sheet" -> StatementKind.BALANCE_SHEET;
            case "cash_flow" -> StatementKind.CASH_FLOW;
            default -> throw new IllegalArgumentException("line " + lineNo + ": unknown statement '" + raw + "'");
        };
    }

    private static Frequency frequency(String raw, int lineNo) {
        return switch (raw) {
            case "quarterly" -> Frequency.QUARTERLY;
            case "annual" -> Frequency.ANNUAL;
            default -> throw new IllegalArgumentException("line " + lineNo + ": unknown period '" + raw + "'");
        };
    }
}
