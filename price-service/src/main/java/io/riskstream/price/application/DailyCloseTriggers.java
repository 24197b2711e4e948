package io.riskstream.price.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Which trading dates already had their daily-close emitted (table {@code daily_close_trigger}). */
public interface DailyCloseTriggers {

    record Trigger(LocalDate tradingDate, UUID runId, String triggeredBy, Instant createdAt) {
    }

    /** Records the trigger unless the date has one; true when this call recorded it (the caller then emits). */
    boolean claim(LocalDate tradingDate, UUID runId, String triggeredBy);

    Optional<Trigger> find(LocalDate tradingDate);
}
