package io.riskstream.archfixture.domain;

/** A planted violation for ArchitectureRulesTest: a domain rule that reports to Micrometer. */
public class RuleThatCounts {

    public double count(io.micrometer.core.instrument.Counter counter) {
        counter.increment();
        return counter.count();
    }
}
