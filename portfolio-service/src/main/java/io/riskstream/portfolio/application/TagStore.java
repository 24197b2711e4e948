package io.riskstream.portfolio.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A portfolio's tags and which positions carry them. */
public interface TagStore {

    enum Kind { SECTOR, USER }

    record Tag(UUID id, UUID portfolioId, Kind kind, String name, String colour, String description,
               List<UUID> positionIds) {
    }

    /** The tagged positions' values on a date, summed per tag (open positions; realised P&L of those closed). */
    record TagExposure(UUID tagId, Kind kind, String name, String colour, int openPositions, double marketValue,
                       double grossValue, double weight, double unrealizedPnl, double realizedPnl) {
    }

    /**
     * Makes {@code sectorByPosition} the portfolio's sector tagging: each position linked to the sector tag of that
     * name only (created with its colour and description where missing); sector tags left without positions go.
     */
    void replaceSectorTags(UUID portfolioId, Map<UUID, SectorTagSpec> sectorByPosition);

    record SectorTagSpec(String name, String colour, String description) {
    }

    /** Creates a user tag; empty when the portfolio has a user tag of that name already. */
    Optional<Tag> createUserTag(UUID portfolioId, String name, String colour, String description);

    Optional<Tag> find(UUID portfolioId, UUID tagId);

    List<Tag> tags(UUID portfolioId);

    /** Links the position and the tag (no effect when linked already). */
    void attach(UUID positionId, UUID tagId);

    /** Unlinks them; false when they were not linked. */
    boolean detach(UUID positionId, UUID tagId);

    List<TagExposure> exposures(UUID portfolioId, LocalDate date);
}
