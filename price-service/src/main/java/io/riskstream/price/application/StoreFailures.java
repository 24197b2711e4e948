package io.riskstream.price.application;

/**
 * Tells a failure of price-service's own database from a failure of the work on one symbol: the first is retried
 * for the whole event (symbols already done cost nothing), the second is recorded against the symbol.
 */
public interface StoreFailures {

    boolean isStoreFailure(RuntimeException e);
}
