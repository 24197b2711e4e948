package io.riskstream.runs.application;

import java.time.LocalDate;
import java.util.List;

/** The newest date seen per dataset and subject. */
public interface FreshnessStore {

    record LatestDate(String dataset, String subject, LocalDate date) {
    }

    record DateCount(LocalDate latestDate, int subjects) {
    }

    record SubjectDate(String subject, LocalDate latestDate) {
    }

    /** Keeps, per dataset and subject, the later of the stored and the given date. */
    void recordAll(List<LatestDate> dates);

    /** Subjects per latest date, of the subjects that count (symbols refreshed daily; every portfolio). */
    List<DateCount> counts(String dataset);

    /** Subjects whose latest date is before {@code before} (all when null), oldest first. */
    List<SubjectDate> olderThan(String dataset, LocalDate before, int limit);
}
