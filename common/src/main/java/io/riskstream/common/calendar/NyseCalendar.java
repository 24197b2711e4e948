package io.riskstream.common.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The NYSE calendar from its published rules, valid for 1990..2100 (dates outside throw), plus the named
 * one-off closures. Each year is computed once into an immutable {@link Year} and cached; instances are
 * stateless apart from that cache and safe to share.
 */
public final class NyseCalendar implements TradingCalendar {

    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    public static final LocalTime REGULAR_CLOSE = LocalTime.of(16, 0);
    public static final LocalTime EARLY_CLOSE = LocalTime.of(13, 0);
    public static final int MIN_YEAR = 1990;
    public static final int MAX_YEAR = 2100;

    /** Unscheduled full-day closures (weather, national days of mourning, 9/11). */
    public static final Map<LocalDate, String> SPECIAL_CLOSURES = Map.ofEntries(
            Map.entry(LocalDate.of(1994, 4, 27), "National Day of Mourning for President Richard Nixon"),
            Map.entry(LocalDate.of(2001, 9, 11), "September 11 attacks"),
            Map.entry(LocalDate.of(2001, 9, 12), "September 11 attacks"),
            Map.entry(LocalDate.of(2001, 9, 13), "September 11 attacks"),
            Map.entry(LocalDate.of(2001, 9, 14), "September 11 attacks"),
            Map.entry(LocalDate.of(2004, 6, 11), "National Day of Mourning for President Ronald Reagan"),
            Map.entry(LocalDate.of(2007, 1, 2), "National Day of Mourning for President Gerald Ford"),
            Map.entry(LocalDate.of(2012, 10, 29), "Hurricane Sandy"),
            Map.entry(LocalDate.of(2012, 10, 30), "Hurricane Sandy"),
            Map.entry(LocalDate.of(2018, 12, 5), "National Day of Mourning for President George H. W. Bush"),
            Map.entry(LocalDate.of(2025, 1, 9), "National Day of Mourning for President Jimmy Carter"));

    private static final NyseCalendar INSTANCE = new NyseCalendar();

    private final Map<Integer, Year> years = new ConcurrentHashMap<>();

    public static NyseCalendar instance() {
        return INSTANCE;
    }

    @Override
    public boolean isTradingDay(LocalDate date) {
        return year(date.getYear()).isTradingDay(date);
    }

    @Override
    public boolean isEarlyClose(LocalDate date) {
        return year(date.getYear()).isEarlyClose(date);
    }

    /** The close on {@code date} in New York time, or null when the exchange does not trade that day. */
    public LocalTime closeTime(LocalDate date) {
        if (!isTradingDay(date)) {
            return null;
        }
        return isEarlyClose(date) ? EARLY_CLOSE : REGULAR_CLOSE;
    }

    @Override
    public LocalDate previousTradingDay(LocalDate date) {
        Year y = year(date.getYear());
        int i = y.indexOnOrAfter(date) - 1;
        return i >= 0 ? y.days[i] : year(date.getYear() - 1).last();
    }

    @Override
    public LocalDate nextTradingDay(LocalDate date) {
        Year y = year(date.getYear());
        int i = y.indexOnOrAfter(date.plusDays(1));
        return i < y.days.length ? y.days[i] : year(date.getYear() + 1).days[0];
    }

    @Override
    public List<LocalDate> tradingDays(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            return List.of();
        }
        List<LocalDate> out = new ArrayList<>();
        for (int yr = from.getYear(); yr <= to.getYear(); yr++) {
            Year y = year(yr);
            int start = yr == from.getYear() ? y.indexOnOrAfter(from) : 0;
            int end = yr == to.getYear() ? y.indexOnOrAfter(to.plusDays(1)) : y.days.length;
            out.addAll(Arrays.asList(y.days).subList(start, Math.max(start, end)));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The most recent trading day whose close has passed at {@code now} (a close exactly at {@code now} counts as
     * passed). {@code regularCloseEt} is the regular close the caller waits for (16:00 for the official close, later
     * to allow for data to settle); early-close days close three hours earlier than it, i.e. 13:00 for 16:00.
     */
    public LocalDate lastCompletedSession(ZonedDateTime now, LocalTime regularCloseEt) {
        LocalDateTime local = now.withZoneSameInstant(NEW_YORK).toLocalDateTime();
        LocalDate day = onOrBefore(local.toLocalDate());
        while (true) {
            LocalTime close = isEarlyClose(day) ? regularCloseEt.minusHours(3) : regularCloseEt;
            if (!local.isBefore(day.atTime(close))) {
                return day;
            }
            day = previousTradingDay(day);
        }
    }

    /** {@link #lastCompletedSession(ZonedDateTime, LocalTime)} with the official 16:00 close. */
    public LocalDate lastCompletedSession(ZonedDateTime now) {
        return lastCompletedSession(now, REGULAR_CLOSE);
    }

    /** The full-day closures of {@code year} by rule and special closure, weekends excluded. */
    public Set<LocalDate> holidays(int year) {
        return year(year).holidays;
    }

    private Year year(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException("NYSE calendar covers " + MIN_YEAR + ".." + MAX_YEAR + ", not " + year);
        }
        return years.computeIfAbsent(year, Year::compute);
    }

