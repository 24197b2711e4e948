package io.riskstream.fundamentals.domain;

import java.util.Locale;
import io.riskstream.marketdata.FinancialStatement;
import io.riskstream.marketdata.Frequency;
import io.riskstream.marketdata.StatementKind;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A company files all three statements for a period, a fund files none: an answer with some statements of a
 * frequency but not the others is an incomplete answer (a provider's empty 200 for one of the requests), not a
 * company without a cash-flow statement.
 */
public final class StatementCompleteness {

    private StatementCompleteness() {
    }

    /** The (kind, frequency) requests that answered nothing while another kind of the same frequency answered. */
    public static List<String> missing(List<FinancialStatement> fetched) {
        Map<Frequency, Set<StatementKind>> answered = new EnumMap<>(Frequency.class);
        for (FinancialStatement s : fetched) {
            answered.computeIfAbsent(s.frequency(), f -> EnumSet.noneOf(StatementKind.class)).add(s.kind());
        }
        List<String> missing = new ArrayList<>();
        answered.forEach((frequency, kinds) -> EnumSet.complementOf(EnumSet.copyOf(kinds))
                .forEach(kind -> missing.add(frequency.name().toLowerCase(Locale.ROOT) + " " + kind.name().toLowerCase(Locale.ROOT))));
        return missing;
    }
}
