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
 */
public interface HoldingLocks {

    /** Waits for and takes the locks of these symbols: positions in them and their profile, closes and betas. */
    void lockSymbols(Collection<String> symbols);

    /** Waits for and takes the locks of these portfolios: the derivation of their sector tags. */
    void lockPortfolios(Collection<UUID> portfolioIds);
}
