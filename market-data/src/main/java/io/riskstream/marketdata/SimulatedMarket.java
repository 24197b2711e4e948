package io.riskstream.marketdata;

import io.riskstream.common.marketdata.DailyBar;

import io.riskstream.common.factors.Benchmark;

import io.riskstream.common.calendar.NyseCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A deterministic synthetic market: the system's default provider and the ground truth of tests.
 *
 * <p>Eight factor ETFs (SPY TLT VUG VTV MTUM QUAL IWM USMV) are built from daily latent factors drawn from the seed
 * and the date; every other known symbol loads on regressors built from the ETFs as documented in
 * {@link SymbolLoadings}. All values are pure functions of (seed, symbol, date): two instances, two JVMs or two
 * requested ranges give identical bars. Prices start at {@code 2000-01-03} and run to {@code 2100-12-31} on NYSE
 * sessions; there is no clock inside the price path, so dates after "today" are the caller's concern. Only
 * {@link #quotes}, {@link #profiles}, {@link #statements} and {@link #earnings} read the clock: quotes are the bar
 * of the last completed NYSE session, statements exist once their earnings date has passed.
 *
 * <p>Known symbols match {@code ^[A-Z][A-Z0-9.\-]{0,9}$} and do not start with {@code ZZZ}; those stand for unknown or
 * delisted symbols and, like anything else (lower case, '_', too long), give empty results.
 */
public final class SimulatedMarket implements MarketDataProvider {

    public static final long DEFAULT_SEED = 20_000_103L;
    public static final LocalDate FIRST_DATE = LatentFactors.ORIGIN;
    public static final LocalDate LAST_DATE = LatentFactors.LAST;

    private final Clock clock;
    private final LatentFactors factors;
    private final SimulatedPrices prices;
    private final SimulatedFundamentals fundamentals;
    private final NyseCalendar calendar = NyseCalendar.instance();

    public SimulatedMarket() {
        this(Clock.systemUTC());
    }

    public SimulatedMarket(Clock clock) {
        this(clock, DEFAULT_SEED);
    }

    public SimulatedMarket(Clock clock, long seed) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.factors = LatentFactors.forSeed(seed);
        this.prices = new SimulatedPrices(factors);
        this.fundamentals = new SimulatedFundamentals(factors, prices);
    }

    @Override
    public String name() {
        return "simulated";
    }

    @Override
    public boolean suppliesProfiles() {
        return true;
    }

    /** The factor ETFs the simulation is built from: the factor catalogue's benchmarks. */
    public static List<String> factorEtfs() {
        return Benchmark.symbols();
    }

    public static boolean isKnown(String symbol) {
        return SymbolLoadings.isKnown(symbol);
    }

    /** The ground-truth loadings of a known symbol; see {@link SymbolLoadings} for what they mean. */
    public SymbolLoadings loadings(String symbol) {
        if (!isKnown(symbol)) {
            throw new IllegalArgumentException("not a simulated symbol: '" + symbol + "'");
        }
        return SymbolLoadings.derive(symbol);
    }

    @Override
    public List<DailyBar> dailyBars(String symbol, LocalDate from, LocalDate to) {
        if (!isKnown(symbol) || from.isAfter(to)) {
            return List.of();
        }
        int lo = factors.indexOnOrAfter(from);
        int hi = factors.indexOnOrBefore(to);
        return prices.bars(SymbolLoadings.derive(symbol), lo, hi);
    }

    @Override
    public Map<String, Quote> quotes(Collection<String> symbols) {
        int t = factors.indexOnOrBefore(lastSession());
        Map<String, Quote> out = new LinkedHashMap<>();
        if (t < 1) {
            return out;
        }
        LocalDate today = today();
        for (String symbol : symbols) {
            if (!isKnown(symbol) || out.containsKey(symbol)) {
                continue;
            }
            SymbolLoadings s = SymbolLoadings.derive(symbol);
            List<DailyBar> two = prices.bars(s, t - 1, t);
            DailyBar bar = two.get(1);
            Double cap = null;
            Double pe = null;
            if (!s.etf()) {
                SimulatedFundamentals.Company c = fundamentals.company(s);
                cap = SimulatedFundamentals.round(c.shares() * bar.adjClose(), 0);
                pe = fundamentals.peRatio(c, bar.adjClose(), today);
            }
            out.put(symbol, new Quote(symbol, bar.date(), bar.open(), bar.high(), bar.low(), bar.adjClose(),
                    bar.volume(), two.get(0).adjClose(), cap, pe, null, null, name()));
        }
        return out;
    }

    @Override
    public Map<String, CompanyProfile> profiles(Collection<String> symbols, Set<ProfilePart> parts) {
        int t = factors.indexOnOrBefore(lastSession());
        Map<String, CompanyProfile> out = new LinkedHashMap<>();
        if (t < 0) {
            return out;
        }
        LocalDate today = today();
        for (String symbol : symbols) {
            if (!isKnown(symbol) || out.containsKey(symbol)) {
                continue;
            }
            SymbolLoadings s = SymbolLoadings.derive(symbol);
            List<DailyBar> year = prices.bars(s, factors.indexOnOrAfter(factors.date(t).minusYears(1)), t);
            double high = year.stream().mapToDouble(DailyBar::high).max().orElseThrow();
            double low = year.stream().mapToDouble(DailyBar::low).min().orElseThrow();
            CompanyProfile full = fundamentals.profile(s, year.getLast(), SimulatedFundamentals.round(high, 2),
                    SimulatedFundamentals.round(low, 2), today);
            out.put(symbol, new CompanyProfile(symbol, parts.contains(ProfilePart.IDENTITY) ? full.identity() : null,
                    parts.contains(ProfilePart.VALUATION) ? full.valuation() : null,
                    parts.contains(ProfilePart.TRAILING) ? full.trailing() : null,
                    parts.contains(ProfilePart.ANALYSTS) ? full.analysts() : null,
                    parts.contains(ProfilePart.ANALYSTS) ? full.estimates() : List.of(), name()));
        }
        return out;
    }

    @Override
    public List<FinancialStatement> statements(String symbol, StatementKind kind, Frequency frequency, int limit) {
        if (!isKnown(symbol) || limit <= 0 || FactorEtf.of(symbol) != null) {
            return List.of();
        }
        return fundamentals.statements(SymbolLoadings.derive(symbol), kind, frequency, limit, today());
    }

    @Override
    public List<EarningsDate> earnings(String symbol) {
        if (!isKnown(symbol) || FactorEtf.of(symbol) != null) {
            return List.of();
        }
        return fundamentals.earnings(SymbolLoadings.derive(symbol), today());
    }

    private LocalDate lastSession() {
        return calendar.lastCompletedSession(ZonedDateTime.now(clock));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), NyseCalendar.NEW_YORK);
    }
}
