package io.riskstream.portfolio.application;

import io.riskstream.common.application.UnitOfWork;
import io.riskstream.common.event.ProfileUpdated;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * profile-updated: stores the fields and, when the symbol's sector or ETF flag is new or changed, re-derives the
 * holders' sector tags and requests their already computed dates again — their sector exposures grouped the symbol
 * without it (a profile that arrives after the prices and betas must not leave the result depending on arrival order).
 */
public class StoreProfile {

    public record Command(String symbol, ProfileUpdated.ProfileFields fields, Cause cause) {
    }

    /** Before any position can start (entry dates are validated from 1990). */
    private static final LocalDate EVER = LocalDate.of(1990, 1, 1);

    private final SymbolProfiles profiles;
    private final PortfolioStore portfolios;
    private final PositionTags tags;
    private final RequestRefresh refresh;
    private final UnitOfWork unitOfWork;

    public StoreProfile(SymbolProfiles profiles, PortfolioStore portfolios, PositionTags tags, RequestRefresh refresh,
                        UnitOfWork unitOfWork) {
        this.profiles = profiles;
        this.portfolios = portfolios;
        this.tags = tags;
        this.refresh = refresh;
        this.unitOfWork = unitOfWork;
    }

    public void apply(Command command) {
        unitOfWork.run(() -> {
            if (profiles.save(command.symbol(), command.fields())) {
                for (Map.Entry<UUID, LocalDate> holder : portfolios.holdersWithFirstEntry(command.symbol(), EVER)
                        .entrySet()) {
                    tags.restoreSectorTags(holder.getKey());
                    refresh.computedFrom(holder.getKey(), holder.getValue(), command.cause());
                }
            }
        });
    }
}
