package io.riskstream.portfolio.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ReadinessTest {

    private static final LocalDate D = LocalDate.of(2024, 12, 3);
    private static final Instant REQUESTED = Instant.parse("2025-01-02T12:00:00Z");

    private final Readiness readiness = new Readiness(Duration.ofMinutes(10));

    @Test
    void aDateWhoseSymbolsAllHaveClosesAndBetasIsReadyAndComplete() {
        Readiness.Decision d = readiness.decide(D, Set.of("AAA", "BBB"), Set.of("AAA", "BBB"),
                arrivals(Set.of("AAA", "BBB"), Map.of("AAA", D, "BBB", D)), REQUESTED, REQUESTED);
        assertThat(d).isEqualTo(new Readiness.Ready(D, Set.of(), Map.of()));
    }

    @Test
    void aDateWaitsForASymbolWithoutBetasForItAndOneWithoutAnyCloseNamingWhatEachLacks() {
        Readiness.Decision d = readiness.decide(D, Set.of("AAA", "BBB", "CCC"), Set.of("AAA", "CCC"),
                arrivals(Set.of("AAA", "BBB"), Map.of("AAA", D)), REQUESTED, REQUESTED.plusSeconds(60));
        assertThat(d).isEqualTo(new Readiness.Wait(D, Map.of("BBB", Readiness.Missing.BETAS,
                "CCC", Readiness.Missing.CLOSES), REQUESTED.plus(Duration.ofMinutes(10))));
    }

    @Test
    void aDateBeforeASymbolsFirstBetasDoesNotWaitForThemButLacksThem() {
        Readiness.Decision d = readiness.decide(D, Set.of("AAA", "NEW"), Set.of("AAA"),
                arrivals(Set.of("AAA", "NEW"), Map.of("AAA", D, "NEW", D.plusDays(1))), REQUESTED, REQUESTED);
        assertThat(d).isEqualTo(new Readiness.Ready(D, Set.of("NEW"), Map.of()));
    }

    @Test
    void afterTheGracePeriodADateGoesAheadNamingWhatItStoppedWaitingFor() {
        Readiness.Decision d = readiness.decide(D, Set.of("AAA", "BBB"), Set.of("AAA"),
                arrivals(Set.of("AAA", "BBB"), Map.of("AAA", D)), REQUESTED, REQUESTED.plus(Duration.ofMinutes(10)));
        assertThat(d).isEqualTo(new Readiness.Ready(D, Set.of("BBB"), Map.of("BBB", Readiness.Missing.BETAS)));
    }

    private static SymbolArrivals arrivals(Set<String> withCloses, Map<String, LocalDate> firstBetas) {
        return new SymbolArrivals(withCloses, firstBetas);
    }
}
