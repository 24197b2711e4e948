package io.riskstream.portfolio.domain;

import io.riskstream.portfolio.domain.risk.SnapshotBetas;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * The betas of a book's symbols on some dates (date → symbol → factor → beta), and beside them each symbol's
 * market-beta fit (R², observations) for the snapshot betas. A symbol absent on a date has no betas for it.
 */
public record BetasByDate(Map<LocalDate, Map<String, Map<String, Double>>> betas,
                          Map<LocalDate, Map<String, SnapshotBetas.Fit>> fits) {

    /** symbol → factor → beta on {@code date}. */
    public Map<String, Map<String, Double>> on(LocalDate date) {
        return betas.getOrDefault(date, Map.of());
    }

    public Set<String> symbolsOn(LocalDate date) {
        return on(date).keySet();
    }

    /** symbol → its market-beta fit on {@code date}. */
    public Map<String, SnapshotBetas.Fit> fitsOn(LocalDate date) {
        return fits.getOrDefault(date, Map.of());
    }
}
