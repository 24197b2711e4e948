package io.riskstream.price.adapters.scheduling;

import io.riskstream.price.application.TriggerDailyClose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Checks every minute (riskstream.daily-close.check-interval) whether the latest session's daily close is due and
 * untriggered. Every replica runs it; the trigger table lets only one of them emit.
 */
public class DailyCloseScheduler {

    private static final Logger log = LoggerFactory.getLogger(DailyCloseScheduler.class);

    private final TriggerDailyClose trigger;

    public DailyCloseScheduler(TriggerDailyClose trigger) {
        this.trigger = trigger;
    }

    @Scheduled(initialDelayString = "${riskstream.daily-close.initial-delay:PT10S}",
            fixedDelayString = "${riskstream.daily-close.check-interval:PT1M}")
    public void check() {
        try {
            trigger.onSchedule();
        } catch (RuntimeException e) {
            // the next check retries; a database outage must not kill the scheduler thread's schedule
            log.warn("daily-close check failed, retrying at the next check: {}", e.toString());
        }
    }
}