    /** One year's sessions, sorted, with early closes flagged by index. Immutable once built. */
    private record Year(int year, LocalDate[] days, BitSet early, Set<LocalDate> holidays) {

        static Year compute(int year) {
            Set<LocalDate> closed = ruleHolidays(year);
            SPECIAL_CLOSURES.keySet().stream().filter(d -> d.getYear() == year).forEach(closed::add);
            closed.removeIf(d -> d.getYear() != year || isWeekend(d));
            List<LocalDate> days = new ArrayList<>(262);
            BitSet early = new BitSet();
            for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
                if (!isWeekend(d) && !closed.contains(d)) {
                    if (isEarlyCloseByRule(d)) {
                        early.set(days.size());
                    }
                    days.add(d);
                }
            }
            return new Year(year, days.toArray(LocalDate[]::new), early, Set.copyOf(closed));
        }

        boolean isTradingDay(LocalDate d) {
            return Arrays.binarySearch(days, d) >= 0;
        }

        boolean isEarlyClose(LocalDate d) {
            int i = Arrays.binarySearch(days, d);
            return i >= 0 && early.get(i);
        }

        int indexOnOrAfter(LocalDate d) {
            int i = Arrays.binarySearch(days, d);
            return i >= 0 ? i : -i - 1;
        }

        LocalDate last() {
            return days[days.length - 1];
        }
    }

    private static Set<LocalDate> ruleHolidays(int year) {
        Set<LocalDate> h = new HashSet<>();
        LocalDate newYear = LocalDate.of(year, 1, 1);
        // NYSE rule 7.2: a Saturday New Year's Day is not made up on the Friday before (it would fall in the old year).
        if (newYear.getDayOfWeek() == DayOfWeek.SUNDAY) {
            h.add(newYear.plusDays(1));
        } else {
            h.add(newYear);
        }
        if (year >= 1998) {
            h.add(nthWeekday(year, Month.JANUARY, DayOfWeek.MONDAY, 3));
        }
        h.add(nthWeekday(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3));
        h.add(easterSunday(year).minusDays(2));
        h.add(LocalDate.of(year, Month.MAY, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        if (year >= 2022) {
            h.add(observed(LocalDate.of(year, 6, 19)));
        }
        h.add(observed(LocalDate.of(year, 7, 4)));
        h.add(nthWeekday(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1));
        h.add(nthWeekday(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4));
        h.add(observed(LocalDate.of(year, 12, 25)));
        return h;
    }

    /** Early closes as the exchange applies them: 3 July and 24 December when they trade, Black Friday always. */
    private static boolean isEarlyCloseByRule(LocalDate d) {
        int y = d.getYear();
        if (d.getMonth() == Month.JULY && d.getDayOfMonth() == 3) {
            return true;
        }
        if (d.getMonth() == Month.DECEMBER && d.getDayOfMonth() == 24) {
            return true;
        }
        return d.equals(nthWeekday(y, Month.NOVEMBER, DayOfWeek.THURSDAY, 4).plusDays(1));
    }

    private static LocalDate observed(LocalDate d) {
        return switch (d.getDayOfWeek()) {
            case SATURDAY -> d.minusDays(1);
            case SUNDAY -> d.plusDays(1);
            default -> d;
        };
    }

    private static boolean isWeekend(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        return w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY;
    }

    private static LocalDate nthWeekday(int year, Month month, DayOfWeek dow, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, dow));
    }

    /** Anonymous Gregorian computus (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
