package io.riskstream.marketdata;

/**
 * A provider could not answer. The kind says what the caller should do:
 * <ul>
 *   <li>{@link Kind#UNKNOWN_SYMBOL}: terminal for this symbol (unknown or delisted) — mark it inactive, stop asking;</li>
 *   <li>{@link Kind#REFUSED}: the provider refused the key or plan (401 invalid key, 402 restricted endpoint, 403
 *       legacy endpoint): a configuration error an operator must fix. It is reported (health, metric, alert); a
 *       chain asks its next real provider, the caller retries later;</li>
 *   <li>{@link Kind#TRY_NEXT}: this provider cannot answer now (quota spent, circuit open, not supported) — ask
 *       the next provider of the chain;</li>
 *   <li>{@link Kind#RETRY_LATER}: a transient failure (429, 5xx, timeout, garbage) that outlived the retries.</li>
 * </ul>
 * Messages never contain the API key.
 */
public class ProviderException extends RuntimeException {

    public enum Kind { UNKNOWN_SYMBOL, REFUSED, TRY_NEXT, RETRY_LATER }

    private final Kind kind;
    private final String provider;

    public ProviderException(Kind kind, String provider, String message) {
        super(provider + ": " + message);
        this.kind = kind;
        this.provider = provider;
    }

    public ProviderException(Kind kind, String provider, String message, Throwable cause) {
        super(provider + ": " + message, cause);
        this.kind = kind;
        this.provider = provider;
    }

    public Kind kind() {
        return kind;
    }

    public String provider() {
        return provider;
    }
}
