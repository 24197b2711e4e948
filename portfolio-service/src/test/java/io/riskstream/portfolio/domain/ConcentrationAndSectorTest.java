package io.riskstream.portfolio.domain;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ConcentrationAndSectorTest {

    @Test
    void sectorSumsDoNotDependOnTheOrderTheSymbolsComeIn() {
        // 0.1 + 0.2 + 0.3 is not 0.3 + 0.2 + 0.1 in floating point: the buckets must not depend on map order
        Map<String, SectorExposure.Profile> tech = Map.of("AAA", new SectorExposure.Profile("Tech", false),
                "BBB", new SectorExposure.Profile("Tech", false), "CCC", new SectorExposure.Profile("Tech", false));
        java.util.LinkedHashMap<String, Double> forward = new java.util.LinkedHashMap<>();
        forward.put("AAA", 0.1);
        forward.put("BBB", 0.2);
        forward.put("CCC", 0.3);
        java.util.LinkedHashMap<String, Double> backward = new java.util.LinkedHashMap<>();
        backward.put("CCC", 0.3);
        backward.put("BBB", 0.2);
        backward.put("AAA", 0.1);
        assertThat(SectorExposure.of(backward, tech, 1.0)).isEqualTo(SectorExposure.of(forward, tech, 1.0));
    }

    @Test
    void concentrationUsesAbsoluteSymbolWeights() {
        // |MV| 50, 30, 20 (a short counts by its size) → weights .5 .3 .2
        Concentration c = Concentration.of(Map.of("A", 50.0, "B", -30.0, "C", 20.0));
        assertThat(c.hhi()).isCloseTo(10_000 * (0.25 + 0.09 + 0.04), within(1e-9));
        assertThat(c.effectivePositions()).isCloseTo(10_000 / 3_800.0, within(1e-9));
        assertThat(c.top3Weight()).isCloseTo(1.0, within(1e-12));
        assertThat(c.top10Weight()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void equalWeightsGiveTheNumberOfSymbolsAndTopNSums() {
        Map<String, Double> mv = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            mv.put("S" + i, 1_000.0);
        }
        Concentration c = Concentration.of(mv);
        assertThat(c.hhi()).isCloseTo(500, within(1e-9));
        assertThat(c.effectivePositions()).isCloseTo(20, within(1e-9));
        assertThat(c.top3Weight()).isCloseTo(0.15, within(1e-12));
        assertThat(c.top10Weight()).isCloseTo(0.5, within(1e-12));
        assertThat(Concentration.of(Map.of()).effectivePositions()).isNull();
    }

    @Test
    void sectorsBucketEtfsOptionsAndPrivatesAndShowUnknownSymbols() {
        Map<String, Double> mv = Map.of("AAPL", 30_000.0, "MSFT", -20_000.0, "SPY", 10_000.0,
                "AAPL250117C00200000", 5_000.0, "FO_GROWTH_PE", 15_000.0, "NOPROF", 1_000.0, "JPM", 4_000.0);
        Map<String, SectorExposure.Profile> profiles = Map.of(
                "AAPL", new SectorExposure.Profile("Technology", false),
                "MSFT", new SectorExposure.Profile("Technology", false),
                "SPY", new SectorExposure.Profile(null, true),
                "JPM", new SectorExposure.Profile("Financial Services", false));
        SectorExposure s = SectorExposure.of(mv, profiles, 100_000);
        assertThat(s.sectors()).containsOnlyKeys("Technology", "ETFs", "Unclassified", "Financial Services");
        assertThat(s.sectors().get("Technology").weight()).isCloseTo(0.5, within(1e-12));
        assertThat(s.sectors().get("ETFs").marketValue()).isCloseTo(10_000, within(1e-9));
        assertThat(s.sectors().get("Unclassified").weight()).isCloseTo(0.2, within(1e-12));
        assertThat(s.unknown()).containsExactly("NOPROF");
    }
}
