package io.riskstream.common.application;

/**
 * A provider answered with success but left out data it must have: an empty history or profile for a symbol it
 * quotes, some statements of a period but not the others. A misbehaving provider does that at times; asking again
 * later usually gets the whole answer. Listeners retry such a record for a bounded time, then dead-letter it with
 * this message, so a provider that never answers in full does not hold up its partition for good.
 */
public class IncompleteAnswerException extends RuntimeException {

    public IncompleteAnswerException(String message) {
        super(message);
    }
}
