package io.riskstream.portfolio.domain;

import io.riskstream.common.calendar.TradingCalendar;
import io.riskstream.portfolio.domain.DailySnapshotCalculation.Mark;
import io.riskstream.portfolio.domain.DailySnapshotCalculation.Previous;
import io.riskstream.portfolio.domain.DailySnapshotCalculation.Snapshot;
import io.riskstream.portfolio.domain.FactorExposureCalculation.PricedHolding;
import io.riskstream.portfolio.domain.risk.PriceHistories;
import io.riskstream.portfolio.domain.risk.RiskAnalysis;
import io.riskstream.portfolio.domain.risk.RiskAnalytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Values a portfolio's dates in date order, each rolling forward from the snapshot before it: snapshot, concentration,
 * sectors, factor exposures (none for a wiped-out book), risk analytics and position values, with its
 * {@link Completeness}. All from inputs read once for the dates together.
 */
public final class DateValuation {

    /**
     * What the dates are valued from.
     *
     * @param startingEquity the portfolio's entered equity (its first snapshot's NAV)
     * @param bases          stored snapshots the dates roll forward from, by date (the latest before the first date
     *                       and those among the dates)
     * @param sectors        symbol → its profile's sector and ETF flag, where known
     * @param histories      adjusted closes of the public symbols and the factor proxies, from {@link #historyStart}
     */
    public record Inputs(double startingEquity, Book book, Map<LocalDate, Previous> bases, CloseHistory closes,
                         BetasByDate betas, Map<String, SectorExposure.Profile> sectors, PriceHistories histories) {
    }

    private final TradingCalendar calendar;
    /** Null when the risk analytics are switched off: the dates are valued without them. */
    private final RiskAnalysis risk;

    public DateValuation(TradingCalendar calendar, RiskAnalysis risk) {
        this.calendar = calendar;
        this.risk = java.util.Objects.requireNonNull(risk, "risk");
    }

    private DateValuation(TradingCalendar calendar) {
        this.calendar = calendar;
        this.risk = null;
    }

    /** Snapshots, exposures, sectors and position values only: no risk analytics, and no price history read for them. */
    public static DateValuation withoutRiskAnalytics(TradingCalendar calendar) {
        return new DateValuation(calendar);
    }

    /**
     * The symbols whose adjusted closes the risk analytics read: the book's public symbols and the factor proxies
     * (none when they are switched off).
     */
    public Set<String> historySymbols(Book book) {
        if (risk == null) {
            return Set.of();
        }
        Set<String> symbols = new TreeSet<>(book.publicSymbols());
        symbols.addAll(risk.proxySymbols());
        return symbols;
    }

    /** From when the risk analytics of dates from {@code first} on read adjusted closes. */
    public LocalDate historyStart(LocalDate first) {
        return risk == null ? first : first.minusDays(risk.lookbackDays());
    }

    /** Values the ready dates, ascending, each from the one valued just before it or the stored snapshot before it. */
    public List<ValuedDate> rollForward(List<Readiness.Ready> dates, Inputs in) {
        TreeMap<LocalDate, Previous> bases = new TreeMap<>(in.bases());
        Map<String, String> sectorNames = sectorNames(in.sectors());
        List<ValuedDate> valued = new ArrayList<>();
        for (Readiness.Ready ready : dates) {
            Map.Entry<LocalDate, Previous> base = bases.lowerEntry(ready.date());
            ValuedDate date = value(ready, base == null ? null : base.getValue(), in, sectorNames);
            // the next date rolls forward from the NAV as stored, exactly as when it is read back in a later drain
            bases.put(ready.date(), date.asPrevious());
            valued.add(date);
        }
        return valued;
    }

