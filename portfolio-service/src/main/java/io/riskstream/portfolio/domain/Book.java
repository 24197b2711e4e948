package io.riskstream.portfolio.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A portfolio's positions, as its valuation and its readiness see them. */
public record Book(List<Position> positions) {

    public Book {
        positions = List.copyOf(positions);
    }

    /** The public symbols held at any time: the ones with betas and return histories. */
    public Set<String> publicSymbols() {
        Set<String> symbols = new TreeSet<>();
        positions.stream().filter(p -> p.instrumentClass() == InstrumentClass.PUBLIC)
                .forEach(p -> symbols.add(p.symbol()));
        return symbols;
    }

    /** The public symbols open on {@code date}: the ones its factor exposures need betas and closes of. */
    public Set<String> publicSymbolsOpenOn(LocalDate date) {
        Set<String> symbols = new TreeSet<>();
        positions.stream().filter(p -> p.openOn(date)).filter(p -> p.instrumentClass() == InstrumentClass.PUBLIC)
                .forEach(p -> symbols.add(p.symbol()));
        return symbols;
    }

    /** The symbols valued from closes: every one but the private holdings. */
    public Set<String> pricedSymbols() {
        Set<String> symbols = new TreeSet<>();
        positions.stream().filter(p -> p.instrumentClass() != InstrumentClass.PRIVATE)
                .forEach(p -> symbols.add(p.symbol()));
        return symbols;
    }

    /** The positions that count on {@code date} (see {@link Position#countsOn}), in the book's order. */
    public List<Position> countingOn(LocalDate date, LocalDate previousSnapshot) {
        return positions.stream().filter(p -> p.countsOn(date, previousSnapshot)).toList();
    }
}
