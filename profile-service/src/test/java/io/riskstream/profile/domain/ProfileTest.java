package io.riskstream.profile.domain;

import io.riskstream.profile.domain.RefreshTiers.LastRefresh;
import io.riskstream.profile.domain.RefreshTiers.Tier;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileTest {

    private final Profile stored = new Profile("AAA", Map.of(ProfileField.NAME, "A Corp", ProfileField.BETA, 1.1,
            ProfileField.PE_RATIO, 20.0, ProfileField.FORWARD_EPS, 3.0));

    @Test
    void aTierRefreshTakesOnlyThatTiersFieldsAndReportsOnlyWhatChanged() {
        Profile fresh = new Profile("AAA", Map.of(ProfileField.NAME, "Other", ProfileField.BETA, 1.2,
                ProfileField.PE_RATIO, 20.0, ProfileField.FORWARD_EPS, 9.0));

        Profile updated = stored.withTiers(fresh, EnumSet.of(Tier.DAILY));

        assertThat(updated.get(ProfileField.BETA)).isEqualTo(1.2);
        assertThat(updated.get(ProfileField.NAME)).isEqualTo("A Corp");
        assertThat(updated.get(ProfileField.FORWARD_EPS)).isEqualTo(3.0);
        assertThat(stored.changedIn(updated, EnumSet.of(Tier.DAILY))).containsExactly(ProfileField.BETA);
        assertThat(stored.changedIn(stored.withTiers(stored, EnumSet.allOf(Tier.class)), EnumSet.allOf(Tier.class)))
                .isEmpty();
    }

    @Test
    void fundsKeepOnlyTheFieldsThatApplyToThem() {
        Profile etf = new Profile("SPY", Map.of(ProfileField.IS_ETF, true, ProfileField.BETA, 1.0,
                ProfileField.PROFIT_MARGIN, 0.2, ProfileField.CEO, "x")).applicable();
        assertThat(etf.values()).containsOnlyKeys(ProfileField.IS_ETF, ProfileField.BETA);
    }

    @Test
    void wireNamesAreCamelCase() {
        assertThat(ProfileField.WEEK_52_HIGH.wireName()).isEqualTo("week52High");
        assertThat(ProfileField.IS_ETF.wireName()).isEqualTo("etf");
        assertThat(ProfileField.CURRENT_YEAR_REVENUE_AVG.wireName()).isEqualTo("currentYearRevenueAvg");
        assertThat(ProfileField.values().length).isGreaterThanOrEqualTo(53);
    }

    @Test
    void aRepeatedCloseOfTheSameDateRefreshesNothing() {
        Instant now = Instant.parse("2026-11-20T22:00:00Z");
        LocalDate date = LocalDate.of(2026, 11, 20);
        Optional<Instant> beforeTheClose = Optional.of(CLOSE.minusSeconds(3600));
        ProfileState done = new ProfileState("AAA", new LastRefresh(beforeTheClose, beforeTheClose, beforeTheClose),
                Optional.of(date), Optional.empty(), Optional.empty());
        ProfileState notYet = new ProfileState("AAA", new LastRefresh(beforeTheClose, beforeTheClose, beforeTheClose),
                Optional.of(date.minusDays(1)), Optional.empty(), Optional.empty());
        assertThat(TierSelection.forDailyClose(done, date, now)).isEmpty();
        assertThat(TierSelection.forDailyClose(notYet, date, now)).containsExactly(Tier.DAILY);
    }

    /** 2026-11-20 16:00 in New York. */
    private static final Instant CLOSE = Instant.parse("2026-11-20T21:00:00Z");

    @Test
    void aDailyTierRefreshedAfterTheCloseIsFreshForTheNextUnforcedRequest() {
        Instant now = Instant.parse("2026-11-20T23:00:00Z");
        LocalDate date = LocalDate.of(2026, 11, 20);
        Optional<Instant> afterTheClose = Optional.of(CLOSE.plusSeconds(60));
        ProfileState refreshed = new ProfileState("AAA", new LastRefresh(afterTheClose, afterTheClose, afterTheClose),
                Optional.of(date.minusDays(1)), Optional.empty(), Optional.empty());
        assertThat(TierSelection.forRequest(refreshed, java.util.EnumSet.of(Tier.DAILY), false, now, date, CLOSE, true))
                .isEmpty();
        assertThat(TierSelection.forRequest(refreshed, java.util.EnumSet.of(Tier.DAILY), true, now, date, CLOSE, true))
                .containsExactly(Tier.DAILY);
        ProfileState stale = new ProfileState("AAA", new LastRefresh(Optional.of(CLOSE.minusSeconds(60)), afterTheClose,
                afterTheClose), Optional.of(date.minusDays(1)), Optional.empty(), Optional.empty());
        assertThat(TierSelection.forRequest(stale, java.util.EnumSet.of(Tier.DAILY), false, now, date, CLOSE, true))
                .containsExactly(Tier.DAILY);
    }

    @Test
    void earningsTwoDaysAgoMakeTheQuarterlyTierDue() {
        Instant now = Instant.parse("2026-11-20T22:00:00Z");
        LocalDate date = LocalDate.of(2026, 11, 20);
        Optional<Instant> recent = Optional.of(CLOSE.minusSeconds(3600));
        ProfileState reported = new ProfileState("AAA", new LastRefresh(recent, recent, recent), Optional.empty(),
                Optional.of(LocalDate.of(2026, 8, 1)), Optional.of(date.minusDays(2)));
        assertThat(TierSelection.forDailyClose(reported, date, now)).containsExactlyInAnyOrder(Tier.DAILY,
                Tier.QUARTERLY);
    }
}
