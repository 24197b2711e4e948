package io.riskstream.marketdata.http;

import io.riskstream.marketdata.ProviderException;
import io.riskstream.marketdata.ProviderException.Kind;
import io.riskstream.marketdata.ProviderHealth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * The HTTP side shared by the provider clients: one GET with a timeout, transport failures as transient
 * {@link ProviderException}s, and the statuses every provider means the same by (429 and 5xx transient; 401, 402
 * and 403 a refusal of the key or plan, recorded in {@link ProviderHealth} with the provider's own reason). The
 * secret (an API key in the query string) never appears in a message: endpoints are named by their path only, and
 * provider text is masked before it is quoted.
 */
public final class ProviderHttp {

    /** An answer with the endpoint it came from ("GET /stable/profile"). */
    public record Answer(String endpoint, int status, String body) {
    }

    private static final int REASON_CHARS = 300;

    private final String provider;
    private final Duration timeout;
    private final ProviderHealth health;
    private final String secret;
    private final String userAgent;
    private final HttpClient http;

    public ProviderHttp(String provider, Duration timeout, ProviderHealth health, String secret, String userAgent) {
        this.provider = provider;
        this.timeout = timeout;
        this.health = health == null ? ProviderHealth.detached() : health;
        this.secret = secret;
        this.userAgent = userAgent;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.health.track(provider);
    }

    /** GET; throws a transient {@link ProviderException} when no answer came. */
    public Answer get(URI uri) {
        String endpoint = "GET " + uri.getPath();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept", "application/json");
        if (userAgent != null) {
            request.header("User-Agent", userAgent);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(endpoint, response.statusCode(), response.body() == null ? "" : response.body().trim());
        } catch (HttpTimeoutException e) {
            throw new ProviderException(Kind.RETRY_LATER, provider, endpoint + " timed out after "
                    + timeout.toMillis() + " ms");
        } catch (IOException e) {
            throw new ProviderException(Kind.RETRY_LATER, provider, endpoint + " failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(Kind.RETRY_LATER, provider, endpoint + " interrupted");
        }
    }

    /** The status classes every provider shares; null when the caller must classify the answer itself. */
    public ProviderException common(Answer answer, String reason) {
        int status = answer.status();
        if (status == 429) {
            return new ProviderException(Kind.RETRY_LATER, provider, answer.endpoint() + " answered 429 (rate limited)"
                    + (reason == null ? "" : ": " + mask(reason)));
        }
        if (status >= 500) {
            return new ProviderException(Kind.RETRY_LATER, provider, answer.endpoint() + " answered " + status);
        }
        if (status == 401 || status == 402 || status == 403) {
            return refused(answer, reason);
        }
        return null;
    }

    /** A refusal of the key or plan: recorded for the health check and the metric, and returned to be thrown. */
    public ProviderException refused(Answer answer, String reason) {
        String why = reason == null || reason.isBlank() ? "no reason given" : mask(reason);
        health.refused(provider, answer.endpoint(), answer.status(), why);
        return new ProviderException(Kind.REFUSED, provider, answer.endpoint() + " refused the configured key or plan ("
                + answer.status() + "): " + why);
    }

    /** The endpoint answered with data (or a valid "nothing"): any refusal recorded for it is over. */
    public void answered(Answer answer) {
        health.answered(provider, answer.endpoint());
    }

    public String mask(String text) {
        String masked = secret == null || secret.isEmpty() ? text : text.replace(secret, "***");
        masked = masked.replaceAll("\\s+", " ").trim();
        return masked.length() > REASON_CHARS ? masked.substring(0, REASON_CHARS) + "…" : masked;
    }

    public String provider() {
        return provider;
    }
}
