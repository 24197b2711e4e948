package io.riskstream.portfolio.application;

import io.riskstream.portfolio.domain.BetasByDate;
import io.riskstream.portfolio.domain.Book;
import io.riskstream.portfolio.domain.CloseHistory;
import io.riskstream.portfolio.domain.DailySnapshotCalculation;
import io.riskstream.portfolio.domain.DateValuation;
import io.riskstream.portfolio.domain.Readiness;
import io.riskstream.portfolio.domain.SectorExposure;
import io.riskstream.portfolio.domain.ValuedDate;
import io.riskstream.portfolio.domain.risk.PriceHistories;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Values a portfolio's ready dates ({@link DateValuation}) from the data they need, read once for all of them, and
 * stores and announces them in a few statements; the dates stored after them, which rolled forward from their old
 * values, are requested again.
 */
public class ValueDates {

    /** A waiting date the readiness rules let go, with its request. */
    public record ReadyDate(RefreshQueue.Pending pending, Readiness.Ready readiness) {
    }

    private final SymbolDataStore symbols;
    private final SymbolProfiles profiles;
    private final AnalyticsStore analytics;
    private final RefreshQueue queue;
    private final DateValuation valuation;
    private final AnalyticsAnnouncements announcements;

    public ValueDates(SymbolDataStore symbols, SymbolProfiles profiles, AnalyticsStore analytics, RefreshQueue queue,
                      DateValuation valuation, AnalyticsAnnouncements announcements) {
        this.symbols = symbols;
        this.profiles = profiles;
        this.analytics = analytics;
        this.queue = queue;
        this.valuation = valuation;
        this.announcements = announcements;
    }

    /** @param ready ascending by date */
    public void valueAndStore(PortfolioStore.Portfolio portfolio, Book book, List<ReadyDate> ready, BetasByDate betas) {
        LocalDate first = ready.getFirst().pending().date(), last = ready.getLast().pending().date();
        NavigableMap<LocalDate, DailySnapshotCalculation.Previous> bases =
                new TreeMap<>(analytics.rollingBases(portfolio.id(), first, last));
        Set<String> priced = book.pricedSymbols();
        // closes from the earliest snapshot rolled forward from: its marks are the closes on its date
        CloseHistory closes = symbols.closeHistory(priced, bases.isEmpty() ? first : bases.firstKey(), last);
        Map<String, SectorExposure.Profile> sectors = profiles.sectors(priced);
        PriceHistories histories = symbols.adjustedCloses(valuation.historySymbols(book),
                valuation.historyStart(first), last);
        List<ValuedDate> valued = valuation.rollForward(ready.stream().map(ReadyDate::readiness).toList(),
                new DateValuation.Inputs(portfolio.equity().doubleValue(), book, bases, closes, betas, sectors,
                        histories));
        analytics.saveAll(portfolio.id(), valued);
        announcements.announce(portfolio.id(), ready, valued);
        List<RefreshQueue.Pending> done = ready.stream().map(ReadyDate::pending).toList();
        queue.done(portfolio.id(), done);
        // later snapshots rolled forward from these dates' old values: they follow them again
        Set<LocalDate> valuedDates = new TreeSet<>();
        done.forEach(p -> valuedDates.add(p.date()));
        List<LocalDate> later = analytics.snapshotDatesAfter(portfolio.id(), first).stream()
                .filter(d -> !valuedDates.contains(d)).toList();
        if (!later.isEmpty()) {
            queue.requestLater(portfolio.id(), later, done.getFirst().cause());
        }
    }
}
