package io.riskstream.price.domain;

import io.riskstream.common.calendar.NyseCalendar;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DailyCloseScheduleTest {

    private static final ZoneId NY = ZoneId.of("America/New_York");
    private final DailyCloseSchedule schedule = new DailyCloseSchedule(LocalTime.of(18, 30), NY);
    private final NyseCalendar calendar = new NyseCalendar();

    private LocalDate due(String localNewYork) {
        return schedule.dueSession(java.time.LocalDateTime.parse(localNewYork).atZone(NY), calendar);
    }

    @Test
    void aSessionIsDueFromItsTriggerTimeOn() {
        assertThat(due("2024-12-31T18:29:59")).isEqualTo(LocalDate.of(2024, 12, 30));
        assertThat(due("2024-12-31T18:30:00")).isEqualTo(LocalDate.of(2024, 12, 31));
    }

    @Test
    void holidaysAndWeekendsKeepThePreviousSessionDue() {
        assertThat(due("2025-01-01T20:00:00")).isEqualTo(LocalDate.of(2024, 12, 31)); // New Year's Day
        assertThat(due("2025-01-04T12:00:00")).isEqualTo(LocalDate.of(2025, 1, 3));   // Saturday
        assertThat(due("2025-01-06T09:00:00")).isEqualTo(LocalDate.of(2025, 1, 3));   // Monday morning
    }

    @Test
    void theTimeIsReadInTheConfiguredZone() {
        DailyCloseSchedule utc = new DailyCloseSchedule(LocalTime.of(23, 0), ZoneId.of("UTC"));
        ZonedDateTime at = ZonedDateTime.parse("2024-12-31T22:59:00Z");
        assertThat(utc.dueSession(at, calendar)).isEqualTo(LocalDate.of(2024, 12, 30));
        assertThat(utc.dueSession(at.plusMinutes(1), calendar)).isEqualTo(LocalDate.of(2024, 12, 31));
    }

    @Test
    void aScheduleNeedsATimeAndAZone() {
        assertThatThrownBy(() -> new DailyCloseSchedule(null, NY)).isInstanceOf(IllegalArgumentException.class);
    }
}
