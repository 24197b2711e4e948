package io.riskstream.factor.domain.exposure;

/** What became of one factor for one symbol and date: a fit, or a reason it was not computed. */
public sealed interface FactorOutcome permits FactorFit, Skipped {
}
