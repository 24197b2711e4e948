package io.riskstream.common.json;

/**
 * A record that can never be processed: not JSON, not an envelope, the wrong type or schema version, or a payload
 * that breaks its contract. Not retryable; the error handler sends the record to the topic's dead-letter topic with
 * this message as the reason.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String topic, String reason) {
        super("malformed record on " + topic + ": " + reason);
    }

    public MalformedEventException(String topic, String reason, Throwable cause) {
        super("malformed record on " + topic + ": " + reason, cause);
    }
}
