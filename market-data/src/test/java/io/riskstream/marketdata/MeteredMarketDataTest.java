package io.riskstream.marketdata;

import io.riskstream.common.marketdata.DailyBar;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeteredMarketDataTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MeteredMarketData metered = new MeteredMarketData(
            new SimulatedMarket(Clock.fixed(Instant.parse("2025-03-03T22:00:00Z"), ZoneOffset.UTC)), registry);

    private double count(String kind, String outcome) {
        var counter = registry.find(MeteredMarketData.METER).tags("provider", "simulated", "kind", kind,
                "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void countsEveryCallByKindAndOutcome() {
        metered.profiles(List.of("AAA", "BBB"));
        metered.profiles(List.of("ZZZX"));
        metered.earnings("AAA");

        assertThat(count("profile", "ok")).isEqualTo(1);
        assertThat(count("profile", "empty")).isEqualTo(1);
        assertThat(count("earnings", "ok")).isEqualTo(1);
        assertThat(count("statements", "ok")).isZero();
    }

    @Test
    void timesEveryCallByTheSameTags() {
        metered.profiles(List.of("AAA", "BBB"));
        metered.profiles(List.of("ZZZX"));
        MeteredMarketData failing = new MeteredMarketData(new Broken(), registry);
        assertThatThrownBy(() -> failing.earnings("AAA")).hasMessage("down");

        assertThat(registry.find(MeteredMarketData.LATENCY).tags("provider", "simulated", "kind", "profile",
                "outcome", "ok").timer().count()).isEqualTo(1);
        assertThat(registry.find(MeteredMarketData.LATENCY).tags("provider", "simulated", "kind", "profile",
                "outcome", "empty").timer().count()).isEqualTo(1);
        assertThat(registry.find(MeteredMarketData.LATENCY).tags("provider", "broken", "kind", "earnings",
                "outcome", "error").timer().count()).isEqualTo(1);
    }

    @Test
    void countsAFailedCallAsAnErrorAndRethrows() {
        MeteredMarketData failing = new MeteredMarketData(new Broken(), registry);
        assertThatThrownBy(() -> failing.earnings("AAA")).hasMessage("down");
        assertThat(registry.find(MeteredMarketData.METER).tags("provider", "broken", "kind", "earnings",
                "outcome", "error").counter().count()).isEqualTo(1);
    }

    private static final class Broken implements MarketDataProvider {
        public String name() {
            return "broken";
        }

        @Override
        public boolean suppliesProfiles() {
            return true;
        }

        public List<DailyBar> dailyBars(String symbol, LocalDate from, LocalDate to) {
            throw new IllegalStateException("down");
        }

        public Map<String, Quote> quotes(Collection<String> symbols) {
            throw new IllegalStateException("down");
        }

        public Map<String, CompanyProfile> profiles(Collection<String> symbols, java.util.Set<ProfilePart> parts) {
            throw new IllegalStateException("down");
        }

        public List<FinancialStatement> statements(String symbol, StatementKind kind, Frequency frequency, int limit) {
            throw new IllegalStateException("down");
        }

        public List<EarningsDate> earnings(String symbol) {
            throw new IllegalStateException("down");
        }
    }
}
