package io.riskstream.factor.domain.exposure;

import io.riskstream.common.factors.FactorId;
import io.riskstream.common.factors.RegressionMethod;
import io.riskstream.factor.domain.factor.FactorDefinition;
import io.riskstream.factor.domain.factor.FactorDefinitions;
import io.riskstream.factor.domain.factor.FactorSettings;
import io.riskstream.factor.domain.returns.DailyPrices;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes a symbol's twelve regression factors (all but provider beta) for many calculation dates at once. Each
 * regression aligns the symbol with its own benchmarks over the whole span once, then slides its calendar window
 * across the dates, so a year of dates costs little more than one.
 */
public final class SymbolExposureModel {

    private final FactorSettings settings;
    private final FactorDefinitions definitions;

    public SymbolExposureModel(FactorSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.definitions = FactorDefinitions.of(settings);
    }

    public FactorDefinitions definitions() {
        return definitions;
    }

    /** The calendar days of prices before its first calculation date that a computation reads. */
    public int lookbackDays() {
        return settings.longestLookbackDays();
    }

    /**
     * Benchmarks keyed by symbol (the catalogue's benchmark ETFs); a missing benchmark skips its factors.
     * Returns one entry per calculation date, in the order given.
     */
    public List<SymbolExposures> compute(PriceSeries symbol, Map<String, PriceSeries> benchmarks,
            List<LocalDate> calculationDates) {
        return compute(symbol, BenchmarkPrices.of(benchmarks), calculationDates);
    }

    /** As above, with benchmarks prepared once for many symbols. */
    public List<SymbolExposures> compute(PriceSeries symbol, BenchmarkPrices benchmarks,
            List<LocalDate> calculationDates) {
        Objects.requireNonNull(symbol, "symbol");
        int[] days = ascendingDistinctDays(calculationDates);
        if (days.length == 0) {
            return List.of();
        }
        DailyPrices prices = symbol.toDailyPrices(LocalDate.ofEpochDay(days[0] - (long) lookbackDays()));
        List<FactorTrack> tracks = tracks(prices, benchmarks, days[0], days[days.length - 1]);
        Map<Integer, SymbolExposures> byDay = new HashMap<>();
        List<SymbolExposures> ascending = new ArrayList<>(days.length);
        for (int day : days) {
            Map<FactorId, FactorOutcome> outcomes = new EnumMap<>(FactorId.class);
            for (FactorTrack track : tracks) {
                track.addOutcomes(day, outcomes);
            }
            SymbolExposures exposures = new SymbolExposures(symbol.symbol(), LocalDate.ofEpochDay(day), outcomes);
            ascending.add(exposures);
            byDay.put(day, exposures);
        }
        if (ascending.size() == calculationDates.size()
                && ascending.stream().map(SymbolExposures::calculationDate).toList().equals(calculationDates)) {
            return List.copyOf(ascending);
        }
        return calculationDates.stream().map(d -> byDay.get(Math.toIntExact(d.toEpochDay()))).toList();
    }

    private List<FactorTrack> tracks(DailyPrices symbol, BenchmarkPrices benchmarks, int firstDay, int lastDay) {
        int buffer = settings.windowBufferDays();
        List<FactorTrack> tracks = new ArrayList<>();
        for (FactorDefinition definition : definitions.byMethod(RegressionMethod.OLS)) {
            tracks.add(OlsTrack.create(definition, buffer, symbol, benchmarks, firstDay, lastDay));
        }
        tracks.add(RidgeTrack.create(definitions.ridgeMembers(), settings.ridgeAlpha(), buffer, symbol, benchmarks,
                firstDay, lastDay));
        for (FactorDefinition definition : definitions.byMethod(RegressionMethod.SPREAD)) {
            tracks.add(OlsTrack.create(definition, buffer, symbol, benchmarks, firstDay, lastDay));
        }
        return tracks;
    }

    private static int[] ascendingDistinctDays(List<LocalDate> dates) {
        Objects.requireNonNull(dates, "calculationDates");
        return dates.stream()
                .mapToInt(d -> Math.toIntExact(Objects.requireNonNull(d, "calculation date").toEpochDay()))
                .sorted()
                .distinct()
                .toArray();
    }
}
