package io.riskstream.price.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What to fetch for one symbol so that its stored history covers [requiredStart, target]: nothing, the missing
 * tail after the watermark (incremental), or the whole range (backfill: no history, or too little of it).
 */
public record FetchPlan(Kind kind, LocalDate from, LocalDate to) {

    public enum Kind { NOTHING, INCREMENTAL, BACKFILL }

    public static FetchPlan decide(Optional<LocalDate> firstStored, Optional<LocalDate> watermark,
                                   Optional<LocalDate> firstAvailable, LocalDate requiredStart, LocalDate target) {
        if (watermark.isEmpty() || firstStored.isEmpty()) {
            return new FetchPlan(Kind.BACKFILL, requiredStart, target);
        }
        // history that starts after the required start is complete when the provider has nothing older
        LocalDate earliestPossible = firstAvailable.filter(d -> d.isAfter(requiredStart)).orElse(requiredStart);
        if (firstStored.get().isAfter(earliestPossible)) {
            return new FetchPlan(Kind.BACKFILL, requiredStart, target);
        }
        if (!watermark.get().isBefore(target)) {
            return new FetchPlan(Kind.NOTHING, null, null);
        }
        return new FetchPlan(Kind.INCREMENTAL, watermark.get().plusDays(1), target);
    }

    public boolean fetches() {
        return kind != Kind.NOTHING;
    }
}
