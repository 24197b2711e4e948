package io.riskstream.portfolio.application;

/**
 * What one chunk of a portfolio's drain did: how many waiting dates it valued, and whether the portfolio may have more
 * ready to value at once (false: none were left in the chunk, or the next one waits for its data).
 */
public record DrainResult(int valued, boolean more) {

    public static final DrainResult NOTHING = new DrainResult(0, false);
}
