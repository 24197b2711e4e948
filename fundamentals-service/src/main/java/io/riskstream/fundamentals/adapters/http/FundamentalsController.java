package io.riskstream.fundamentals.adapters.http;

import io.riskstream.common.event.Contract;
import io.riskstream.fundamentals.application.RefreshFundamentals;
import io.riskstream.fundamentals.application.StatementStore;
import io.riskstream.fundamentals.application.StatementStore.FetchState;
import io.riskstream.fundamentals.application.StatementStore.StoredStatement;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/fundamentals/{symbol}}: the stored statements by period, each with its typed line items, ratios and
 * the provider that answered it; {@code POST /api/fundamentals/refresh}: refetch named symbols or every one due.
 */
@RestController
@RequestMapping("/api/fundamentals")
class FundamentalsController {

    record RefreshRequest(List<String> symbols, String select) {
    }

    /** One statement of a period: the typed items and ratios; the full item set only when asked for. */
    record StatementView(String source, String currency, Map<String, BigDecimal> items,
                         Map<String, BigDecimal> ratios, Map<String, Object> allItems, Instant fetchedAt) {
    }

    record PeriodView(String frequency, LocalDate periodEnd, Map<String, StatementView> statements) {
    }

    record FundamentalsView(String symbol, String source, Instant lastFetched, LocalDate nextEarnings,
                            List<PeriodView> periods) {
    }

    private final StatementStore statements;
    private final RefreshFundamentals refresh;

    FundamentalsController(StatementStore statements, RefreshFundamentals refresh) {
        this.statements = statements;
        this.refresh = refresh;
    }

    @GetMapping("/{symbol}")
    FundamentalsView fundamentals(@PathVariable String symbol,
                                  @RequestParam(required = false) String frequency,
                                  @RequestParam(defaultValue = "false") boolean items) {
        String s = Contract.checkSymbol(symbol.trim().toUpperCase(Locale.ROOT), "symbol");
        String wanted = frequency == null ? null : switch (frequency.trim().toLowerCase(Locale.ROOT)) {
            case "quarterly" -> "QUARTERLY";
            case "annual" -> "ANNUAL";
            default -> throw new IllegalArgumentException("frequency: '" + frequency + "' is not quarterly or annual");
        };
        List<StoredStatement> stored = statements.statements(s);
        FetchState state = statements.fetchState(s).orElse(null);
        if (stored.isEmpty() && state == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no fundamentals for " + s);
        }
        Map<String, PeriodView> periods = new LinkedHashMap<>();
        for (StoredStatement st : stored) {
            if (wanted != null && !wanted.equals(st.frequency().name())) {
                continue;
            }
            PeriodView period = periods.computeIfAbsent(st.frequency() + "|" + st.periodEnd(),
                    k -> new PeriodView(st.frequency().name().toLowerCase(Locale.ROOT), st.periodEnd(),
                            new LinkedHashMap<>()));
            period.statements().put(name(st), new StatementView(st.source(), st.currency(), st.lineItems(),
                    st.derived(), items ? st.items() : null, st.fetchedAt()));
        }
        return new FundamentalsView(s, state == null ? null : state.source(),
                state == null ? null : state.lastFetched().orElse(null),
                state == null ? null : state.nextEarnings().orElse(null), List.copyOf(periods.values()));
    }

    @PostMapping("/refresh")
    RefreshFundamentals.Outcome refresh(@RequestBody RefreshRequest request) {
        return refresh.refresh(new RefreshFundamentals.Command(request.symbols(), request.select()));
    }

    private static String name(StoredStatement st) {
        return switch (st.kind()) {
            case INCOME -> "income";
            case BALANCE_SHEET -> "balanceSheet";
            case CASH_FLOW -> "cashFlow";
        };
    }
}
