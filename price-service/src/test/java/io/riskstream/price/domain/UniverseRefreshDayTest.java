package io.riskstream.price.domain;

import io.riskstream.common.calendar.NyseCalendar;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class UniverseRefreshDayTest {

    private static boolean refreshes(DayOfWeek day, LocalDate date) {
        return new UniverseRefreshDay(day).includes(date, NyseCalendar.instance());
    }

    @Test
    void theUniverseTierIsRefreshedOnTheConfiguredWeekdayOnly() {
        assertThat(refreshes(DayOfWeek.FRIDAY, LocalDate.of(2024, 12, 6))).isTrue();
        assertThat(refreshes(DayOfWeek.FRIDAY, LocalDate.of(2024, 12, 5))).isFalse();
        assertThat(refreshes(DayOfWeek.WEDNESDAY, LocalDate.of(2024, 12, 4))).isTrue();
    }

    @Test
    void whenTheConfiguredDayIsAHolidayTheNearestSessionOfThatWeekTakesOver() {
        // Good Friday 2024-03-29: Thursday 28th is the week's last session
        assertThat(refreshes(DayOfWeek.FRIDAY, LocalDate.of(2024, 3, 28))).isTrue();
        // Christmas Wednesday 2024-12-25: Thursday 26th follows in the same week
        assertThat(refreshes(DayOfWeek.WEDNESDAY, LocalDate.of(2024, 12, 26))).isTrue();
        assertThat(refreshes(DayOfWeek.WEDNESDAY, LocalDate.of(2024, 12, 24))).isFalse();
    }
}
