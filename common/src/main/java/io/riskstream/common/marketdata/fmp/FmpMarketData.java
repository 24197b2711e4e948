package io.riskstream.common.marketdata.fmp;

import io.riskstream.common.marketdata.CompanyProfile;
import io.riskstream.common.marketdata.DailyBar;
import io.riskstream.common.marketdata.EarningsDate;
import io.riskstream.common.marketdata.FinancialStatement;
import io.riskstream.common.marketdata.Frequency;
import io.riskstream.common.marketdata.MarketDataProvider;
import io.riskstream.common.marketdata.ProviderException;
import io.riskstream.common.marketdata.ProviderException.Kind;
import io.riskstream.common.marketdata.Quote;
import io.riskstream.common.marketdata.StatementKind;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Financial Modeling Prep over HTTP (the legacy system's v3 endpoints): batch quotes and profiles for up to 100
 * symbols per call, daily history, statements and the earnings calendar. The API key travels in the query string and
 * never appears in a message or a log line. HTTP outcomes are classified into {@link ProviderException} kinds;
 * an empty 200 is an empty answer, never an error and never a reason to delete anything.
 */
public final class FmpMarketData implements MarketDataProvider {

    public static final int BATCH_SIZE = 100;
    /** Longest history range asked in one call; longer ranges are fetched in chunks of this size. */
    static final int HISTORY_CHUNK_YEARS = 5;

    private final URI baseUrl;
    private final String apiKey;
    private final Duration timeout;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    public FmpMarketData(URI baseUrl, String apiKey, Duration timeout) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("provider 'fmp' needs an API key (FMP_API_KEY)");
        }
        this.baseUrl = URI.create(baseUrl.toString().endsWith("/") ? baseUrl.toString() : baseUrl + "/");
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String name() {
        return "fmp";
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
            JsonNode root = get("historical-price-full/" + encode(symbol), Map.of("from", start.toString(),
                    "to", end.toString()), true);
            JsonNode history = root == null ? null : root.get("historical");
            if (history == null || !history.isArray()) {
                continue; // {} : nothing for this range
            }
            for (JsonNode bar : history) {
                bars.add(new DailyBar(symbol, LocalDate.parse(bar.get("date").asString().substring(0, 10)),
                        dbl(bar, "open"), dbl(bar, "high"), dbl(bar, "low"), dbl(bar, "close"),
                        Objects.requireNonNullElse(dbl(bar, "adjClose"), Objects.requireNonNullElse(dbl(bar, "close"), Double.NaN)),
                        lng(bar, "volume")));
            }
        }
        bars.sort(Comparator.comparing(DailyBar::date));
        return bars;
    }

    @Override
    public Map<String, Quote> quotes(Collection<String> symbols) {
        Map<String, Quote> quotes = new HashMap<>();
        for (List<String> batch : batches(symbols)) {
            JsonNode root = get("quote/" + encode(String.join(",", batch)), Map.of(), false);
            for (JsonNode q : array(root)) {
                String symbol = q.path("symbol").asString(null);
                Double price = dbl(q, "price");
                if (symbol == null || price == null || !q.hasNonNull("timestamp")) {
                    continue;
                }
                LocalDate date = java.time.Instant.ofEpochSecond(q.get("timestamp").asLong())
                        .atZone(java.time.ZoneId.of("America/New_York")).toLocalDate();
                quotes.put(symbol, new Quote(symbol, date, dbl(q, "open"), dbl(q, "dayHigh"), dbl(q, "dayLow"), price,
                        lng(q, "volume"), dbl(q, "previousClose"), dbl(q, "marketCap"), dbl(q, "pe")));
            }
        }
        return quotes;
    }

    @Override
    public Map<String, CompanyProfile> profiles(Collection<String> symbols) {
        Map<String, CompanyProfile> profiles = new HashMap<>();
        for (List<String> batch : batches(symbols)) {
            JsonNode root = get("profile/" + encode(String.join(",", batch)), Map.of(), false);
            for (JsonNode p : array(root)) {
                String symbol = p.path("symbol").asString(null);
                if (symbol == null) {
                    continue;
                }
                Double[] range = range(p.path("range").asString(""));
                profiles.put(symbol, new CompanyProfile(symbol, str(p, "companyName"), str(p, "sector"),
                        str(p, "industry"), str(p, "exchangeShortName"), str(p, "country"), str(p, "currency"),
                        p.path("isEtf").asBoolean(false), p.path("isFund").asBoolean(false), dbl(p, "beta"),
                        dbl(p, "mktCap"), null, null, null, range[1], range[0], null, null, null, null, null, null,
                        null, null, null, null, integer(p, "fullTimeEmployees"), str(p, "website"), str(p, "ceo"),
                        str(p, "description")));
            }
        }
        return profiles;
    }

    @Override
    public List<FinancialStatement> statements(String symbol, StatementKind kind, Frequency frequency, int limit) {
        String path = switch (kind) {
            case INCOME -> "income-statement/";
            case BALANCE_SHEET -> "balance-sheet-statement/";
            case CASH_FLOW -> "cash-flow-statement/";
        };
        JsonNode root = get(path + encode(symbol), Map.of("period", frequency == Frequency.QUARTERLY ? "quarter" : "annual",
                "limit", Integer.toString(limit)), true);
        List<FinancialStatement> statements = new ArrayList<>();
        for (JsonNode s : array(root)) {
            if (!s.hasNonNull("date")) {
                continue;
            }
            Map<String, java.math.BigDecimal> values = new java.util.LinkedHashMap<>();
            for (var field : s.properties()) {
                JsonNode v = field.getValue();
                if (v.isNumber()) {
                    values.put(field.getKey(), v.decimalValue());
                } else if (v.isNull()) {
                    values.put(field.getKey(), null);
                }
            }
            statements.add(new FinancialStatement(symbol, kind, frequency, LocalDate.parse(s.get("date").asString()),
                    str(s, "reportedCurrency"), values));
        }
        return statements;
    }

    @Override
    public List<EarningsDate> earnings(String symbol) {
        List<EarningsDate> dates = new ArrayList<>();
        for (JsonNode e : array(get("historical/earning_calendar/" + encode(symbol), Map.of(), true))) {
            if (e.hasNonNull("date")) {
                dates.add(new EarningsDate(symbol, LocalDate.parse(e.get("date").asString()), e.hasNonNull("eps")));
            }
        }
        dates.sort(Comparator.comparing(EarningsDate::date));
        return dates;
    }

    /** GET base/path?params&apikey=…; returns the parsed body, or null for an empty body. */
    private JsonNode get(String path, Map<String, String> params, boolean perSymbol) {
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(k).append('=').append(encode(v)).append('&'));
        URI uri = baseUrl.resolve(path + "?" + query + "apikey=" + encode(apiKey));
        String where = "GET /" + path; // no query string: it holds the key
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ProviderException(Kind.RETRY_LATER, name(), where + " timed out after " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            throw new ProviderException(Kind.RETRY_LATER, name(), where + " failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(Kind.RETRY_LATER, name(), where + " interrupted");
        }
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body().trim();
        if (status == 429) {
            throw new ProviderException(Kind.RETRY_LATER, name(), where + " answered 429 (rate limited)");
        }
        if (status >= 500) {
            throw new ProviderException(Kind.RETRY_LATER, name(), where + " answered " + status);
        }
        if (status == 401 || status == 403) {
            throw new ProviderException(Kind.TRY_NEXT, name(), where + " answered " + status + " (API key or plan)");
        }
        if (status == 404 && perSymbol) {
            throw new ProviderException(Kind.UNKNOWN_SYMBOL, name(), where + " answered 404 (unknown symbol)");
        }
        if (status != 200) {
            throw new ProviderException(Kind.TRY_NEXT, name(), where + " answered " + status);
        }
        if (body.isEmpty()) {
            return null;
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new ProviderException(Kind.RETRY_LATER, name(), where + " answered 200 with a body that is not JSON");
        }
        if (root.isObject() && root.has("Error Message")) {
            String message = root.get("Error Message").asString("");
            Kind kind = message.toLowerCase().contains("limit") ? Kind.RETRY_LATER : Kind.TRY_NEXT;
            throw new ProviderException(kind, name(), where + " refused: " + message.replace(apiKey, "***"));
        }
        return root;
    }

    private static List<List<String>> batches(Collection<String> symbols) {
        List<String> all = List.copyOf(symbols);
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < all.size(); i += BATCH_SIZE) {
            batches.add(all.subList(i, Math.min(all.size(), i + BATCH_SIZE)));
        }
        return batches;
    }

    private static Iterable<JsonNode> array(JsonNode root) {
        return root != null && root.isArray() ? root : List.of();
    }

    private static Double dbl(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isNumber() ? null : v.asDouble();
    }

    private static Long lng(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isNumber() ? null : v.asLong();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return v.isNumber() ? v.asInt() : Integer.valueOf(v.asString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String str(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asString().isBlank() ? null : v.asString();
    }

    /** "164.08-199.62" → {low, high}. */
    private static Double[] range(String text) {
        int dash = text.indexOf('-', 1);
        try {
            return dash < 0 ? new Double[2] : new Double[]{Double.valueOf(text.substring(0, dash)),
                    Double.valueOf(text.substring(dash + 1))};
        } catch (NumberFormatException e) {
            return new Double[2];
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
