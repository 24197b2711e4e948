package io.riskstream.common.marketdata;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A source of market data. Implementations: the deterministic {@code simulated} market, a {@code csv} directory,
 * and (later) HTTP providers. Every method answers for what it has; a symbol it does not know gives an empty
 * result, never a made-up one.
 */
public interface MarketDataProvider {

    /** Short stable name, used in metrics and logs ("simulated", "csv", "fmp"). */
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

    /** Company profiles for many symbols in one call; unknown symbols are absent from the map. */
    Map<String, CompanyProfile> profiles(Collection<String> symbols);

    /** Financial statements of one kind and frequency, newest first, at most {@code limit} periods. */
    List<FinancialStatement> statements(String symbol, StatementKind kind, Frequency frequency, int limit);

    /** Past and scheduled earnings dates of one symbol, ascending. */
    List<EarningsDate> earnings(String symbol);
}
