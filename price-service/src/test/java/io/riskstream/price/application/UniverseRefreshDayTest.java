package io.riskstream.price.application;

import io.riskstream.common.calendar.NyseCalendar;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class UniverseRefreshDayTest {

    private DailyCloseRefresh refresh(DayOfWeek day) {
        return new DailyCloseRefresh(null, null, null, NyseCalendar.instance(), null, day, null, java.util.List.of());
    }

    @Test
    void theUniverseTierIsRefreshedOnTheConfiguredWeekdayOnly() {
        DailyCloseRefresh fridays = refresh(DayOfWeek.FRIDAY);
        assertThat(fridays.universeRefreshDay(LocalDate.of(2024, 12, 6))).isTrue();
        assertThat(fridays.universeRefreshDay(LocalDate.of(2024, 12, 5))).isFalse();
        assertThat(refresh(DayOfWeek.WEDNESDAY).universeRefreshDay(LocalDate.of(2024, 12, 4))).isTrue();
    }

    @Test
    void whenTheConfiguredDayIsAHolidayTheNearestSessionOfThatWeekTakesOver() {
        // Good Friday 2024-03-29: Thursday 28th is the week's last session
        assertThat(refresh(DayOfWeek.FRIDAY).universeRefreshDay(LocalDate.of(2024, 3, 28))).isTrue();
        // Christmas Wednesday 2024-12-25: Thursday 26th follows in the same week
        DailyCloseRefresh wednesdays = refresh(DayOfWeek.WEDNESDAY);
        assertThat(wednesdays.universeRefreshDay(LocalDate.of(2024, 12, 26))).isTrue();
        assertThat(wednesdays.universeRefreshDay(LocalDate.of(2024, 12, 24))).isFalse();
    }
}
