package io.riskstream.portfolio.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** (portfolio, date) pairs that need their analytics (re)computed; one row per pair however often it is asked for. */
public interface RefreshQueue {

    record Pending(LocalDate date, UUID cause, UUID runId, Instant requestedAt) {
    }

    /** Adds the pairs; a pair already waiting keeps its first request (time, cause). */
    void request(UUID portfolioId, Collection<LocalDate> dates, UUID cause, UUID runId);

    /**
     * The portfolio's earliest waiting dates, ascending, locked until the transaction ends; also serializes drainers
     * of one portfolio (several replicas, or the API and the scheduler).
     */
    List<Pending> lockPending(UUID portfolioId, int limit);

    void done(UUID portfolioId, LocalDate date);

    List<UUID> portfoliosWaiting();
}
