package io.riskstream.portfolio.adapters.scheduling;

import io.riskstream.portfolio.application.DrainRefreshQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Drains the refresh queue on a fixed delay: every waiting (portfolio, date) pair is computed once. */
@Component
class RefreshDrainer {

    private static final Logger log = LoggerFactory.getLogger(RefreshDrainer.class);

    private final DrainRefreshQueue drain;

    RefreshDrainer(DrainRefreshQueue drain) {
        this.drain = drain;
    }

    @Scheduled(fixedDelayString = "${riskstream.portfolio.drain-interval:250ms}", initialDelayString = "1s")
    void drain() {
        try {
            int n = drain.drainAll();
            if (n > 0) {
                log.debug("refreshed {} (portfolio, date) pairs", n);
            }
        } catch (RuntimeException e) {
            // the pairs stay queued and are retried on the next pass
            log.warn("refresh drain failed: {}", e.toString(), e);
        }
    }
}
