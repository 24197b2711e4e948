package io.riskstream.price.adapters.http;

import io.riskstream.common.calendar.MarketClock;
import io.riskstream.price.application.TriggerDailyClose;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The operator's daily close: the same path as the scheduler's, so a date is emitted once unless forced. */
@RestController
@RequestMapping("/api/admin")
class DailyCloseController {

    record TriggerResponse(LocalDate tradingDate, String status, boolean emitted, UUID runId, UUID eventId,
                           String firstTriggeredBy, Instant firstTriggeredAt) {
    }

    private final TriggerDailyClose trigger;
    private final MarketClock marketClock;

    DailyCloseController(TriggerDailyClose trigger, MarketClock marketClock) {
        this.trigger = trigger;
        this.marketClock = marketClock;
    }

    @PostMapping("/daily-close")
    TriggerResponse trigger(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                            @RequestParam(defaultValue = "false") boolean force) {
        LocalDate tradingDate = date != null ? date : marketClock.latestCompletedSession();
        TriggerDailyClose.Result r = trigger.trigger(tradingDate, TriggerDailyClose.OPERATOR, force);
        String status = switch (r.outcome()) {
            case TRIGGERED -> "triggered";
            case FORCED -> "forced";
            case ALREADY_TRIGGERED -> "already triggered";
        };
        return new TriggerResponse(tradingDate, status, r.emitted(), r.runId(), r.eventId(),
                r.trigger().triggeredBy(), r.trigger().createdAt());
    }
}
