package io.riskstream.fundamentals.application;

import io.riskstream.common.application.RetryLaterException;
import io.riskstream.common.calendar.TradingCalendar;
import io.riskstream.fundamentals.application.StatementStore.FetchState;
import io.riskstream.marketdata.ProviderException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A daily close that meets a failing provider must not be lost: the fault suite's provider-fault scenario saw the
 * close fail three times in a second while the circuit was open and go to the dead-letter topic, so the date was never
 * recorded and its due symbols never fetched. Now the other symbols are fetched, the close is not recorded, and it is
 * retried later without limit; an unknown symbol is that symbol's end, not the close's.
 */
class DailyFundamentalsRefreshTest {

    private static final LocalDate CLOSE = LocalDate.of(2026, 12, 1);

    private final StatementStore statements = mock(StatementStore.class);
    private final FetchFundamentals fetch = mock(FetchFundamentals.class);
    private final TradingCalendar calendar = mock(TradingCalendar.class);
    private final DailyFundamentalsRefresh refresh = new DailyFundamentalsRefresh(statements, fetch,
            Clock.systemUTC(), Duration.ofDays(7), calendar);
    private final DailyFundamentalsRefresh.Command command =
            new DailyFundamentalsRefresh.Command(CLOSE, UUID.randomUUID(), UUID.randomUUID());

    private static FetchState neverFetched(String symbol) {
        return new FetchState(symbol, Optional.empty(), Optional.empty(), Optional.empty(), null);
    }

    @Test
    void aProviderOutageFetchesTheOthersAndRetriesTheCloseLater() {
        when(calendar.isTradingDay(CLOSE)).thenReturn(true);
        when(statements.fetchStates()).thenReturn(List.of(neverFetched("AAA"), neverFetched("BBB"),
                neverFetched("CCC")));
        doThrow(new ProviderException(ProviderException.Kind.RETRY_LATER, "fmp", "circuit open after repeated failures"))
                .when(fetch).fetch(eq("BBB"), any(), any(), any());

        assertThatThrownBy(() -> refresh.handle(command)).isInstanceOf(RetryLaterException.class)
                .hasMessageContaining("1 symbol(s)").hasMessageContaining("BBB").hasMessageContaining("circuit open");
        verify(fetch).fetch(eq("AAA"), eq(CLOSE), any(), any());
        verify(fetch).fetch(eq("CCC"), eq(CLOSE), any(), any());
        verify(statements, never()).markDailyCloseDone(any(), anyInt(), anyInt(), any());
    }

    @Test
    void anUnknownSymbolDoesNotHoldUpTheClose() {
        when(calendar.isTradingDay(CLOSE)).thenReturn(true);
        when(statements.fetchStates()).thenReturn(List.of(neverFetched("AAA"), neverFetched("ZZZZ")));
        doThrow(new ProviderException(ProviderException.Kind.UNKNOWN_SYMBOL, "fmp", "ZZZZ unknown"))
                .when(fetch).fetch(eq("ZZZZ"), any(), any(), any());

        assertThat(refresh.handle(command)).isEqualTo(1);
        verify(statements).markDailyCloseDone(eq(CLOSE), eq(1), eq(0), any());
    }
}
