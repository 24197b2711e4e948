package io.riskstream.factor.domain.exposure;

import java.util.Objects;

/** A factor not computed for a business reason, e.g. "29 returns, 30 needed". */
public record Skipped(String reason) implements FactorOutcome {

    public Skipped {
        Objects.requireNonNull(reason, "reason");
    }

    static Skipped tooFewReturns(int have, int needed) {
        return new Skipped(have + " returns, " + needed + " needed");
    }

    static Skipped missingBenchmark(String symbol) {
        return new Skipped("no prices for benchmark " + symbol);
    }
}
