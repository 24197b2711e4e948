package io.riskstream.fundamentals.application;

import io.riskstream.common.application.RetryLaterException;
import io.riskstream.marketdata.ProviderException;
import io.riskstream.common.application.EventPublisher;
import io.riskstream.common.application.UnitOfWork;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventIds;
import io.riskstream.common.event.FundamentalsReady;
import io.riskstream.marketdata.EarningsDate;
import io.riskstream.marketdata.EmptyAnswers;
import io.riskstream.marketdata.FinancialStatement;
import io.riskstream.marketdata.Frequency;
import io.riskstream.common.application.IncompleteAnswerException;
import io.riskstream.marketdata.MarketDataProvider;
import io.riskstream.marketdata.StatementKind;
import io.riskstream.fundamentals.domain.StatementCompleteness;
import io.riskstream.fundamentals.domain.StatementRow;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Fetches a symbol's statements (quarterly and annual, every statement) and its earnings calendar, then stores them
 * with their ratios and emits fundamentals-ready in one unit of work (the provider is asked before it opens).
 * symbol-added fetches at once unless the symbol already has statements.
 */
public class FetchFundamentals {

    /** A symbol announced to this service (symbol-added): released when no open position holds it any more. */
    public record Command(String symbol, boolean released, UUID causeEventId, UUID runId) {
    }

    private final StatementStore statements;
    private final MarketDataProvider provider;
    private final EventPublisher events;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final int quarters;
    private final int years;

    public FetchFundamentals(StatementStore statements, MarketDataProvider provider, EventPublisher events,
                             UnitOfWork unitOfWork, Clock clock, int quarters, int years) {
        this.statements = statements;
        this.provider = provider;
        this.events = events;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.quarters = quarters;
        this.years = years;
    }

    public int handle(Command command) {
        String symbol = command.symbol();
        // option symbols (with '_') have no statements; a release (no open positions left) needs no fetch
        if (command.released() || symbol.contains("_") || statements.lastFetched(symbol).isPresent()) {
            return 0;
        }
        try {
            return fetch(symbol, null, command.causeEventId(), command.runId());
        } catch (ProviderException e) {
            if (e.kind() == ProviderException.Kind.UNKNOWN_SYMBOL) {
                throw e; // terminal for this symbol: dead-lettered with the provider's reason
            }
            // an outage (circuit open, 429, 5xx, timeouts) or a refused key outlasting the listener's retries must
            // not dead-letter a new symbol's only fetch: no daily close asks for a symbol never fetched
            throw new RetryLaterException(symbol + ": " + e.getMessage() + "; retried later");
        }
    }

    /**
     * Fetches and stores one symbol; returns the number of statements stored.
     *
     * @throws IncompleteAnswerException when the provider left out some statements of a period; nothing is stored
     */
    public int fetch(String symbol, LocalDate closeDate, UUID cause, UUID runId) {
        List<FinancialStatement> fetched = new ArrayList<>();
        for (StatementKind kind : StatementKind.values()) {
            fetched.addAll(provider.statements(symbol, kind, Frequency.QUARTERLY, quarters));
            fetched.addAll(provider.statements(symbol, kind, Frequency.ANNUAL, years));
        }
        List<String> missing = StatementCompleteness.missing(fetched);
        if (!missing.isEmpty()) {
            throw new IncompleteAnswerException(symbol + ": provider " + provider.name() + " answered the other "
                    + "statements but none for " + String.join(", ", missing) + "; retried later");
        }
        LocalDate today = closeDate != null ? closeDate : LocalDate.now(clock);
        // a company that files statements has an earnings calendar: an empty one is more likely an empty answer
        List<EarningsDate> earnings = fetched.isEmpty() ? provider.earnings(symbol)
                : EmptyAnswers.askedUntilAnswered(() -> provider.earnings(symbol));
        LocalDate nextEarnings = earnings.stream().map(EarningsDate::date)
                .filter(d -> !d.isBefore(today)).findFirst().orElse(null);
        unitOfWork.run(() -> {
            statements.upsert(StatementRow.of(fetched));
            statements.recordFetch(symbol, clock.instant(), nextEarnings, closeDate, source(fetched));
            List<FundamentalsReady.Period> periods = fetched.stream().map(f -> new FundamentalsReady.Period(
                    f.kind().name(), f.frequency().name(), f.periodEnd())).toList();
            events.publish(EventEnvelope.of(EventIds.derive(cause, "fundamentals-ready", symbol), runId,
                    clock.instant(), new FundamentalsReady(symbol, periods, nextEarnings)));
        });
        return fetched.size();
    }

    /** The provider that answered the statements (the one that answered most of them, should a chain have mixed). */
    private String source(List<FinancialStatement> fetched) {
        return fetched.stream().map(FinancialStatement::source).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.groupingBy(s -> s, java.util.stream.Collectors.counting()))
                .entrySet().stream().max(java.util.Map.Entry.comparingByValue()).map(java.util.Map.Entry::getKey)
                .orElse(null);
    }
}
