package io.riskstream.portfolio.application;

import io.riskstream.portfolio.domain.Position;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Portfolios, positions, and the symbols this service has announced. */
public interface PortfolioStore {

    record Portfolio(UUID id, String name, BigDecimal equity, String currency) {
    }

    /** Creates the portfolio unless one with this id exists; true when created. */
    boolean create(Portfolio portfolio);

    Optional<Portfolio> find(UUID id);

    /** Inserts the position, or overwrites it when one with its id exists (a changed position). */
    void savePosition(Position position);

    /** The portfolio's positions, by symbol, entry date and id. */
    List<Position> positions(UUID portfolioId);

    /** portfolio → its positions, for many portfolios at once (one query where possible). */
    default Map<UUID, List<Position>> positions(Collection<UUID> portfolioIds) {
        Map<UUID, List<Position>> all = new HashMap<>();
        portfolioIds.forEach(id -> all.put(id, positions(id)));
        return all;
    }

    /**
     * Portfolios with a position in {@code symbol} open on some day on or after {@code since}, each with the first
     * entry date over all its positions (where its analytics start).
     */
    Map<UUID, LocalDate> holdersWithFirstEntry(String symbol, LocalDate since);

    /** Open positions (no exit date) on {@code symbol} across all portfolios. */
    long openPositionCount(String symbol);

    /** Records that {@code symbol} has been announced; true the first time only. */
    boolean markKnown(String symbol);
}
