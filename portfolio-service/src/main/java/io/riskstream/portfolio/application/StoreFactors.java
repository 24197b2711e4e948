package io.riskstream.portfolio.application;

import io.riskstream.common.application.UnitOfWork;
import io.riskstream.common.event.FactorsReady;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * factors-ready: stores a symbol's betas and requests exactly the portfolios holding it, each for every date in the
 * event on or after its first entry. The refresh itself runs in the drain, so thirty symbols of one portfolio
 * arriving together cost one refresh per date, not thirty.
 */
public class StoreFactors {

    public record Command(String symbol, List<FactorsReady.DatedExposures> exposures, Cause cause) {
    }

    private final SymbolDataStore symbols;
    private final PortfolioStore portfolios;
    private final RequestRefresh refresh;
    private final RunStages stages;
    private final UnitOfWork unitOfWork;
    private final HoldingLocks locks;

    public StoreFactors(SymbolDataStore symbols, PortfolioStore portfolios, RequestRefresh refresh, RunStages stages,
                        UnitOfWork unitOfWork, HoldingLocks locks) {
        this.symbols = symbols;
        this.portfolios = portfolios;
        this.refresh = refresh;
        this.stages = stages;
        this.unitOfWork = unitOfWork;
        this.locks = locks;
    }

    /** Returns the number of portfolios a refresh was requested for. */
    public int apply(Command command) {
        List<LocalDate> dates = command.exposures().stream().map(FactorsReady.DatedExposures::calculationDate).toList();
        return unitOfWork.call(() -> {
            symbols.saveFactors(command.symbol(), command.exposures());
            // after the write, before the holders are read (held for the rest of the unit of work only): a position
            // in the symbol committed at this moment is seen as a holder, or it commits after this and its valuation
            // reads these betas (see HoldingLocks)
            locks.lockSymbols(List.of(command.symbol()));
            List<UUID> requested = dates.isEmpty() ? List.of() : refresh.forHolders(portfolios.holdersWithFirstEntry(
                    command.symbol(), dates.stream().min(LocalDate::compareTo).orElseThrow()), dates, command.cause());
            stages.acknowledgeFactors(command.symbol(), requested, command.cause());
            return requested.size();
        });
    }
}
