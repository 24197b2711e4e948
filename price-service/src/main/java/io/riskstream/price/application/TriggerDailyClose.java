package io.riskstream.price.application;

import io.riskstream.common.application.EventPublisher;
import io.riskstream.common.application.UnitOfWork;
import io.riskstream.common.calendar.TradingCalendar;
import io.riskstream.common.event.DailyClose;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventIds;
import io.riskstream.price.domain.DailyCloseSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * Emits {@code daily-close} for a trading date exactly once: the trigger row (primary key: the date) and the event
 * commit together, so of several replicas or an operator racing the scheduler only the one whose insert won emits.
 * A forced trigger emits again under a new event id and leaves the first trigger row as it was.
 */
public class TriggerDailyClose {

    private static final Logger log = LoggerFactory.getLogger(TriggerDailyClose.class);

    public static final String SCHEDULER = "scheduler";
    public static final String OPERATOR = "operator";

    public enum Outcome { TRIGGERED, ALREADY_TRIGGERED, FORCED }

    public record Result(LocalDate tradingDate, Outcome outcome, UUID runId, UUID eventId,
                         DailyCloseTriggers.Trigger trigger) {
        public boolean emitted() {
            return outcome != Outcome.ALREADY_TRIGGERED;
        }
    }

    private final DailyCloseTriggers triggers;
    private final RunReports reports;
    private final EventPublisher events;
    private final TradingCalendar calendar;
    private final DailyCloseSchedule schedule;
    private final Clock clock;
    private final UnitOfWork unitOfWork;

    public TriggerDailyClose(DailyCloseTriggers triggers, RunReports reports, EventPublisher events,
                             TradingCalendar calendar, DailyCloseSchedule schedule, Clock clock, UnitOfWork unitOfWork) {
        this.triggers = triggers;
        this.reports = reports;
        this.events = events;
        this.calendar = calendar;
        this.schedule = schedule;
        this.clock = clock;
        this.unitOfWork = unitOfWork;
    }

    /** The scheduler's minute check: the latest session past its trigger time, if nobody triggered it yet. */
    public void onSchedule() {
        LocalDate due = schedule.dueSession(ZonedDateTime.now(clock), calendar);
        if (triggers.find(due).isEmpty()) {
            trigger(due, SCHEDULER, false);
        }
    }

    public Result trigger(LocalDate date, String triggeredBy, boolean force) {
        if (!calendar.isTradingDay(date)) {
            throw new IllegalArgumentException("date " + date + " is not an NYSE trading day");
        }
        UUID runId = UUID.randomUUID();
        Result result = unitOfWork.call(() -> {
            if (triggers.claim(date, runId, triggeredBy)) {
                return emit(date, runId, triggeredBy, EventIds.named("daily-close", date.toString()), Outcome.TRIGGERED);
            }
            if (force) {
                return emit(date, runId, triggeredBy, EventIds.named("daily-close", date.toString(), "forced", runId.toString()),
                        Outcome.FORCED);
            }
            DailyCloseTriggers.Trigger first = triggers.find(date).orElseThrow();
            return new Result(date, Outcome.ALREADY_TRIGGERED, first.runId(), null, first);
        });
        log.info("daily-close for {} by {}: {} (run {})", date, triggeredBy, result.outcome(), result.runId());
        return result;
    }

    private Result emit(LocalDate date, UUID runId, String triggeredBy, UUID eventId, Outcome outcome) {
        reports.start(runId, DailyCloseRefresh.RUN_KIND, date, triggeredBy);
        events.publish(EventEnvelope.of(eventId, runId, clock.instant(), new DailyClose(date)));
        return new Result(date, outcome, runId, eventId, triggers.find(date).orElseThrow());
    }
}
