package io.riskstream.profile.application;

import java.time.Instant;
import java.time.LocalDate;

/** The exchange's sessions as the refresh rules need them: the latest completed one and when a session closed. */
public interface SessionClock {

    LocalDate latestCompletedSession();

    Instant closeOf(LocalDate session);
}
