package io.riskstream.portfolio.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Why a valued date is partial, if it is: public symbols open on it without betas for it (their value adds no factor
 * exposure), positions without any close to value them at, or a wiped-out book (NAV ≤ 0: no equity to weight factor
 * exposures by). A date with none of these is complete.
 */
public record Completeness(Set<String> withoutBetas, List<String> unpriced, boolean insolvent) {

    public Completeness {
        withoutBetas = Set.copyOf(withoutBetas);
        unpriced = List.copyOf(unpriced);
    }

    public boolean partial() {
        return !withoutBetas.isEmpty() || !unpriced.isEmpty() || insolvent;
    }

    public List<String> reasons() {
        List<String> reasons = new ArrayList<>();
        if (!withoutBetas.isEmpty()) {
            reasons.add("no betas for the date: " + new java.util.TreeSet<>(withoutBetas));
        }
        if (!unpriced.isEmpty()) {
            reasons.add("no close on or before the date: " + unpriced);
        }
        if (insolvent) {
            reasons.add("NAV is not positive: no factor exposures");
        }
        return reasons;
    }
}
