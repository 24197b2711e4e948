package io.riskstream.marketdata.yahoo;

import io.riskstream.marketdata.CompanyProfile;
import io.riskstream.common.marketdata.DailyBar;
import io.riskstream.marketdata.EarningsDate;
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
import io.riskstream.marketdata.http.ProviderHttp;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Yahoo Finance's chart API ({@code /v8/finance/chart/{symbol}}), the second provider the legacy system used: daily
 * bars with raw and adjusted closes, quotes (the newest session of a five-day chart, one call per symbol) and
 * splits. It has no profiles, statements or earnings here — those come from FMP. An unknown symbol is Yahoo's
 * {@code chart.error} "Not Found" (usually with HTTP 404); 429 and 5xx are transient; 401/403 a refusal.
 */
public final class YahooMarketData implements MarketDataProvider {

    /** Yahoo answers scripts without a browser-like agent with 429s more often. */
    static final String USER_AGENT = "Mozilla/5.0 (compatible; riskstream market-data client)";

    private final URI baseUrl;
    private final ProviderHttp http;
    private final JsonMapper json = JsonMapper.builder().build();

    public YahooMarketData(URI baseUrl, Duration timeout, ProviderHealth health) {
        String base = baseUrl.toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
        this.http = new ProviderHttp(name(), timeout, health, null, USER_AGENT);
    }

    @Override
    public String name() {
        return YahooParsers.SOURCE;
    }

    @Override
    public boolean suppliesProfiles() {
        return false;
    }

    @Override
    public List<DailyBar> dailyBars(String symbol, LocalDate from, LocalDate to) {
        long period1 = from.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        long period2 = to.plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        JsonNode result = chart(symbol, "period1=" + period1 + "&period2=" + period2);
        return YahooParsers.bars(symbol, result).stream()
                .filter(b -> !b.date().isBefore(from) && !b.date().isAfter(to)).toList();
    }

    @Override
    public Map<String, Quote> quotes(Collection<String> symbols) {
        Map<String, Quote> out = new LinkedHashMap<>();
        for (String symbol : symbols.stream().distinct().toList()) {
            try {
                Quote quote = YahooParsers.quote(symbol, chart(symbol, "range=5d"));
                if (quote != null) {
                    out.put(symbol, quote);
                }
            } catch (ProviderException e) {
                if (e.kind() != Kind.UNKNOWN_SYMBOL) {
                    throw e;
                }
                // like a batch quote: a symbol Yahoo does not know is absent from the answer
            }
        }
        return out;
    }

    @Override
    public Map<String, CompanyProfile> profiles(Collection<String> symbols, Set<ProfilePart> parts) {
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

    @Override
    public List<StockSplit> splits(String symbol) {
        return YahooParsers.splits(symbol, chart(symbol, "range=max&events=split"));
    }

    /** The chart's first result for the window, or null when Yahoo has no sessions in it. */
    private JsonNode chart(String symbol, String window) {
        URI uri = baseUrl.resolve("v8/finance/chart/" + URLEncoder.encode(symbol, StandardCharsets.UTF_8) + "?"
                + window + "&interval=1d&includeAdjustedClose=true&events=div%7Csplit");
        ProviderHttp.Answer answer = http.get(uri);
        JsonNode root = parse(answer);
        String error = YahooParsers.error(root);
        if (error != null && error.startsWith("Not Found")) {
            http.answered(answer); // a valid answer: the symbol is unknown
            throw new ProviderException(Kind.UNKNOWN_SYMBOL, name(), answer.endpoint() + " answered " + error);
        }
        ProviderException common = http.common(answer, error);
        if (common != null) {
            throw common;
        }
        if (answer.status() != 200) {
            throw new ProviderException(Kind.TRY_NEXT, name(), answer.endpoint() + " answered " + answer.status()
                    + (error == null ? "" : ": " + error));
        }
        if (error != null) {
            throw new ProviderException(Kind.TRY_NEXT, name(), answer.endpoint() + " answered " + error);
        }
        http.answered(answer);
        return YahooParsers.result(root);
    }

    private JsonNode parse(ProviderHttp.Answer answer) {
        if (answer.body().isEmpty()) {
            return null;
        }
        try {
            return json.readTree(answer.body());
        } catch (JacksonException e) {
            if (answer.status() == 200) {
                throw new ProviderException(Kind.RETRY_LATER, name(), answer.endpoint()
                        + " answered 200 with a body that is not JSON");
            }
            return null; // an HTML error page: the status decides
        }
    }
}
