package io.riskstream.fundamentals.application;

import io.riskstream.common.event.Contract;
import io.riskstream.fundamentals.application.StatementStore.FetchState;
import io.riskstream.fundamentals.domain.FetchPolicy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The operator's refresh: the statements of the named symbols, or of every symbol due (its earnings date three days
 * past, no earnings date known, or the weekly sweep) — the same rule a daily close applies. One symbol failing does
 * not stop the others; each result says what happened.
 */
public class RefreshFundamentals {

    public static final int MAX_SYMBOLS = 5_000;

    /** The operator's request: named symbols, or none and {@code select} "due". */
    public record Command(List<String> symbols, String select) {
    }

    public record Result(String symbol, int statements, String error) {
    }

    public record Outcome(int refreshed, int notDue, int failed, List<Result> results) {
    }

    private final StatementStore statements;
    private final FetchFundamentals fetch;
    private final Clock clock;
    private final Duration sweepInterval;

    public RefreshFundamentals(StatementStore statements, FetchFundamentals fetch, Clock clock, Duration sweepInterval) {
        this.statements = statements;
        this.fetch = fetch;
        this.clock = clock;
        this.sweepInterval = sweepInterval;
    }

    /**
     * The command's {@code symbols} are refreshed, or with {@code select} "due" (and no symbols) every stored symbol
     * the refresh rule makes due.
     *
     * @throws IllegalArgumentException naming the invalid field
     */
    public Outcome refresh(Command command) {
        List<String> symbols = command.symbols();
        String select = command.select();
        boolean due = select != null;
        if (due && !"due".equals(select.trim().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("select: '" + select + "' is not 'due'");
        }
        if (due && symbols != null && !symbols.isEmpty()) {
            throw new IllegalArgumentException("select: give symbols or select 'due', not both");
        }
        List<String> targets = due ? dueSymbols() : List.copyOf(validSymbols(symbols));
        UUID request = UUID.randomUUID();
        List<Result> results = new ArrayList<>();
        int refreshed = 0;
        int failed = 0;
        for (String symbol : targets) {
            try {
                int n = fetch.fetch(symbol, null, request, request);
                results.add(new Result(symbol, n, null));
                refreshed++;
            } catch (RuntimeException e) {
                results.add(new Result(symbol, 0, e.getMessage()));
                failed++;
            }
        }
        int notDue = due ? statements.fetchStates().size() - targets.size() : 0;
        return new Outcome(refreshed, notDue, failed, results);
    }

    private List<String> dueSymbols() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        List<String> out = new ArrayList<>();
        for (FetchState state : statements.fetchStates()) {
            if (FetchPolicy.due(state.lastFetched(), state.nextEarnings(), today, now, sweepInterval)) {
                out.add(state.symbol());
            }
        }
        return out;
    }

    private static Set<String> validSymbols(List<String> symbols) {
        return Contract.checkSymbols(symbols, MAX_SYMBOLS, "symbols", " (or select: 'due')");
    }
}
