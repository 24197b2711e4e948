package io.riskstream.profile.domain;

import io.riskstream.profile.domain.RefreshTiers.LastRefresh;
import io.riskstream.profile.domain.RefreshTiers.Tier;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RefreshTiersTest {

    private static final Instant NOW = Instant.parse("2024-12-31T23:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2024, 12, 31);

    private static LastRefresh refreshedAgo(Duration ago) {
        Optional<Instant> at = Optional.of(NOW.minus(ago));
        return new LastRefresh(at, at, at);
    }

    @Test
    void aMissingProfileIsDueInEveryTier() {
        assertThat(RefreshTiers.due(LastRefresh.never(), NOW, TODAY, Optional.empty(), false, false))
                .containsExactlyInAnyOrder(Tier.DAILY, Tier.QUARTERLY, Tier.STATIC);
    }

    @Test
    void aDailyCloseRefreshesOnlyTheDailyTierOfAFreshProfile() {
        assertThat(RefreshTiers.due(refreshedAgo(Duration.ofDays(1)), NOW, TODAY, Optional.empty(), true, false))
                .containsExactly(Tier.DAILY);
    }

    @Test
    void quarterlyFieldsAreDueAfterSevenDaysOrRightAfterEarnings() {
        assertThat(RefreshTiers.due(refreshedAgo(Duration.ofDays(8)), NOW, TODAY, Optional.empty(), false, false))
                .contains(Tier.QUARTERLY).doesNotContain(Tier.STATIC);
        assertThat(RefreshTiers.due(refreshedAgo(Duration.ofDays(1)), NOW, TODAY, Optional.of(TODAY.minusDays(2)),
                false, false)).contains(Tier.QUARTERLY);
        assertThat(RefreshTiers.due(refreshedAgo(Duration.ofDays(1)), NOW, TODAY, Optional.of(TODAY.minusDays(5)),
                false, false)).doesNotContain(Tier.QUARTERLY);
    }

    @Test
    void staticFieldsAreDueAfterThirtyDaysOrWhenForced() {
        assertThat(RefreshTiers.due(refreshedAgo(Duration.ofDays(31)), NOW, TODAY, Optional.empty(), false, false))
                .contains(Tier.STATIC);
        assertThat(RefreshTiers.due(refreshedAgo(Duration.ofDays(1)), NOW, TODAY, Optional.empty(), false, true))
                .contains(Tier.STATIC);
    }
}
