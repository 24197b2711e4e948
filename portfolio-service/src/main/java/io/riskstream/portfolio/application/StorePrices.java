package io.riskstream.portfolio.application;

import io.riskstream.common.application.UnitOfWork;
import io.riskstream.common.event.PriceBar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * prices-ready: stores a symbol's closes and, when some were new or changed, requests those dates of its holders — a
 * date valued before its close arrived (factors-ready overtook prices-ready) is valued again; in the usual order the
 * request coalesces with factors-ready's and waits for the betas like any other. Computed dates whose risk analytics
 * read the changed closes are requested again too ({@link RequestRefresh#closesChanged}).
 */
public class StorePrices {

    /** @param bars ascending by date */
    public record Command(String symbol, List<PriceBar> bars, Cause cause) {
    }

    private final SymbolDataStore symbols;
    private final PortfolioStore portfolios;
    private final RequestRefresh refresh;
    private final UnitOfWork unitOfWork;
    private final HoldingLocks locks;

    public StorePrices(SymbolDataStore symbols, PortfolioStore portfolios, RequestRefresh refresh,
                       UnitOfWork unitOfWork, HoldingLocks locks) {
        this.symbols = symbols;
        this.portfolios = portfolios;
        this.refresh = refresh;
        this.unitOfWork = unitOfWork;
        this.locks = locks;
    }

    /** Returns the number of portfolios the new closes were requested for. */
    public int apply(Command command) {
        return unitOfWork.call(() -> symbols.savePrices(command.symbol(), command.bars())
                .map(from -> {
                    // taken after the write and before the holders are read, so the lock is held only for the
                    // short rest of the unit of work: a position in the symbol committed at this moment is seen as
                    // a holder, or it commits after this and its valuation reads these closes (see HoldingLocks)
                    locks.lockSymbols(List.of(command.symbol()));
                    Map<UUID, LocalDate> holders = portfolios.holdersWithFirstEntry(command.symbol(), from);
                    List<UUID> queued = refresh.forHolders(holders, command.bars().stream().map(PriceBar::date)
                            .filter(d -> !d.isBefore(from)).toList(), command.cause());
                    // dates already computed from the old closes (their return windows reach back a year and more)
                    refresh.closesChanged(command.symbol(), from, command.bars().getLast().date(), holders.keySet(),
                            command.cause());
                    return queued.size();
                })
                .orElse(0));
    }
}
