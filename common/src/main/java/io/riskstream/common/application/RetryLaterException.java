package io.riskstream.common.application;

/** Thrown by a handler whose input is fine but whose dependency is not ready yet; the record is retried. */
public class RetryLaterException extends RuntimeException {
    public RetryLaterException(String message) {
        super(message);
    }
}
