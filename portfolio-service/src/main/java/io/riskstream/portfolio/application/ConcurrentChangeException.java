package io.riskstream.portfolio.application;

/**
 * A unit of work was rolled back because another one changed what it had read meanwhile; doing it again later reads
 * the change.
 */
public class ConcurrentChangeException extends RuntimeException {
    public ConcurrentChangeException(String message, Throwable cause) {
        super(message, cause);
    }
}
