package io.riskstream.factor.domain.returns;

import java.time.LocalDate;

/**
 * A regression window of {@code windowDays} calendar days plus a buffer: prices dated in
 * [D − (windowDays + bufferDays), D] inclusive (legacy spec §1.3).
 */
public record CalendarWindow(int windowDays, int bufferDays) {

    public CalendarWindow {
        if (windowDays < 1 || bufferDays < 0) {
            throw new IllegalArgumentException("window " + windowDays + " + buffer " + bufferDays);
        }
    }

    public int spanDays() {
        return windowDays + bufferDays;
    }

    public int firstDay(int calculationDay) {
        return calculationDay - spanDays();
    }

    public LocalDate firstDate(LocalDate calculationDate) {
        return calculationDate.minusDays(spanDays());
    }
}
