package io.riskstream.portfolio.application;

import java.util.Collection;
import java.util.UUID;

/**
 * Locks, held until the caller's unit of work ends, that keep "who holds a symbol" and "what is known of it" from
 * missing each other. Without them a new position and its symbol's first profile (or closes, or betas), committed at
 * the same moment, each read the other's table before the other committed: the position found no sector, the profile
 * found no holder, and the position kept "Uncategorized" for good (seen by the fault suite, broker-outage scenario).
 * With them the later of the two waits for the earlier to commit and then reads what it wrote.
 *
 * <p>Order, so that two units of work never wait for each other: symbols first, then portfolios; each set in the
 * order the implementation defines for it. Taking a lock already held by the same unit of work is free.
 *
 * <p>What matters is that each side takes the lock before it reads the other side's table. A unit of work that
 * stores symbol data may write first and lock after (the write is invisible until its commit, which comes after the
 * lock either way), which keeps a bulk write of closes or betas outside the time a new portfolio waits.
 */
public interface HoldingLocks {

    /** Waits for and takes the locks of these symbols: positions in them and their profile, closes and betas. */
    void lockSymbols(Collection<String> symbols);

    /** Waits for and takes the locks of these portfolios: the derivation of their sector tags. */
    void lockPortfolios(Collection<UUID> portfolioIds);
}
