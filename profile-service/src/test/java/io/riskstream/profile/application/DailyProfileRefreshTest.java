package io.riskstream.profile.application;

import io.riskstream.common.application.RetryLaterException;
import io.riskstream.common.application.UnitOfWork;
import io.riskstream.common.calendar.TradingCalendar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A daily close whose profile refresh meets provider errors is retried later without limit: as an ordinary failure it
 * was retried three times in a second while the provider's circuit was open and then dead-lettered, so the date was
 * never recorded (the fault suite's provider-fault scenario).
 */
class DailyProfileRefreshTest {

    private static final LocalDate CLOSE = LocalDate.of(2026, 12, 1);

    private final ProfileStore profiles = mock(ProfileStore.class);
    private final RefreshProfiles refresh = mock(RefreshProfiles.class);
    private final TradingCalendar calendar = mock(TradingCalendar.class);

    @BeforeEach
    void aTradingDayWithNothingMissingAndNoProfilesStored() {
        when(calendar.isTradingDay(CLOSE)).thenReturn(true);
        when(profiles.symbolsWithoutProfile(any())).thenReturn(List.of());
        when(profiles.allStates()).thenReturn(List.of());
    }

    @Test
    void providerErrorsRetryTheCloseLaterWithoutRecordingIt() {
        when(refresh.refresh(any(), any(), any(), any())).thenReturn(new RefreshOutcome(3, 0, 2, 4, 2));

        assertThatThrownBy(() -> new DailyProfileRefresh(profiles, refresh, UnitOfWork.direct(), Clock.systemUTC(),
                calendar).handle(
                new DailyProfileRefresh.Command(CLOSE, Instant.now(), UUID.randomUUID(), UUID.randomUUID())))
                .isInstanceOf(RetryLaterException.class).hasMessageContaining("2 provider errors");
        verify(profiles, never()).markDailyCloseDone(any(), any(), any(), any());
    }

    @Test
    void aCloseIsMarkedDoneInAUnitOfWorkWithTheTimeItWasTriggered() {
        RefreshOutcome refreshed = new RefreshOutcome(3, 0, 0, 1, 0);
        when(refresh.refresh(any(), any(), any(), any())).thenReturn(refreshed);
        AtomicBoolean inUnitOfWork = new AtomicBoolean();
        UnitOfWork unitOfWork = new UnitOfWork() {
            @Override
            public <T> T call(Supplier<T> work) {
                inUnitOfWork.set(true);
                try {
                    return work.get();
                } finally {
                    inUnitOfWork.set(false);
                }
            }
        };
        AtomicBoolean markedInUnitOfWork = new AtomicBoolean();
        doAnswer(invocation -> {
            markedInUnitOfWork.set(inUnitOfWork.get());
            return null;
        }).when(profiles).markDailyCloseDone(any(), any(), any(), any());
        Instant triggered = Instant.parse("2026-12-01T21:30:00Z");

        new DailyProfileRefresh(profiles, refresh, unitOfWork, Clock.systemUTC(), calendar)
                .handle(new DailyProfileRefresh.Command(CLOSE, triggered, UUID.randomUUID(), UUID.randomUUID()));

        // the time it was triggered says which profiles saved meanwhile hold values as new as the close's
        verify(profiles).markDailyCloseDone(eq(CLOSE), eq(triggered), eq(refreshed), any());
        assertThat(markedInUnitOfWork).as("marked in a unit of work (its stamps and its record commit together)")
                .isTrue();
    }
}
