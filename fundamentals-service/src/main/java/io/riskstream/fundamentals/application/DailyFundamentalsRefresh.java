package io.riskstream.fundamentals.application;

import io.riskstream.common.calendar.TradingCalendar;
import io.riskstream.common.application.IncompleteAnswerException;
import io.riskstream.fundamentals.application.StatementStore.FetchState;
import io.riskstream.fundamentals.domain.FetchPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * daily-close: refetch the symbols whose earnings make it due (or whose weekly sweep is due). Once per trading date:
 * a repeated close of a processed date makes no provider call, and an interrupted one resumes where it stopped.
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
            }
        }
        statements.markDailyCloseDone(date, fetched, skipped, clock.instant());
        log.info("daily-close {}: {} symbols fetched, {} not due, {} answered incompletely", date, fetched, skipped,
                incomplete);
        return fetched;
    }
}
