package io.riskstream.price.application;

import java.time.LocalDate;
import java.util.List;

/** The newest date seen per dataset and subject. */
public interface FreshnessStore {

    record DateCount(LocalDate latestDate, int subjects) {
    }

    record SubjectDate(String subject, LocalDate latestDate) {
    }

    /** Keeps the later of the stored and the given date. */
    void record(String dataset, String subject, LocalDate date);

    /** Subjects per latest date, of the subjects that count (symbols refreshed daily; every portfolio). */
    List<DateCount> counts(String dataset);

    /** Subjects whose latest date is before {@code before} (all when null), oldest first. */
    List<SubjectDate> olderThan(String dataset, LocalDate before, int limit);
}
