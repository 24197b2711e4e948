package io.riskstream.portfolio.domain;

import io.riskstream.common.calendar.TradingCalendar;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One portfolio's snapshot for trading date D by equity roll-forward (legacy §4.1, with its recommendations):
 * equity_D = equity_prev + Σ (price_D − mark_prev) × quantity × multiplier + realized + capital flow.
 * <ul>
 *   <li>mark_prev is the close on or before the previous snapshot's date; a position entered after that date is
 *   marked from its entry price (it was bought at that price), so a gap between snapshots still reconciles.</li>
 *   <li>Positions exited on or before D are not in D's unrealized P&L [rec 6]; one exited after the previous snapshot
 *   and on or before D realizes (exit price − mark_prev) × quantity × multiplier on D — the part not already marked
 *   into equity, so NAV never counts a gain twice.</li>
 *   <li>The first snapshot has no P&L; its equity is the starting equity (plus the day's flow).</li>
 *   <li>NAV is the rolled equity, not Σ market value; cash = max(0, equity − long + |short|) [§11.15].</li>
 *   <li>Private holdings are valued at their entry price when no price is known and carry no P&L; a public symbol
 *   or option with no close on or before D is left out of the valuation and reported as unpriced.</li>
 * </ul>
 */
public final class DailySnapshotCalculation {

    /**
     * A position with the closes the calculation needs. {@code price}: latest close on or before D (null: none);
     * {@code previousPrice}: latest close on or before the previous snapshot's date (null: none).
     */
    public record Mark(String symbol, double quantity, double entryPrice, LocalDate entryDate, LocalDate exitDate,
                       Double exitPrice, Double price, LocalDate priceDate, Double previousPrice) {
        public InstrumentClass instrumentClass() {
            return InstrumentClass.of(symbol);
        }

        boolean openOn(LocalDate date) {
            return !entryDate.isAfter(date) && (exitDate == null || exitDate.isAfter(date));
        }
    }

    /** What D rolls forward from: the latest stored snapshot before D. */
    public record Previous(LocalDate date, double equity, double cumulativePnl, double cumulativeRealizedPnl,
                           double cumulativeCapitalFlow) {
    }

    public record Snapshot(LocalDate date, double equity, double longValue, double shortValue, double grossExposure,
                           double netExposure, double cash, double dailyPnl, double dailyRealizedPnl,
                           double dailyCapitalFlow, double cumulativePnl, double cumulativeRealizedPnl,
                           double cumulativeCapitalFlow, double dailyReturn, int positions, int longPositions,
                           int shortPositions, List<String> unpriced, LocalDate priceDate, LocalDate oldestPriceDate,
                           int priceStalenessDays, Map<String, Double> marketValues) {
        public double nav() {
            return equity;
        }

        /** Whether there is equity to weight factor exposures by: a wiped-out book (NAV ≤ 0) has none. */
        public boolean solvent() {
            return equity > 0;
        }
    }

    private DailySnapshotCalculation() {
    }

    /**
     * @param startingEquity the portfolio's user-entered equity, used only when there is no previous snapshot
     * @param previous       the latest snapshot before {@code date}, or null for the first
     * @param capitalFlow    contributions minus withdrawals dated {@code date}
     */
    public static Snapshot compute(LocalDate date, double startingEquity, Previous previous, List<Mark> marks,
                                   double capitalFlow, TradingCalendar calendar) {
        if (previous != null && !previous.date().isBefore(date)) {
            throw new IllegalArgumentException("previous snapshot " + previous.date() + " is not before " + date);
        }
        double unrealized = 0, realized = 0, longValue = 0, shortValue = 0;
        int count = 0, longs = 0, shorts = 0;
        LocalDate newest = null, oldest = null;
        List<String> unpriced = new java.util.ArrayList<>();
        Map<String, Double> marketValues = new LinkedHashMap<>();
        for (Mark m : marks) {
            InstrumentClass cls = m.instrumentClass();
            int multiplier = cls.multiplier();
            if (previous != null && cls != InstrumentClass.PRIVATE && !m.entryDate().isAfter(date)) {
                double from = m.entryDate().isAfter(previous.date()) ? m.entryPrice()
                        : m.previousPrice() != null ? m.previousPrice() : Double.NaN;
                if (m.exitDate() != null && m.exitDate().isAfter(previous.date()) && !m.exitDate().isAfter(date)) {
                    double exit = m.exitPrice() != null ? m.exitPrice() : m.price() != null ? m.price() : from;
                    if (!Double.isNaN(from) && !Double.isNaN(exit)) {
                        realized += (exit - from) * m.quantity() * multiplier;
                    }
                } else if (m.openOn(date) && m.price() != null && !Double.isNaN(from)) {
                    unrealized += (m.price() - from) * m.quantity() * multiplier;
                }
            }
            if (!m.openOn(date)) {
                continue;
            }
            count++;
            if (m.quantity() > 0) {
                longs++;
            } else {
                shorts++;
            }
            Double price = m.price() != null ? m.price() : cls == InstrumentClass.PRIVATE ? m.entryPrice() : null;
            if (price == null) {
                unpriced.add(m.symbol());
                continue;
            }
            double mv = m.quantity() * price * multiplier;
            marketValues.merge(m.symbol(), mv, Double::sum);
            if (mv > 0) {
                longValue += mv;
            } else {
                shortValue += mv;
            }
            if (m.priceDate() != null) {
                newest = newest == null || m.priceDate().isAfter(newest) ? m.priceDate() : newest;
                oldest = oldest == null || m.priceDate().isBefore(oldest) ? m.priceDate() : oldest;
            }
        }
        double pnl = unrealized + realized;
        double equity = (previous == null ? startingEquity : previous.equity()) + pnl + capitalFlow;
        double dailyReturn = previous != null && previous.equity() > 0 ? pnl / previous.equity() : 0;
        double cash = Math.max(0, equity - longValue + Math.abs(shortValue));
        int staleness = oldest == null ? 0 : calendar.tradingDays(oldest.plusDays(1), date).size();
        return new Snapshot(date, equity, longValue, shortValue, longValue - shortValue, longValue + shortValue, cash,
                pnl, realized, capitalFlow,
                (previous == null ? 0 : previous.cumulativePnl()) + pnl,
                (previous == null ? 0 : previous.cumulativeRealizedPnl()) + realized,
                (previous == null ? 0 : previous.cumulativeCapitalFlow()) + capitalFlow,
                dailyReturn, count, longs, shorts, List.copyOf(unpriced), newest, oldest, staleness,
                Map.copyOf(marketValues));
    }
}
