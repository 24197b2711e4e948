package io.riskstream.portfolio.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PositionValuationAndSectorTagTest {

    private static final LocalDate D = LocalDate.of(2024, 12, 31), ENTRY = LocalDate.of(2024, 6, 3);

    @Test
    void eachPositionIsValuedWithItsMultiplierWeightAndUnrealisedPnl() {
        List<PositionValuation.Value> v = PositionValuation.values(D, 100_000, List.of(
                position("AAA", 100, 50, null, null, 55.0),
                position("AAPL250815P00200000", -2, 3, null, null, 4.0),
                position("FUND_PE", 1, 20_000, null, null, null),
                position("NOPX", 10, 10, null, null, null)));
        assertThat(v.get(0).marketValue()).isEqualTo(5_500);
        assertThat(v.get(0).weight()).isCloseTo(0.055, within(1e-15));
        assertThat(v.get(0).unrealizedPnl()).isCloseTo(500, within(1e-9));
        assertThat(v.get(1).marketValue()).isEqualTo(-800); // −2 contracts × 4 × 100
        assertThat(v.get(1).unrealizedPnl()).isCloseTo(-200, within(1e-9));
        assertThat(v.get(2).marketValue()).isEqualTo(20_000);
        assertThat(v.get(2).note()).contains("entry price");
        assertThat(v.get(3).status()).isEqualTo(PositionValuation.Status.UNPRICED);
        assertThat(v.get(3).marketValue()).isNull();
        assertThat(v.get(3).note()).contains("no close on or before 2024-12-31");
    }

    @Test
    void aClosedPositionIsValuedAtItsExitAndCarriesNoWeight() {
        PositionValuation.Value v = PositionValuation.values(D, 100_000, List.of(
                position("AAA", 100, 50, LocalDate.of(2024, 12, 30), 60.0, 58.0))).getFirst();
        assertThat(v.status()).isEqualTo(PositionValuation.Status.CLOSED);
        assertThat(v.price()).isEqualTo(60.0);
        assertThat(v.priceDate()).isEqualTo(LocalDate.of(2024, 12, 30));
        assertThat(v.marketValue()).isEqualTo(6_000);
        assertThat(v.weight()).isNull();
        assertThat(v.unrealizedPnl()).isNull();
        assertThat(v.realizedPnl()).isCloseTo(1_000, within(1e-9));
    }

    @Test
    void sectorTagsAreTitleCasedAndUncategorizedWhenTheProfileHasNone() {
        assertThat(SectorTag.nameOf("  consumer CYCLICAL ")).isEqualTo("Consumer Cyclical");
        assertThat(SectorTag.nameOf("technology")).isEqualTo("Technology");
        assertThat(SectorTag.nameOf(null)).isEqualTo("Uncategorized");
        assertThat(SectorTag.nameOf(" ")).isEqualTo("Uncategorized");
        assertThat(SectorTag.colourOf("Technology")).isEqualTo("#2196F3");
        assertThat(SectorTag.colourOf("Aerospace")).isEqualTo("#9E9E9E");
        assertThat(SectorTag.descriptionOf("Energy")).isEqualTo("Sector: Energy");
    }

    private static PositionValuation.Position position(String symbol, double qty, double entry, LocalDate exit,
                                                       Double exitPrice, Double price) {
        return new PositionValuation.Position(UUID.randomUUID(), symbol, qty, entry, ENTRY, exit, exitPrice, price,
                price == null ? null : D);
    }
}
