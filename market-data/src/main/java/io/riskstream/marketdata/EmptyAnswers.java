package io.riskstream.marketdata;

import java.util.List;
import java.util.function.Supplier;

/**
 * How an empty answer (a 200 with no data) is read. It is what a provider answers for a symbol it does not know, and
 * what a misbehaving one answers at times for a symbol it knows. Where the two cannot be told apart by the data
 * itself, asking again can: a misbehaving provider rarely answers empty twice in a row, an unknown symbol always does.
 */
public final class EmptyAnswers {

    /** Attempts before an empty answer counts as "there is no data". */
    static final int ATTEMPTS = 3;

    private EmptyAnswers() {
    }

    /**
     * Whether the provider quotes the symbol, asking up to {@value #ATTEMPTS} times while the quote is empty.
     *
     * @return true when quoted; false when the provider said it does not know the symbol or never quoted it
     * @throws ProviderException when the provider failed (other than not knowing the symbol)
     */
    public static boolean quoted(MarketDataProvider provider, String symbol) {
        try {
            return !askedUntilAnswered(() -> List.copyOf(provider.quotes(List.of(symbol)).values())).isEmpty();
        } catch (ProviderException e) {
            if (e.kind() == ProviderException.Kind.UNKNOWN_SYMBOL) {
                return false;
            }
            throw e;
        }
    }

    /** The first answer that is not null of up to {@value #ATTEMPTS} calls (null: an empty answer), or null. */
    public static <T> T askedUntilPresent(Supplier<T> call) {
        T answer = call.get();
        for (int attempt = 1; attempt < ATTEMPTS && answer == null; attempt++) {
            answer = call.get();
        }
        return answer;
    }

    /** The first non-empty answer of up to {@value #ATTEMPTS} calls, or the empty one. */
    public static <T> List<T> askedUntilAnswered(Supplier<List<T>> call) {
        List<T> answer = call.get();
        for (int attempt = 1; attempt < ATTEMPTS && answer.isEmpty(); attempt++) {
            answer = call.get();
        }
        return answer;
    }
}
