package io.riskstream.marketdata.fmp;

import io.riskstream.marketdata.CompanyProfile;
import io.riskstream.common.marketdata.DailyBar;
import io.riskstream.marketdata.EarningsDate;
import io.riskstream.marketdata.EmptyAnswers;
import io.riskstream.marketdata.FinancialStatement;
import io.riskstream.marketdata.Frequency;
import io.riskstream.marketdata.MarketDataProvider;
import io.riskstream.marketdata.ProfilePart;
import io.riskstream.marketdata.ProviderException;
import io.riskstream.marketdata.ProviderException.Kind;
import io.riskstream.marketdata.ProviderHealth;
import io.riskstream.marketdata.Quote;
import io.riskstream.marketdata.StatementKind;
import io.riskstream.marketdata.StockSplit;
import io.riskstream.marketdata.http.JsonFields;
import io.riskstream.marketdata.http.ProviderHttp;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Financial Modeling Prep over HTTP, on its current {@code /stable/} API (or, as an opt-in for keys issued before
 * 2025-09-01, the legacy v3 paths): daily history (raw and dividend-adjusted, in chunks of five years), batch quotes,
 * profiles, TTM ratios, price-target and rating consensus, annual estimates, the three statements, earnings and
 * splits. The API key travels in the query string and never appears in a message or a log line.
 *
 * <p>HTTP outcomes become {@link ProviderException} kinds: 429 and 5xx (and garbage) are transient; 401, 402 and 403
 * — an invalid key, an endpoint the plan does not include ("Restricted Endpoint"), a legacy endpoint — are refusals
 * of the configuration, recorded in {@link ProviderHealth} with FMP's reason. An empty 200 is an empty answer, never
 * an error. A refusal of the optional profile parts (TTM ratios, analysts) is recorded but leaves the rest of the
 * profile standing.
 */
public final class FmpMarketData implements MarketDataProvider {

    /** Which generation of FMP's API to call. */
    public enum Api { STABLE, V3 }

    public static final int DEFAULT_BATCH_SIZE = 250;
    /** Longest history range asked in one call; longer ranges are fetched in chunks of this size. */
    static final int HISTORY_CHUNK_YEARS = 5;
    static final int ESTIMATE_YEARS = 10;
    static final int EARNINGS_ROWS = 20;

    private final URI root;
    private final String apiKey;
    private final Api api;
    private final int batchSize;
    private final boolean batchQuotes;
    private final ProviderHttp http;
    private final JsonMapper json = JsonMapper.builder().build();

    public FmpMarketData(URI baseUrl, String apiKey, Duration timeout) {
        this(baseUrl, apiKey, timeout, Api.STABLE, DEFAULT_BATCH_SIZE, true, ProviderHealth.detached());
    }

