package io.riskstream.fundamentals.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FetchPolicyTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 11, 4);
    private static final Instant NOW = Instant.parse("2024-11-04T23:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    @Test
    void neverFetchedOrNoKnownEarningsDateIsDue() {
        assertThat(FetchPolicy.due(Optional.empty(), Optional.of(TODAY.plusDays(20)), TODAY, NOW, WEEK)).isTrue();
        assertThat(FetchPolicy.due(Optional.of(NOW.minusSeconds(60)), Optional.empty(), TODAY, NOW, WEEK)).isTrue();
    }

    @Test
    void dueFromThreeDaysAfterAnEarningsDate() {
        Optional<Instant> yesterday = Optional.of(NOW.minus(Duration.ofDays(1)));
        assertThat(FetchPolicy.due(yesterday, Optional.of(TODAY.minusDays(2)), TODAY, NOW, WEEK)).isFalse();
        assertThat(FetchPolicy.due(yesterday, Optional.of(TODAY.minusDays(3)), TODAY, NOW, WEEK)).isTrue();
    }

    @Test
    void otherwiseOnlyInTheWeeklySweep() {
        Optional<LocalDate> later = Optional.of(TODAY.plusDays(30));
        assertThat(FetchPolicy.due(Optional.of(NOW.minus(Duration.ofDays(2))), later, TODAY, NOW, WEEK)).isFalse();
        assertThat(FetchPolicy.due(Optional.of(NOW.minus(Duration.ofDays(8))), later, TODAY, NOW, WEEK)).isTrue();
    }
}