    private ValuedDate value(Readiness.Ready ready, Previous previous, Inputs in, Map<String, String> sectorNames) {
        LocalDate date = ready.date();
        List<Mark> marks = new ArrayList<>();
        List<PositionValuation.Position> valued = new ArrayList<>();
        for (Position p : in.book().countingOn(date, previous == null ? null : previous.date())) {
            boolean isPrivate = p.instrumentClass() == InstrumentClass.PRIVATE;
            CloseHistory.Close close = isPrivate ? null : in.closes().onOrBefore(p.symbol(), date);
            CloseHistory.Close before = isPrivate || previous == null ? null
                    : in.closes().onOrBefore(p.symbol(), previous.date());
            Mark m = new Mark(p.symbol(), p.quantity().doubleValue(), p.entryPrice().doubleValue(), p.entryDate(),
                    p.exitDate(), p.exitPrice() == null ? null : p.exitPrice().doubleValue(),
                    close == null ? null : close.price(), close == null ? null : close.date(),
                    before == null ? null : before.price());
            marks.add(m);
            valued.add(new PositionValuation.Position(p.id(), m.symbol(), m.quantity(), m.entryPrice(), m.entryDate(),
                    m.exitDate(), m.exitPrice(), m.price(), m.priceDate()));
        }
        Snapshot snapshot = DailySnapshotCalculation.compute(date, in.startingEquity(), previous, marks, 0, calendar);
        Map<String, Map<String, Double>> betas = in.betas().on(date);
        FactorExposureCalculation.Result exposures = snapshot.solvent()
                ? FactorExposureCalculation.compute(date, snapshot.equity(), pricedHoldings(marks, date), betas)
                // a wiped-out book has no equity to weight by: no factor exposures
                : new FactorExposureCalculation.Result(date, snapshot.priceDate(), snapshot.grossExposure(),
                snapshot.netExposure(), 0, Map.of());
        Map<String, Double> publicValues = new TreeMap<>();
        snapshot.marketValues().forEach((symbol, mv) -> {
            if (InstrumentClass.of(symbol) == InstrumentClass.PUBLIC) {
                publicValues.put(symbol, mv);
            }
        });
        RiskAnalytics riskAnalytics = risk == null ? null : risk.analyse(new RiskAnalysis.Inputs(date, snapshot.equity(),
                snapshot.netExposure(), publicValues, exposures.factors(), exposures.coverage(), betas,
                in.betas().fitsOn(date), in.histories(), sectorNames));
        return new ValuedDate(snapshot, Concentration.of(snapshot.marketValues()),
                SectorExposure.of(snapshot.marketValues(), in.sectors(), snapshot.equity()), exposures,
                new Completeness(ready.withoutBetas(), snapshot.unpriced(), !snapshot.solvent()), riskAnalytics,
                PositionValuation.values(date, snapshot.equity(), valued));
    }

    /** The holdings open on the date at their close (a private one without a close at its entry price). */
    private static List<PricedHolding> pricedHoldings(List<Mark> marks, LocalDate date) {
        List<PricedHolding> holdings = new ArrayList<>();
        for (Mark m : marks) {
            if (m.entryDate().isAfter(date) || m.exitDate() != null && !m.exitDate().isAfter(date)) {
                continue;
            }
            Holding holding = new Holding(m.symbol(), BigDecimal.valueOf(m.quantity()),
                    BigDecimal.valueOf(m.entryPrice()));
            if (m.price() != null) {
                holdings.add(new PricedHolding(holding, m.price(), m.priceDate()));
            } else if (holding.instrumentClass() == InstrumentClass.PRIVATE) {
                holdings.add(new PricedHolding(holding, m.entryPrice(), null));
            }
        }
        return holdings;
    }

    private static Map<String, String> sectorNames(Map<String, SectorExposure.Profile> profiles) {
        Map<String, String> names = new TreeMap<>();
        profiles.forEach((symbol, p) -> {
            if (p.sector() != null && !p.sector().isBlank()) {
                names.put(symbol, p.sector().trim());
            }
        });
        return names;
    }
}