    /**
     * @param baseUrl     the host, e.g. {@code https://financialmodelingprep.com/} (a trailing {@code stable/} or
     *                    {@code api/v3/} is ignored: the API generation decides the path)
     * @param batchSize   symbols per batch call (batch quotes; v3 profiles)
     * @param batchQuotes false on plans without {@code batch-quote}: one {@code quote} call per symbol
     */
    public FmpMarketData(URI baseUrl, String apiKey, Duration timeout, Api api, int batchSize, boolean batchQuotes,
                         ProviderHealth health) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("provider 'fmp' needs an API key (FMP_API_KEY)");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("FMP batch size must be at least 1, was " + batchSize);
        }
        String base = baseUrl.toString();
        base = base.endsWith("/") ? base : base + "/";
        for (String suffix : List.of("stable/", "api/v3/", "api/v4/")) {
            if (base.endsWith(suffix)) {
                base = base.substring(0, base.length() - suffix.length());
            }
        }
        this.root = URI.create(base);
        this.apiKey = apiKey;
        this.api = api;
        this.batchSize = batchSize;
        this.batchQuotes = batchQuotes;
        this.http = new ProviderHttp(name(), timeout, health, apiKey, null);
    }

    @Override
    public String name() {
        return FmpParsers.SOURCE;
    }

    @Override
    public boolean suppliesProfiles() {
        return true;
    }

    @Override
    public List<DailyBar> dailyBars(String symbol, LocalDate from, LocalDate to) {
        List<DailyBar> bars = new ArrayList<>();
        for (LocalDate start = from; !start.isAfter(to); start = start.plusYears(HISTORY_CHUNK_YEARS)) {
            LocalDate end = start.plusYears(HISTORY_CHUNK_YEARS).minusDays(1);
            end = end.isAfter(to) ? to : end;
            Map<String, String> range = new LinkedHashMap<>();
            range.put("from", start.toString());
            range.put("to", end.toString());
            if (api == Api.V3) {
                bars.addAll(FmpParsers.legacyBars(symbol, FmpParsers.priceRows(
                        get("api/v3/historical-price-full/" + encode(symbol), range, true))));
                continue;
            }
            List<FmpParsers.PriceRow> raw = FmpParsers.priceRows(get("stable/historical-price-eod/full",
                    withSymbol(symbol, range), true));
            if (raw.isEmpty()) {
                continue; // nothing in this range: no need to ask for its adjusted closes
            }
            List<FmpParsers.PriceRow> adjusted = FmpParsers.priceRows(get("stable/historical-price-eod/dividend-adjusted",
                    withSymbol(symbol, range), true));
            bars.addAll(FmpParsers.bars(symbol, raw, adjusted));
        }
        return bars.stream().filter(b -> !b.date().isBefore(from) && !b.date().isAfter(to)).toList();
    }

    @Override
    public Map<String, Quote> quotes(Collection<String> symbols) {
        Map<String, Quote> quotes = new LinkedHashMap<>();
        for (List<String> batch : batches(symbols)) {
            if (api == Api.V3) {
                quotes.putAll(FmpParsers.quotes(get("api/v3/quote/" + encode(String.join(",", batch)), Map.of(), false)));
            } else if (batchQuotes) {
                quotes.putAll(FmpParsers.quotes(get("stable/batch-quote", Map.of("symbols", String.join(",", batch)),
                        false)));
            } else {
                for (String symbol : batch) {
                    quotes.putAll(FmpParsers.quotes(get("stable/quote", Map.of("symbol", symbol), false)));
                }
            }
        }
        return quotes;
    }

    /**
     * Profiles in the parts asked for. The profile answer carries price, market cap, 52-week range and beta too, so
     * a request with {@link ProfilePart#IDENTITY} needs no quote; a valuation-only request (the daily tier) is one
     * batch quote per batch. A symbol whose identity was asked for but not answered is absent, like an unknown one.
     */
    @Override
    public Map<String, CompanyProfile> profiles(Collection<String> symbols, Set<ProfilePart> parts) {
        boolean identity = parts.contains(ProfilePart.IDENTITY);
        Map<String, CompanyProfile> out = new LinkedHashMap<>();
        for (List<String> batch : batches(symbols)) {
            Map<String, CompanyProfile> identities = identity ? identities(batch) : Map.of();
            Map<String, Quote> quotes = !identity && parts.contains(ProfilePart.VALUATION) ? quotes(batch) : Map.of();
            for (String symbol : batch) {
                CompanyProfile answered = identities.get(symbol);
                Quote quote = quotes.get(symbol);
                if (identity && answered == null) {
                    continue; // FMP has no profile for the symbol: its other parts are not worth the calls
                }
                // a company FMP knows answers these parts; an empty one is asked again (EmptyAnswers), as a
                // misbehaving provider's empty 200 must not be stored as "no ratios" (funds and ETFs have none)
                boolean company = answered != null && answered.identity() != null && !answered.identity().etf()
                        && !answered.identity().fund();
                CompanyProfile.Trailing trailing = parts.contains(ProfilePart.TRAILING) ? optional(() -> askedAgain(
                        company, () -> FmpParsers.trailing(get(path("ratios-ttm", symbol), query(symbol), false))))
                        : null;
                CompanyProfile.Analysts analysts = null;
                List<CompanyProfile.AnnualEstimate> estimates = List.of();
                if (parts.contains(ProfilePart.ANALYSTS)) {
                    // each answer asked again on its own: one of the two empty must not leave half a consensus
                    analysts = optional(() -> FmpParsers.analysts(
                            askedAgain(company, () -> nonEmpty(get(v4OrStable("price-target-consensus"),
                                    Map.of("symbol", symbol), false))),
                            askedAgain(company, () -> nonEmpty(get(v4OrStable(api == Api.V3
                                    ? "upgrades-downgrades-consensus" : "grades-consensus"), Map.of("symbol", symbol),
                                    false)))));
                    List<CompanyProfile.AnnualEstimate> fromAnalysts = optional(() -> askedAgain(company, () -> {
                        List<CompanyProfile.AnnualEstimate> answer = FmpParsers.estimates(get(
                                path("analyst-estimates", symbol), estimateQuery(symbol), false));
                        return answer == null || answer.isEmpty() ? null : answer;
                    }));
                    estimates = fromAnalysts == null ? List.of() : fromAnalysts;
                }
                if (answered == null && quote == null && trailing == null && analysts == null && estimates.isEmpty()) {
                    continue;
                }
                out.put(symbol, new CompanyProfile(symbol, answered == null ? null : answered.identity(),
                        parts.contains(ProfilePart.VALUATION) ? valuation(answered, quote) : null, trailing, analysts,
                        estimates, name()));
            }
        }
        return out;
    }

    @Override
    public List<FinancialStatement> statements(String symbol, StatementKind kind, Frequency frequency, int limit) {
        String endpoint = switch (kind) {
            case INCOME -> "income-statement";
            case BALANCE_SHEET -> "balance-sheet-statement";
            case CASH_FLOW -> "cash-flow-statement";
        };
        Map<String, String> params = new LinkedHashMap<>(query(symbol));
        params.put("period", frequency == Frequency.QUARTERLY ? "quarter" : "annual");
        params.put("limit", Integer.toString(limit));
        List<FinancialStatement> statements = FmpParsers.statements(symbol, kind, frequency,
                get(path(endpoint, symbol), params, true));
        return statements.size() > limit ? statements.subList(0, limit) : statements;
    }

    @Override
    public List<EarningsDate> earnings(String symbol) {
        JsonNode root = api == Api.V3 ? get("api/v3/historical/earning_calendar/" + encode(symbol), Map.of(), true)
                : get("stable/earnings", withSymbol(symbol, Map.of("limit", Integer.toString(EARNINGS_ROWS))), true);
        return FmpParsers.earnings(symbol, root);
    }

    @Override
    public List<StockSplit> splits(String symbol) {
        JsonNode root = api == Api.V3 ? get("api/v3/historical-price-full/stock_split/" + encode(symbol), Map.of(), true)
                : get("stable/splits", Map.of("symbol", symbol), true);
        return FmpParsers.splits(symbol, root);
    }

    private Map<String, CompanyProfile> identities(List<String> batch) {
        if (api == Api.V3) {
            return FmpParsers.profiles(get("api/v3/profile/" + encode(String.join(",", batch)), Map.of(), false));
        }
        Map<String, CompanyProfile> out = new LinkedHashMap<>();
        for (String symbol : batch) { // the stable profile endpoint answers one symbol per call
            out.putAll(FmpParsers.profiles(get("stable/profile", Map.of("symbol", symbol), false)));
        }
        return out;
    }

    /** The quote's figures where asked for (they are the session's), else the profile's. */
    private static CompanyProfile.Valuation valuation(CompanyProfile identity, Quote quote) {
        CompanyProfile.Valuation fromProfile = identity == null ? null : identity.valuation();
        if (quote == null) {
            return fromProfile;
        }
        Double beta = fromProfile == null ? null : fromProfile.beta();
        Double dividendYield = fromProfile == null || identity.identity().lastDividend() == null || quote.price() <= 0
                ? null : identity.identity().lastDividend() / quote.price();
        return new CompanyProfile.Valuation(quote.price(), quote.marketCap(), quote.yearHigh(), quote.yearLow(),
                quote.peRatio(), null, dividendYield, beta);
    }

    /** An optional part: a refusal is recorded (health, metric) by {@link #get}, and the part is left out. */
    /** The answer, or null when it holds nothing (no answer, {@code []}, {@code {}}). */
    private static JsonNode nonEmpty(JsonNode answer) {
        return answer == null || answer.isNull() || answer.isMissingNode() || answer.isEmpty() ? null : answer;
    }

    private static <T> T askedAgain(boolean company, java.util.function.Supplier<T> part) {
        return company ? EmptyAnswers.askedUntilPresent(part) : part.get();
    }

    private <T> T optional(java.util.function.Supplier<T> part) {
        try {
            return part.get();
        } catch (ProviderException e) {
            if (e.kind() == Kind.REFUSED) {
                return null;
            }
            throw e;
        }
    }

    private String path(String endpoint, String symbol) {
        return api == Api.V3 ? "api/v3/" + endpoint + "/" + encode(symbol) : "stable/" + endpoint;
    }

    private Map<String, String> query(String symbol) {
        return api == Api.V3 ? Map.of() : Map.of("symbol", symbol);
    }

    private Map<String, String> estimateQuery(String symbol) {
        Map<String, String> q = new LinkedHashMap<>(query(symbol));
        q.put("period", "annual");
        if (api == Api.STABLE) {
            q.put("page", "0");
        }
        q.put("limit", Integer.toString(ESTIMATE_YEARS));
        return q;
    }

    private String v4OrStable(String endpoint) {
        return (api == Api.V3 ? "api/v4/" : "stable/") + endpoint;
    }

    private static Map<String, String> withSymbol(String symbol, Map<String, String> params) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("symbol", symbol);
        q.putAll(params);
        return q;
    }

    /** GET root/path?params&apikey=…; the parsed body, or null for an empty one. */
    private JsonNode get(String path, Map<String, String> params, boolean perSymbol) {
        StringJoiner query = new StringJoiner("&");
        params.forEach((k, v) -> query.add(k + "=" + encode(v)));
        query.add("apikey=" + encode(apiKey));
        ProviderHttp.Answer answer = http.get(root.resolve(path + "?" + query));
        String body = answer.body();
        String reason = reason(body);
        ProviderException common = http.common(answer, reason);
        if (common != null) {
            throw common;
        }
        if (answer.status() == 404 && perSymbol) {
            throw new ProviderException(Kind.UNKNOWN_SYMBOL, name(), answer.endpoint() + " answered 404 (unknown symbol)");
        }
        if (answer.status() != 200) {
            throw new ProviderException(Kind.TRY_NEXT, name(), answer.endpoint() + " answered " + answer.status()
                    + (reason == null ? "" : ": " + http.mask(reason)));
        }
        if (body.isEmpty()) {
            http.answered(answer);
            return null;
        }
        JsonNode parsed;
        try {
            parsed = json.readTree(body);
        } catch (JacksonException e) {
            if (refusal(body)) {
                throw http.refused(answer, body); // a plan refusal sent as plain text with a 200
            }
            throw new ProviderException(Kind.RETRY_LATER, name(), answer.endpoint()
                    + " answered 200 with a body that is not JSON");
        }
        if (parsed.isObject() && parsed.has("Error Message")) {
            String message = JsonFields.text(parsed, "Error Message");
            message = message == null ? "" : message;
            if (message.toLowerCase(Locale.ROOT).contains("limit reach")) {
                throw new ProviderException(Kind.RETRY_LATER, name(), answer.endpoint() + " refused: "
                        + http.mask(message));
            }
            if (refusal(message)) {
                throw http.refused(answer, message);
            }
            throw new ProviderException(Kind.TRY_NEXT, name(), answer.endpoint() + " refused: " + http.mask(message));
        }
        http.answered(answer);
        return parsed;
    }

    /** FMP's words for a key or plan it refuses. */
    private static boolean refusal(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("invalid api key") || m.contains("legacy endpoint") || m.contains("restricted endpoint")
                || m.contains("premium query parameter") || m.contains("subscription") || m.contains("upgrade your plan");
    }

    /** FMP's reason: the {@code Error Message} of a JSON body, or a plain-text body itself. */
    private String reason(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(body);
            String message = node.isObject() ? JsonFields.text(node, "Error Message", "message", "error") : null;
            return message;
        } catch (JacksonException e) {
            return body.startsWith("<") ? null : body;
        }
    }

    private List<List<String>> batches(Collection<String> symbols) {
        List<String> all = symbols.stream().distinct().toList();
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < all.size(); i += batchSize) {
            batches.add(all.subList(i, Math.min(all.size(), i + batchSize)));
        }
        return batches;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
