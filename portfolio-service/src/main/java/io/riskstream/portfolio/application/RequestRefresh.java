package io.riskstream.portfolio.application;

import io.riskstream.common.calendar.TradingCalendar;
import io.riskstream.portfolio.domain.risk.RiskAnalysis;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The refresh queue's front door, inside the caller's unit of work: asks for the (portfolio, trading date) pairs a
 * change makes stale — a position, a symbol's closes or betas, a sector. Requests of one pair coalesce; the drain
 * ({@link DrainRefreshQueue}) values each once its data is there.
 */
public class RequestRefresh {

    private final RefreshQueue queue;
    private final AnalyticsStore analytics;
    private final TradingCalendar calendar;
    private final RiskAnalysis risk;

    /** @param risk null when the risk analytics are switched off */
    public RequestRefresh(RefreshQueue queue, AnalyticsStore analytics, TradingCalendar calendar, RiskAnalysis risk) {
        this.queue = queue;
        this.analytics = analytics;
        this.calendar = calendar;
        this.risk = risk;
    }

    /** Every trading day in [from, through] (a backfill, or a position change dated in the past). */
    public void range(UUID portfolioId, LocalDate from, LocalDate through, Cause cause) {
        List<LocalDate> trading = tradingDays(calendar.tradingDays(from, through));
        if (!trading.isEmpty()) {
            queue.request(portfolioId, trading, cause);
        }
    }

    /**
     * New data of a symbol for {@code dates}: each holder's dates on or after its first entry (holder → first
     * entry). Returns the holders, ascending (a holder whose positions all start later is among them).
     */
    public List<UUID> forHolders(Map<UUID, LocalDate> holders, List<LocalDate> dates, Cause cause) {
        if (dates.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<LocalDate>> trading = new TreeMap<>();
        for (Map.Entry<UUID, LocalDate> holder : holders.entrySet()) {
            LocalDate first = holder.getValue();
            List<LocalDate> days = tradingDays(dates.stream().filter(d -> !d.isBefore(first)).toList());
            if (!days.isEmpty()) {
                trading.put(holder.getKey(), days);
            }
        }
        if (!trading.isEmpty()) {
            queue.requestAll(trading, cause);
        }
        return new TreeMap<>(holders).keySet().stream().toList();
    }

    /** Again the dates on or after {@code from} that already have a snapshot (their inputs changed). */
    public void computedFrom(UUID portfolioId, LocalDate from, Cause cause) {
        List<LocalDate> computed = analytics.snapshotDatesAfter(portfolioId, from.minusDays(1));
        if (!computed.isEmpty()) {
            queue.request(portfolioId, computed, cause);
        }
    }

    /**
     * The closes of {@code symbol} changed from {@code from} through {@code through}: the dates already computed
     * whose return windows reach those closes, of the portfolios that read them (see
     * {@link RiskAnalysis#closesReadBy}). A date computed before a close arrived (or was corrected) is thereby redone,
     * so the stored analytics do not depend on the order the events came in.
     */
    public void closesChanged(String symbol, LocalDate from, LocalDate through, Collection<UUID> holders,
                              Cause cause) {
        if (risk == null) {
            return; // the risk analytics are switched off: no date reads a return window
        }
        RiskAnalysis.ClosesReadBy readers = risk.closesReadBy(symbol, from, through);
        if (!readers.everyPortfolio() && holders.isEmpty()) {
            return;
        }
        Map<UUID, List<LocalDate>> computed = analytics.computedDates(readers.everyPortfolio() ? null : holders,
                readers.from(), readers.to());
        if (!computed.isEmpty()) {
            queue.requestAll(computed, cause);
        }
    }

    private List<LocalDate> tradingDays(Collection<LocalDate> dates) {
        return dates.stream().filter(calendar::isTradingDay).distinct().toList();
    }
}
