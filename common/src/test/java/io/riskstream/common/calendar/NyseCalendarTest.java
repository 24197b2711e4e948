package io.riskstream.common.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riskstream.common.testdata.RequiresSharedData;
import io.riskstream.common.testdata.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NyseCalendarTest {

    private final NyseCalendar cal = NyseCalendar.instance();

    /**
     * NYSE's published closures and 1 pm early closes for 2019–2026 (nyse.com "Holidays and Trading Hours", and the
     * exchange's notices of the 2025-01-09 closure), typed in as facts so the check needs no file from outside.
     */
    private static final String PUBLISHED_CLOSURES = """
            2019-01-01 2019-01-21 2019-02-18 2019-04-19 2019-05-27 2019-07-04 2019-09-02 2019-11-28 2019-12-25
            2020-01-01 2020-01-20 2020-02-17 2020-04-10 2020-05-25 2020-07-03 2020-09-07 2020-11-26 2020-12-25
            2021-01-01 2021-01-18 2021-02-15 2021-04-02 2021-05-31 2021-07-05 2021-09-06 2021-11-25 2021-12-24
            2022-01-17 2022-02-21 2022-04-15 2022-05-30 2022-06-20 2022-07-04 2022-09-05 2022-11-24 2022-12-26
            2023-01-02 2023-01-16 2023-02-20 2023-04-07 2023-05-29 2023-06-19 2023-07-04 2023-09-04 2023-11-23 2023-12-25
            2024-01-01 2024-01-15 2024-02-19 2024-03-29 2024-05-27 2024-06-19 2024-07-04 2024-09-02 2024-11-28 2024-12-25
            2025-01-01 2025-01-09 2025-01-20 2025-02-17 2025-04-18 2025-05-26 2025-06-19 2025-07-04 2025-09-01 2025-11-27 2025-12-25
            2026-01-01 2026-01-19 2026-02-16 2026-04-03 2026-05-25 2026-06-19 2026-07-03 2026-09-07 2026-11-26 2026-12-25
            """;
    private static final String PUBLISHED_EARLY_CLOSES = """
            2019-07-03 2019-11-29 2019-12-24 2020-11-27 2020-12-24 2021-11-26 2022-11-25 2023-07-03 2023-11-24
            2024-07-03 2024-11-29 2024-12-24 2025-07-03 2025-11-28 2025-12-24 2026-11-27 2026-12-24
            """;

    @Test
    void closuresEarlyClosesAndSessionCountsMatchThePublishedCalendar2019To2026() {
        var ours = new TreeSet<LocalDate>();
        for (int y = 2019; y <= 2026; y++) {
            ours.addAll(cal.holidays(y));
        }
        assertThat(ours).containsExactlyElementsOf(dates(PUBLISHED_CLOSURES));
        var ourEarly = cal.tradingDays(LocalDate.of(2019, 1, 1), LocalDate.of(2026, 12, 31)).stream()
                .filter(cal::isEarlyClose).collect(Collectors.toCollection(TreeSet::new));
        assertThat(ourEarly).containsExactlyElementsOf(dates(PUBLISHED_EARLY_CLOSES));
        Map<Integer, Integer> sessions = new TreeMap<>();
        cal.tradingDays(LocalDate.of(2019, 1, 1), LocalDate.of(2026, 12, 31)).forEach(d -> sessions.merge(d.getYear(), 1, Integer::sum));
        assertThat(sessions).containsExactlyEntriesOf(new TreeMap<>(Map.of(2019, 252, 2020, 253, 2021, 252, 2022, 251,
                2023, 250, 2024, 252, 2025, 250, 2026, 251)));
    }

    private static TreeSet<LocalDate> dates(String text) {
        return java.util.Arrays.stream(text.trim().split("\\s+")).map(LocalDate::parse)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    @RequiresSharedData("calendar/nyse_sessions_2019_2026.csv")
    void everyDate2019To2026AgreesWithTheSessionsFile() throws IOException {
        Map<LocalDate, Boolean> expected = new TreeMap<>();
        for (String line : Files.readAllLines(SharedData.resolve("calendar/nyse_sessions_2019_2026.csv")).subList(1, 2012)) {
            String[] f = line.split(",");
            expected.put(LocalDate.parse(f[0]), f[1].equals("1"));
        }
        List<String> mismatches = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2019, 1, 1); !d.isAfter(LocalDate.of(2026, 12, 31)); d = d.plusDays(1)) {
            boolean trades = expected.containsKey(d);
            if (cal.isTradingDay(d) != trades) {
                mismatches.add(d + " trading=" + cal.isTradingDay(d));
            } else if (trades && cal.isEarlyClose(d) != expected.get(d)) {
                mismatches.add(d + " early=" + cal.isEarlyClose(d));
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(cal.tradingDays(LocalDate.of(2019, 1, 1), LocalDate.of(2026, 12, 31)))
                .containsExactlyElementsOf(expected.keySet());
    }

    @Test
    @RequiresSharedData("calendar/nyse_holidays_2019_2026.csv")
    void closuresAndEarlyClosesAgreeWithTheHolidaysFile() throws IOException {
        var closed = new TreeSet<LocalDate>();
        var early = new TreeSet<LocalDate>();
        for (String line : Files.readAllLines(SharedData.resolve("calendar/nyse_holidays_2019_2026.csv"))) {
            if (line.startsWith("date,")) {
                continue;
            }
            LocalDate d = LocalDate.parse(line.substring(0, 10));
            (line.contains(",closed,") ? closed : early).add(d);
        }
        var ours = new TreeSet<LocalDate>();
        for (int y = 2019; y <= 2026; y++) {
            ours.addAll(cal.holidays(y));
        }
        assertThat(ours).containsExactlyElementsOf(closed);
        var ourEarly = cal.tradingDays(LocalDate.of(2019, 1, 1), LocalDate.of(2026, 12, 31)).stream()
                .filter(cal::isEarlyClose).collect(Collectors.toCollection(TreeSet::new));
        assertThat(ourEarly).containsExactlyElementsOf(early);
    }

    @Test
    void goodFridayIsClosed() {
        assertThat(cal.isTradingDay(LocalDate.of(2024, 3, 29))).isFalse();
        assertThat(cal.isTradingDay(LocalDate.of(2000, 4, 21))).isFalse();
        assertThat(NyseCalendar.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
        assertThat(NyseCalendar.easterSunday(2008)).isEqualTo(LocalDate.of(2008, 3, 23));
    }

    @Test
    void juneteenthOnASundayIsObservedOnMonday() {
        assertThat(cal.isTradingDay(LocalDate.of(2022, 6, 20))).isFalse();
        assertThat(cal.isTradingDay(LocalDate.of(2021, 6, 18))).isTrue();
        assertThat(cal.isTradingDay(LocalDate.of(2027, 6, 18))).isFalse();
    }

    @Test
    void saturdayNewYearIsNotObservedOnTheFridayBefore() {
        assertThat(cal.isTradingDay(LocalDate.of(2021, 12, 31))).isTrue();
        assertThat(cal.isTradingDay(LocalDate.of(2010, 12, 31))).isTrue();
        assertThat(cal.isTradingDay(LocalDate.of(2023, 1, 2))).isFalse();
    }

    @Test
    void mlkDayOnlyFrom1998() {
        assertThat(cal.isTradingDay(LocalDate.of(1997, 1, 20))).isTrue();
        assertThat(cal.isTradingDay(LocalDate.of(1998, 1, 19))).isFalse();
    }

    @Test
    void specialClosuresAreClosed() {
        assertThat(NyseCalendar.SPECIAL_CLOSURES.keySet()).allSatisfy(d -> assertThat(cal.isTradingDay(d)).isFalse());
        assertThat(cal.isTradingDay(LocalDate.of(2001, 9, 17))).isTrue();
        assertThat(cal.nextTradingDay(LocalDate.of(2001, 9, 10))).isEqualTo(LocalDate.of(2001, 9, 17));
    }

    @Test
    void weekendsAreClosedAndNeighboursSkipThem() {
        assertThat(cal.isTradingDay(LocalDate.of(2024, 6, 15))).isFalse();
        assertThat(cal.previousTradingDay(LocalDate.of(2024, 6, 17))).isEqualTo(LocalDate.of(2024, 6, 14));
        assertThat(cal.nextTradingDay(LocalDate.of(2024, 6, 14))).isEqualTo(LocalDate.of(2024, 6, 17));
        assertThat(cal.onOrBefore(LocalDate.of(2024, 6, 16))).isEqualTo(LocalDate.of(2024, 6, 14));
    }

    @Test
    void neighboursCrossYearBoundaries() {
        assertThat(cal.nextTradingDay(LocalDate.of(2024, 12, 31))).isEqualTo(LocalDate.of(2025, 1, 2));
        assertThat(cal.previousTradingDay(LocalDate.of(2025, 1, 2))).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(cal.nextTradingDay(LocalDate.of(2022, 12, 30))).isEqualTo(LocalDate.of(2023, 1, 3));
    }

    @Test
    void tradingDaysSpansYearsAndIsEmptyForReversedRange() {
        List<LocalDate> days = cal.tradingDays(LocalDate.of(1990, 1, 1), LocalDate.of(2100, 12, 31));
        assertThat(days).isSorted().doesNotHaveDuplicates().hasSizeBetween(27_500, 28_100);
        assertThat(cal.tradingDays(LocalDate.of(2024, 12, 28), LocalDate.of(2025, 1, 3)))
                .containsExactly(LocalDate.of(2024, 12, 30), LocalDate.of(2024, 12, 31),
                        LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 3));
        assertThat(cal.tradingDays(LocalDate.of(2025, 1, 3), LocalDate.of(2025, 1, 2))).isEmpty();
    }

    @Test
    void yearsOutsideTheRuleRangeAreRejected() {
        assertThatThrownBy(() -> cal.isTradingDay(LocalDate.of(1989, 6, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1989");
    }

    @Test
    void lastCompletedSessionWaitsForTheClose() {
        ZoneId ny = NyseCalendar.NEW_YORK;
        assertThat(cal.lastCompletedSession(ZonedDateTime.of(2024, 6, 14, 15, 59, 0, 0, ny)))
                .isEqualTo(LocalDate.of(2024, 6, 13));
        assertThat(cal.lastCompletedSession(ZonedDateTime.of(2024, 6, 14, 16, 0, 0, 0, ny)))
                .isEqualTo(LocalDate.of(2024, 6, 14));
        assertThat(cal.lastCompletedSession(ZonedDateTime.of(2024, 6, 16, 12, 0, 0, 0, ny)))
                .isEqualTo(LocalDate.of(2024, 6, 14));
        // 21:00 UTC on Monday is 17:00 in New York (EDT)
        assertThat(cal.lastCompletedSession(ZonedDateTime.of(2024, 6, 17, 21, 0, 0, 0, ZoneId.of("UTC"))))
                .isEqualTo(LocalDate.of(2024, 6, 17));
        assertThat(cal.lastCompletedSession(ZonedDateTime.of(2024, 6, 17, 19, 59, 0, 0, ZoneId.of("UTC"))))
                .isEqualTo(LocalDate.of(2024, 6, 14));
    }

    @Test
    void lastCompletedSessionHonoursEarlyCloses() {
        ZoneId ny = NyseCalendar.NEW_YORK;
        assertThat(cal.lastCompletedSession(ZonedDateTime.of(2024, 11, 29, 13, 0, 0, 0, ny)))
                .isEqualTo(LocalDate.of(2024, 11, 29));
        assertThat(cal.lastCompletedSession(ZonedDateTime.of(2024, 11, 29, 12, 59, 0, 0, ny)))
                .isEqualTo(LocalDate.of(2024, 11, 27));
        assertThat(cal.lastCompletedSession(ZonedDateTime.of(2024, 11, 29, 13, 10, 0, 0, ny), LocalTime.of(16, 15)))
                .isEqualTo(LocalDate.of(2024, 11, 27));
        assertThat(cal.closeTime(LocalDate.of(2024, 12, 24))).isEqualTo(NyseCalendar.EARLY_CLOSE);
        assertThat(cal.closeTime(LocalDate.of(2024, 12, 25))).isNull();
    }
}
