package io.riskstream.runs.domain;

import io.riskstream.common.calendar.NyseCalendar;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class FreshnessTest {

    private static final NyseCalendar NYSE = NyseCalendar.instance();

    @Test
    void theFridayCloseIsCurrentOverAWeekendAndTheFollowingMondayHoliday() {
        LocalDate friday = LocalDate.of(2025, 1, 17);          // Martin Luther King Jr. Day is Monday 2025-01-20
        LocalDate mondayHoliday = LocalDate.of(2025, 1, 20);
        LocalDate latestSessionOnMonday = NYSE.onOrBefore(mondayHoliday);
        assertThat(latestSessionOnMonday).isEqualTo(friday);
        assertThat(Freshness.tradingDaysBehind(friday, latestSessionOnMonday, NYSE)).isZero();
        // Tuesday's close makes it one trading day old, Wednesday's two
        assertThat(Freshness.tradingDaysBehind(friday, LocalDate.of(2025, 1, 21), NYSE)).isEqualTo(1);
        assertThat(Freshness.tradingDaysBehind(friday, LocalDate.of(2025, 1, 22), NYSE)).isEqualTo(2);
    }

    @Test
    void holidaysInsideTheGapAreNotCounted() {
        // 2024-12-24 → 2024-12-27: Christmas Day is closed, so two sessions (26th, 27th) have passed
        assertThat(Freshness.tradingDaysBehind(LocalDate.of(2024, 12, 24), LocalDate.of(2024, 12, 27), NYSE))
                .isEqualTo(2);
    }

    @Test
    void aDateOnOrAfterTheLatestSessionIsCurrent() {
        LocalDate session = LocalDate.of(2024, 12, 31);
        assertThat(Freshness.tradingDaysBehind(session, session, NYSE)).isZero();
        assertThat(Freshness.tradingDaysBehind(session.plusDays(2), session, NYSE)).isZero();
    }

    @Test
    void stalenessBuckets() {
        assertThat(Freshness.Staleness.of(0).label()).isEqualTo("current");
        assertThat(Freshness.Staleness.of(1).label()).isEqualTo("1");
        assertThat(Freshness.Staleness.of(2).label()).isEqualTo("2+");
        assertThat(Freshness.Staleness.of(30).label()).isEqualTo("2+");
    }
}
