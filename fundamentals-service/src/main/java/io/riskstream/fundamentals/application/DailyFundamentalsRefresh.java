package io.riskstream.fundamentals.application;

import io.riskstream.common.calendar.TradingCalendar;
import io.riskstream.common.application.IncompleteAnswerException;
import io.riskstream.common.application.RetryLaterException;
import io.riskstream.fundamentals.application.StatementStore.FetchState;
import io.riskstream.fundamentals.domain.FetchPolicy;
import io.riskstream.marketdata.ProviderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * daily-close: refetch the symbols whose earnings make it due (or whose weekly sweep is due). Once per trading date:
 * a repeated close of a processed date makes no provider call, and an interrupted one resumes where it stopped.
 * A provider failing some symbols (an outage, a refusal) does not lose the close: the others are fetched, the close
 * is not recorded as done and is retried later without limit, asking again only for the symbols still due.
 */
public class DailyFundamentalsRefresh {

    private static final Logger log = LoggerFactory.getLogger(DailyFundamentalsRefresh.class);

    /** The close of a trading date, the event that announced it and its run. */
    public record Command(LocalDate tradingDate, UUID causeEventId, UUID runId) {
    }

    private final StatementStore statements;
    private final FetchFundamentals fetch;
    private final Clock clock;
    private final Duration sweepInterval;
    private final TradingCalendar calendar;

    public DailyFundamentalsRefresh(StatementStore statements, FetchFundamentals fetch, Clock clock,
                                    Duration sweepInterval, TradingCalendar calendar) {
        this.calendar = calendar;
        this.statements = statements;
        this.fetch = fetch;
        this.clock = clock;
        this.sweepInterval = sweepInterval;
    }

    /** Returns the number of symbols fetched. */
    public int handle(Command command) {
        LocalDate date = command.tradingDate();
        if (!calendar.isTradingDay(date)) {
            // a weekend or holiday: the market did not close, so nothing is due and nothing is recorded
            log.info("daily-close {}: not a trading day, nothing to do", date);
            return 0;
        }
        if (statements.dailyCloseDone(date)) {
            log.info("daily-close {}: already processed", date);
            return 0;
        }
        Instant now = clock.instant();
        int fetched = 0;
        int skipped = 0;
        int incomplete = 0;
        int unknown = 0;
        List<String> failed = new ArrayList<>();
        ProviderException lastFailure = null;
        for (FetchState state : statements.fetchStates()) {
            boolean doneForDate = state.lastCloseDate().filter(d -> !d.isBefore(date)).isPresent();
            if (doneForDate || !FetchPolicy.due(state.lastFetched(), state.nextEarnings(), date, now, sweepInterval)) {
                skipped++;
                continue;
            }
            try {
                fetch.fetch(state.symbol(), date, command.causeEventId(), command.runId());
                fetched++;
            } catch (IncompleteAnswerException e) {
                // the symbol stays due: the next close asks again; the others of this close go on
                log.warn("daily-close {}: {}", date, e.getMessage());
                incomplete++;
            } catch (ProviderException e) {
                if (e.kind() == ProviderException.Kind.UNKNOWN_SYMBOL) {
                    // terminal for this symbol, not for the close: it stays due and the next close asks again
                    log.warn("daily-close {}: {}", date, e.getMessage());
                    unknown++;
                } else {
                    failed.add(state.symbol());
                    lastFailure = e;
                }
            }
        }
        if (!failed.isEmpty()) {
            log.warn("daily-close {}: {} fetched, {} failed at the provider ({}); the close is retried later",
                    date, fetched, failed.size(), lastFailure.getMessage());
            throw new RetryLaterException("daily-close " + date + ": " + failed.size() + " symbol(s) failed at the "
                    + "provider, e.g. " + failed.getFirst() + ": " + lastFailure.getMessage());
        }
        statements.markDailyCloseDone(date, fetched, skipped, clock.instant());
        log.info("daily-close {}: {} symbols fetched, {} not due, {} answered incompletely, {} unknown to the provider",
                date, fetched, skipped, incomplete, unknown);
        return fetched;
    }
}
