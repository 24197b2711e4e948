package io.riskstream.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.marketdata.MarketDataProvider;
import io.riskstream.marketdata.SimulatedMarket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class ProviderCallAuditTest {

    private final ProviderCallAudit audit = new ProviderCallAudit();
    private final MarketDataProvider provider =
            (MarketDataProvider) audit.postProcessAfterInitialization(new SimulatedMarket(), "marketDataProvider");

    @Test
    void aCallMadeWhileATransactionIsOpenIsNamed() {
        assertThat(provider.quotes(List.of("AAPL"))).containsKey("AAPL");
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            provider.earnings("MSFT");
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }

        assertThat(audit.calls()).isEqualTo(2);
        assertThat(audit.insideTransaction()).containsExactly("earnings[MSFT]");
        assertThat(provider.name()).isEqualTo("simulated");
        assertThat(audit.calls()).as("the provider's name is no call").isEqualTo(2);
    }

    @Test
    void otherBeansAreLeftAsTheyAre() {
        Object other = new Object();
        assertThat(audit.postProcessAfterInitialization(other, "other")).isSameAs(other);
    }
}
