package io.riskstream.portfolio.application;

import io.riskstream.common.application.UnitOfWork;
import io.riskstream.common.event.Contract;
import io.riskstream.portfolio.domain.Position;
import io.riskstream.portfolio.domain.SectorExposure;
import io.riskstream.portfolio.domain.SectorTag;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Tags on positions. Sector tags are the legacy's phase 5 (§4.3), kept current instead of restored nightly: every
 * position, closed ones included, carries the tag of its profile's sector ("Uncategorized" without one), re-derived
 * whenever the portfolio's positions change or a held symbol's sector does. User tags are the user's own: created,
 * attached to and detached from positions, listed; both kinds group exposures and P&L.
 */
public class PositionTags {

    /** API: a new user tag; {@code colour} (#RRGGBB) and {@code description} are optional. */
    public record CreateTag(UUID portfolioId, String name, String colour, String description) {
    }

    /** API: a user tag put on (or taken off) a position of the portfolio. */
    public record TagOnPosition(UUID portfolioId, UUID positionId, UUID tagId) {
    }

    /** A tag of that name exists already (409). */
    public static final class Conflict extends RuntimeException {
        public Conflict(String message) {
            super(message);
        }
    }

    private final TagStore tags;
    private final PortfolioStore portfolios;
    private final SymbolProfiles profiles;
    private final UnitOfWork unitOfWork;
    private final HoldingLocks locks;

    public PositionTags(TagStore tags, PortfolioStore portfolios, SymbolProfiles profiles, UnitOfWork unitOfWork,
                        HoldingLocks locks) {
        this.tags = tags;
        this.portfolios = portfolios;
        this.profiles = profiles;
        this.unitOfWork = unitOfWork;
        this.locks = locks;
    }

    /**
     * Re-derives the portfolio's sector tags from its positions and the stored profiles (caller's transaction). Two
     * derivations of one portfolio run one after the other: each reads the profiles after the other committed, so
     * the last one written never lacks a sector the other stored.
     */
    public void restoreSectorTags(UUID portfolioId) {
        locks.lockPortfolios(List.of(portfolioId));
        List<Position> positions = portfolios.positions(portfolioId);
        Map<String, SectorExposure.Profile> sectors = profiles.sectors(positions.stream()
                .map(Position::symbol).distinct().toList());
        Map<UUID, TagStore.SectorTagSpec> byPosition = new HashMap<>();
        for (Position p : positions) {
            SectorExposure.Profile profile = sectors.get(p.symbol());
            String name = SectorTag.nameOf(profile == null ? null : profile.sector());
            byPosition.put(p.id(), new TagStore.SectorTagSpec(name, SectorTag.colourOf(name), SectorTag.descriptionOf(name)));
        }
        tags.replaceSectorTags(portfolioId, byPosition);
    }

    public TagStore.Tag create(CreateTag command) {
        UUID portfolioId = command.portfolioId();
        String name = command.name(), colour = command.colour(), description = command.description();
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new IllegalArgumentException("name is required (1 to 100 characters)");
        }
        Contract.text(name.strip(), "name", 100);
        if (colour != null && !colour.matches("#[0-9A-Fa-f]{6}")) {
            throw new IllegalArgumentException("colour " + Contract.shown(colour) + " must be #RRGGBB");
        }
        Contract.optionalText(description, "description", 200);
        return unitOfWork.call(() -> {
            requirePortfolio(portfolioId);
            return tags.createUserTag(portfolioId, name.strip(), colour == null ? "#9E9E9E" : colour.toUpperCase(Locale.ROOT),
                    description).orElseThrow(() -> new Conflict("portfolio " + portfolioId + " has a tag named '"
                    + name.strip() + "' already"));
        });
    }

    public List<TagStore.Tag> list(UUID portfolioId) {
        requirePortfolio(portfolioId);
        return tags.tags(portfolioId);
    }

    public void attach(TagOnPosition command) {
        unitOfWork.run(() -> tags.attach(requirePosition(command.portfolioId(), command.positionId()),
                requireUserTag(command.portfolioId(), command.tagId())));
    }

    public void detach(TagOnPosition command) {
        unitOfWork.run(() -> {
            if (!tags.detach(requirePosition(command.portfolioId(), command.positionId()),
                    requireUserTag(command.portfolioId(), command.tagId()))) {
                throw new PortfolioCommands.NotFound("position " + command.positionId() + " does not carry tag "
                        + command.tagId());
            }
        });
    }

    public List<TagStore.TagExposure> exposures(UUID portfolioId, LocalDate date) {
        requirePortfolio(portfolioId);
        return tags.exposures(portfolioId, date);
    }

    private void requirePortfolio(UUID portfolioId) {
        if (portfolios.find(portfolioId).isEmpty()) {
            throw new PortfolioCommands.NotFound("portfolio " + portfolioId + " not found");
        }
    }

    private UUID requirePosition(UUID portfolioId, UUID positionId) {
        requirePortfolio(portfolioId);
        if (portfolios.positions(portfolioId).stream().noneMatch(p -> p.id().equals(positionId))) {
            throw new PortfolioCommands.NotFound("position " + positionId + " not found in portfolio " + portfolioId);
        }
        return positionId;
    }

    private UUID requireUserTag(UUID portfolioId, UUID tagId) {
        TagStore.Tag tag = tags.find(portfolioId, tagId).orElseThrow(() ->
                new PortfolioCommands.NotFound("tag " + tagId + " not found in portfolio " + portfolioId));
        if (tag.kind() != TagStore.Kind.USER) {
            throw new IllegalArgumentException("tag " + tagId + " is a sector tag: sector tags follow the profiles and "
                    + "are not attached or detached by hand");
        }
        return tagId;
    }
}
