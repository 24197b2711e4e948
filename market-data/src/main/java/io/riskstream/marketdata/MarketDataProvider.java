package io.riskstream.marketdata;

import io.riskstream.common.marketdata.DailyBar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A source of market data. Implementations: the HTTP providers ({@code fmp}, {@code yahoo}), a {@code csv} directory
 * and the deterministic {@code simulated} market (development and tests only). Every method answers for what it has;
 * a symbol it does not know gives an empty result, never a made-up one. Every answer names the provider that gave it
 * ({@code source}), so a chain never passes one provider's data off as another's.
 */
public interface MarketDataProvider {

    /** Short stable name, used in metrics, logs and as the {@code source} of what it answers ("fmp", "yahoo"). */
    String name();

    /** Daily bars for one symbol over [from, to] inclusive, ascending by date, trading days only. */
    List<DailyBar> dailyBars(String symbol, LocalDate from, LocalDate to);

    /** Latest quotes for many symbols in one call; symbols the provider does not know are absent from the map. */
    Map<String, Quote> quotes(Collection<String> symbols);

    /**
     * Whether this provider has company profiles at all (a CSV directory of prices has none): only then does a
     * missing profile say something about the symbol or the provider.
     */
    boolean suppliesProfiles();

    /** Company profiles for many symbols, with the parts asked for; unknown symbols are absent from the map. */
    Map<String, CompanyProfile> profiles(Collection<String> symbols, Set<ProfilePart> parts);

    /** Company profiles with every part. */
    default Map<String, CompanyProfile> profiles(Collection<String> symbols) {
        return profiles(symbols, ProfilePart.all());
    }

    /** Financial statements of one kind and frequency, newest first, at most {@code limit} periods. */
    List<FinancialStatement> statements(String symbol, StatementKind kind, Frequency frequency, int limit);

    /** Past and scheduled earnings dates of one symbol, ascending. */
    List<EarningsDate> earnings(String symbol);

    /** Stock splits of one symbol, ascending; empty where the provider reports none or has no such data. */
    default List<StockSplit> splits(String symbol) {
        return List.of();
    }
}
