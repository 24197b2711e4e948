package io.riskstream.portfolio.application;

import io.riskstream.common.application.UnitOfWork;

import java.util.UUID;

/**
 * Drains the refresh queue: each portfolio's waiting dates in date order, a chunk per unit of work, computed once
 * its symbols' data is there or the grace period is over ({@link RefreshChunk}). Draining stops at the first date
 * that must still wait, so snapshots always roll forward from a complete predecessor.
 */
public class DrainRefreshQueue {

    private static final System.Logger LOG = System.getLogger(DrainRefreshQueue.class.getName());

    private final RefreshQueue queue;
    private final ReadyPortfolios ready;
    private final RefreshChunk chunk;
    private final UnitOfWork snapshot;

    /**
     * @param snapshot the unit of work of a chunk: it must read a single snapshot of the data (the waiting dates'
     *                 versions and the data computed from them belong together) and report a concurrent change as
     *                 {@link ConcurrentChangeException}
     */
    public DrainRefreshQueue(RefreshQueue queue, ReadyPortfolios ready, RefreshChunk chunk, UnitOfWork snapshot) {
        this.queue = queue;
        this.ready = ready;
        this.chunk = chunk;
        this.snapshot = snapshot;
    }

    /**
     * The drainer's pass: every portfolio with dates ready, one chunk per portfolio per round until a round values
     * nothing, so a long backfill of one portfolio never holds the others back. Returns the pairs valued.
     */
    public int drainAll() {
        int total = 0;
        while (true) {
            int round = 0;
            for (UUID portfolioId : ready.among(queue.waiting())) {
                round += chunkInSnapshot(portfolioId).valued();
            }
            total += round;
            if (round == 0) {
                return total;
            }
        }
    }

    /** One portfolio's dates, chunk by chunk, up to about {@code maxDates} (an API call's share; the drainer does the rest). */
    public int drain(UUID portfolioId, int maxDates) {
        int total = 0;
        while (total < maxDates) {
            DrainResult result = chunkInSnapshot(portfolioId);
            total += result.valued();
            if (!result.more()) {
                break;
            }
        }
        return total;
    }

    /**
     * {@link #drain} after a command has committed: the command's effect stands whatever happens here, and dates
     * left undone (an error, a database hiccup) stay queued for the drainer.
     */
    public void drainAfterCommit(UUID portfolioId, int maxDates) {
        try {
            drain(portfolioId, maxDates);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "refresh of portfolio " + portfolioId + " left to the drainer: " + e, e);
        }
    }

    /**
     * A request committed while a chunk computes makes the removal of its date fail (the snapshot is stale): the
     * chunk is rolled back and the next round computes it once more, from data that includes the request. Never
     * lost, never announced twice.
     */
    private DrainResult chunkInSnapshot(UUID portfolioId) {
        try {
            return snapshot.call(() -> chunk.run(portfolioId));
        } catch (ConcurrentChangeException e) {
            LOG.log(System.Logger.Level.DEBUG, "portfolio " + portfolioId + " changed while it was computed; again next round");
            return DrainResult.NOTHING;
        }
    }
}
