package io.riskstream.portfolio.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * (portfolio, date) pairs that need their analytics (re)computed; one row per pair however often it is asked for.
 * Each request stamps the pair with a new version, and a drainer removes a pair only at the version it read: a
 * request that arrives while the pair is being computed (from positions or betas read before it) is never lost.
 */
public interface RefreshQueue {

    record Pending(LocalDate date, Cause cause, Instant requestedAt, long version) {
    }

    /**
     * Asks for the pairs: a new pair, or a new version of one already waiting (it keeps its first request time, so
     * the grace period counts from there, and takes the latest cause and run).
     */
    void request(UUID portfolioId, Collection<LocalDate> dates, Cause cause);

    /** {@link #request} for several portfolios at once (one statement where possible). */
    default void requestAll(Map<UUID, ? extends Collection<LocalDate>> dates, Cause cause) {
        dates.forEach((portfolioId, d) -> request(portfolioId, d, cause));
    }

    /**
     * Asks for the pairs from inside a drain of the same portfolio (the dates after one it recomputed): a pair
     * already waiting is left as it is, since the drain reaches it later in date order anyway.
     */
    void requestLater(UUID portfolioId, Collection<LocalDate> dates, Cause cause);

    /**
     * The portfolio's earliest waiting dates, ascending, and the portfolio to this transaction alone until it ends:
     * none when another drainer (several replicas, or the API and the scheduler) has it now.
     */
    List<Pending> lockPending(UUID portfolioId, int limit);

    /** Removes each pair still at the version the drainer computed; a newer request keeps its pair waiting. */
    void done(UUID portfolioId, List<Pending> computed);

    /** A portfolio with dates waiting: its earliest, and when that one was first requested. */
    record Head(UUID portfolioId, LocalDate date, Instant requestedAt) {
    }

    /** Every portfolio with dates waiting, longest waiting first. */
    List<Head> waiting();
}
