package io.riskstream.portfolio.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class BookTest {

    private static final LocalDate D1 = LocalDate.of(2024, 12, 2), D2 = LocalDate.of(2024, 12, 3),
            D3 = LocalDate.of(2024, 12, 4);

    private final Position open = position("AAA", D1, null);
    private final Position exitedOnD2 = position("BBB", D1, D2);
    private final Position exitedOnD1 = position("CCC", D1, D1);
    private final Position enteredOnD3 = position("DDD", D3, null);
    private final Position privateHolding = position("FO_GROWTH_PE", D1, null);
    private final Position option = position("AAPL250117C00150000", D1, null);
    private final Book book = new Book(List.of(open, exitedOnD2, exitedOnD1, enteredOnD3, privateHolding, option));

    @Test
    void aDateCountsThePositionsOpenOnItAndThoseExitedSinceThePreviousSnapshot() {
        // previous snapshot D1: BBB exited on D2 realizes its P&L on D2; CCC exited on D1 was already in D1's
        assertThat(book.countingOn(D2, D1)).containsExactly(open, exitedOnD2, privateHolding, option);
        // the first snapshot: only what is open on it
        assertThat(book.countingOn(D2, null)).containsExactly(open, privateHolding, option);
    }

    @Test
    void onlyPublicSymbolsOpenOnTheDateNeedBetasAndAllButPrivateHoldingsAreValuedFromCloses() {
        assertThat(book.publicSymbolsOpenOn(D2)).containsExactly("AAA");
        assertThat(book.publicSymbols()).containsExactly("AAA", "BBB", "CCC", "DDD");
        assertThat(book.pricedSymbols()).containsExactly("AAA", "AAPL250117C00150000", "BBB", "CCC", "DDD");
    }

    private static Position position(String symbol, LocalDate entry, LocalDate exit) {
        return new Position(UUID.randomUUID(), UUID.randomUUID(), symbol, BigDecimal.TEN, BigDecimal.valueOf(50),
                entry, exit, exit == null ? null : BigDecimal.valueOf(55), "LONG");
    }
}
