package io.riskstream.portfolio.application;

import io.riskstream.common.application.UnitOfWork;
import io.riskstream.common.event.ProfileUpdated;

import java.time.LocalDate;
import java.util.List;
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
    private final HoldingLocks locks;

    public StoreProfile(SymbolProfiles profiles, PortfolioStore portfolios, PositionTags tags, RequestRefresh refresh,
                        UnitOfWork unitOfWork, HoldingLocks locks) {
        this.profiles = profiles;
        this.portfolios = portfolios;
        this.tags = tags;
        this.refresh = refresh;
        this.unitOfWork = unitOfWork;
        this.locks = locks;
    }

    public void apply(Command command) {
        unitOfWork.run(() -> {
            locks.lockSymbols(List.of(command.symbol()));
            if (profiles.save(command.symbol(), command.fields())) {
                Map<UUID, LocalDate> holders = portfolios.holdersWithFirstEntry(command.symbol(), EVER);
                locks.lockPortfolios(holders.keySet());
                for (Map.Entry<UUID, LocalDate> holder : holders.entrySet()) {
                    tags.restoreSectorTags(holder.getKey());
                    refresh.computedFrom(holder.getKey(), holder.getValue(), command.cause());
                }
            }
        });
    }
}
