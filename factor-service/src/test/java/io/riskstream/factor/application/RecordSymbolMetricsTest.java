package io.riskstream.factor.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.common.event.PriceBar;
import io.riskstream.common.marketdata.PriceColumn;
import io.riskstream.factor.domain.exposure.PriceSeries;
import io.riskstream.factor.domain.metrics.SymbolMetrics;
import io.riskstream.factor.domain.metrics.SymbolMetricsCalculation;
import io.riskstream.factor.domain.metrics.Valuation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RecordSymbolMetricsTest {

    private static final LocalDate D = LocalDate.of(2024, 3, 1);
    private static final Valuation PROFILE = new Valuation("Acme", "Tech", 2e9, 25.0, 21.0, 0.012);

    private final Prices prices = new Prices();
    private final Metrics metrics = new Metrics();
    private final Profiles profiles = new Profiles();
    private final RecordSymbolMetrics record = new RecordSymbolMetrics(prices, metrics, profiles,
            new SymbolMetricsCalculation(), PriceColumn.ADJ_CLOSE);

    @Test
    void currentPriceIsTheRawCloseAndReturnsUseTheFactorColumnOverAYearOfHistory() {
        record.record("ACME", new TreeSet<>(List.of(D)), Set.of(D));

        SymbolMetrics m = metrics.rows.get(D);
        assertThat(m.currentPrice()).isEqualTo(220.0);
        assertThat(m.returns().oneDay()).isCloseTo(111.0 / 110 - 1, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(m.returns().oneYear()).as("the close a year back was loaded")
                .isCloseTo(111.0 / 50 - 1, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(prices.loadedFrom).isEqualTo(D.minusDays(SymbolMetricsCalculation.LOOKBACK_DAYS));
        assertThat(m.valuation()).isNull();
        assertThat(m.dataQualityScore()).isEqualTo(80);
    }

    @Test
    void aProfileReachesEveryStoredDateAndLaterCalculations() {
        record.record("ACME", new TreeSet<>(List.of(D)), Set.of(D));

        record.applyProfile("ACME", PROFILE);

        assertThat(profiles.saved).isEqualTo(PROFILE);
        assertThat(metrics.rows.get(D).valuation()).isEqualTo(PROFILE);
        assertThat(metrics.rows.get(D).dataQualityScore()).isEqualTo(100);
        record.record("ACME", new TreeSet<>(List.of(D)), Set.of(D));
        assertThat(metrics.rows.get(D).valuation()).isEqualTo(PROFILE);
    }

    private static final class Prices implements PriceWindowStore {
        LocalDate loadedFrom;

        @Override
        public PriceSeries load(String symbol, LocalDate from, LocalDate to, PriceColumn column) {
            loadedFrom = from;
            LocalDate[] dates = {LocalDate.of(2023, 2, 28), LocalDate.of(2024, 2, 29), D};
            double[] values = column == PriceColumn.CLOSE ? new double[] {100, 215, 220} : new double[] {50, 110, 111};
            return new PriceSeries(symbol, dates, values);
        }

        @Override
        public int upsert(String symbol, List<PriceBar> bars) {
            return bars.size();
        }

        @Override
        public void replace(String symbol, List<PriceBar> bars) {
        }

        @Override
        public Optional<LocalDate> latest(String symbol) {
            return Optional.of(D);
        }

        @Override
        public List<LocalDate> dates(String symbol, LocalDate from, LocalDate to) {
            return List.of();
        }
    }

    private static final class Metrics implements SymbolMetricsStore {

        @Override
        public List<SymbolMetrics> onDate(LocalDate date, SortField sort, boolean descending, int limit) {
            throw new UnsupportedOperationException("not read here");
        }

        @Override
        public Optional<LocalDate> latestDate() {
            throw new UnsupportedOperationException("not read here");
        }

        final Map<LocalDate, SymbolMetrics> rows = new TreeMap<>();

        @Override
        public void upsert(List<SymbolMetrics> metrics) {
            metrics.forEach(m -> rows.put(m.metricsDate(), m));
        }

        @Override
        public Optional<SymbolMetrics> find(String symbol, LocalDate date) {
            return Optional.ofNullable(rows.get(date));
        }

        @Override
        public Optional<SymbolMetrics> latest(String symbol) {
            return rows.values().stream().reduce((a, b) -> b);
        }

        @Override
        public List<SymbolMetrics> all(String symbol) {
            return new ArrayList<>(rows.values());
        }
    }

    private static final class Profiles implements SymbolProfileStore {
        Valuation saved;

        @Override
        public void save(String symbol, Valuation valuation) {
            saved = valuation;
        }

        @Override
        public Optional<Valuation> find(String symbol) {
            return Optional.ofNullable(saved);
        }
    }
}
