package io.riskstream.fundamentals.application;

import io.riskstream.common.application.EventPublisher;
import io.riskstream.common.application.RetryLaterException;
import io.riskstream.common.application.UnitOfWork;
import io.riskstream.marketdata.MarketDataProvider;
import io.riskstream.marketdata.ProviderException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * A new symbol's only fetch must outlive a provider outage: the fault suite's provider-fault scenario dead-lettered
 * 116 of 200 symbol-added records when the circuit stayed open longer than the listener's retries, and no daily close
 * asks for a symbol never fetched. A failure other than an unknown symbol is "retry later" (retried without limit).
 */
class FetchFundamentalsTest {

    private final StatementStore statements = mock(StatementStore.class);
    private final MarketDataProvider provider = mock(MarketDataProvider.class);
    private final EventPublisher events = mock(EventPublisher.class);
    private final UnitOfWork unitOfWork = mock(UnitOfWork.class);
    private final FetchFundamentals fetch = new FetchFundamentals(statements, provider, events, unitOfWork,
            Clock.systemUTC(), 8, 5);

    @Test
    void anOutageOrARefusalIsRetriedLaterNotDeadLettered() {
        when(statements.lastFetched("ACME")).thenReturn(Optional.empty());
        for (ProviderException.Kind kind : new ProviderException.Kind[]{ProviderException.Kind.TRY_NEXT,
                ProviderException.Kind.RETRY_LATER, ProviderException.Kind.REFUSED}) {
            doThrow(new ProviderException(kind, "fmp", "circuit open after repeated failures")).when(provider)
                    .statements(any(), any(), any(), anyInt());
            assertThatThrownBy(() -> fetch.handle(new FetchFundamentals.Command("ACME", false, UUID.randomUUID(),
                    UUID.randomUUID()))).isInstanceOf(RetryLaterException.class)
                    .hasMessageContaining("ACME").hasMessageContaining("circuit open");
        }
        verifyNoInteractions(events, unitOfWork);
    }

    @Test
    void anUnknownSymbolStaysTerminal() {
        when(statements.lastFetched("ZZZZ")).thenReturn(Optional.empty());
        doThrow(new ProviderException(ProviderException.Kind.UNKNOWN_SYMBOL, "fmp", "ZZZZ unknown")).when(provider)
                .statements(any(), any(), any(), anyInt());
        assertThatThrownBy(() -> fetch.handle(new FetchFundamentals.Command("ZZZZ", false, UUID.randomUUID(),
                UUID.randomUUID()))).isInstanceOf(ProviderException.class);
    }
}
