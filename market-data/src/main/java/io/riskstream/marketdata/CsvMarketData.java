package io.riskstream.marketdata;

import io.riskstream.common.calendar.NyseCalendar;
import io.riskstream.common.marketdata.DailyBar;
import io.riskstream.common.marketdata.PriceFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code csv} provider: prices from a directory of {@code <SYMBOL>.csv} files read by {@link PriceFiles} (see there
 * for the formats). This provider has prices only: profiles, statements and earnings are empty.
 */
public final class CsvMarketData implements MarketDataProvider {

    public static final String HEADER = PriceFiles.HEADER;
    public static final String YAHOO_HEADER = PriceFiles.YAHOO_HEADER;

    private final PriceFiles files;
    private final Clock clock;

    public CsvMarketData(Path directory) {
        this(directory, Clock.systemUTC());
    }

    public CsvMarketData(Path directory, Clock clock) {
        this.files = new PriceFiles(directory);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The symbols with a file in {@code directory}, sorted. */
    public static List<String> symbols(Path directory) {
        return PriceFiles.symbols(directory);
    }

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public boolean suppliesProfiles() {
        return false;
    }

    @Override
    public List<DailyBar> dailyBars(String symbol, LocalDate from, LocalDate to) {
        List<DailyBar> all = bars(symbol);
        if (all.isEmpty() || from.isAfter(to)) {
            return List.of();
        }
        int lo = indexOnOrAfter(all, from);
        int hi = indexOnOrAfter(all, to.plusDays(1));
        return all.subList(lo, Math.max(lo, hi));
    }

    /** The bar of each symbol on the latest date on or before the clock's date in New York. */
    @Override
    public Map<String, Quote> quotes(Collection<String> symbols) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), NyseCalendar.NEW_YORK);
        Map<String, Quote> out = new LinkedHashMap<>();
        for (String symbol : symbols) {
            List<DailyBar> all = bars(symbol);
            int i = indexOnOrAfter(all, today.plusDays(1)) - 1;
            if (i < 0 || out.containsKey(symbol)) {
                continue;
            }
            DailyBar b = all.get(i);
            Double previous = i > 0 ? all.get(i - 1).adjClose() : null;
            out.put(symbol, new Quote(symbol, b.date(), b.open(), b.high(), b.low(), b.adjClose(), b.volume(),
                    previous, null, null, null, null, name()));
        }
        return out;
    }

    @Override
    public Map<String, CompanyProfile> profiles(Collection<String> symbols, java.util.Set<ProfilePart> parts) {
        return Map.of();
    }

    @Override
    public List<FinancialStatement> statements(String symbol, StatementKind kind, Frequency frequency, int limit) {
        return List.of();
    }

    @Override
    public List<EarningsDate> earnings(String symbol) {
        return List.of();
    }

    /** All bars of one symbol, ascending; empty when there is no such file. */
    public List<DailyBar> bars(String symbol) {
        return files.bars(symbol);
    }

    private static int indexOnOrAfter(List<DailyBar> bars, LocalDate date) {
        int lo = 0;
        int hi = bars.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (bars.get(mid).date().isBefore(date)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
