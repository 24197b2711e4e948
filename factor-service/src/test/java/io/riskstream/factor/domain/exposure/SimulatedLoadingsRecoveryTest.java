package io.riskstream.factor.domain.exposure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.riskstream.common.factors.FactorId;
import io.riskstream.common.marketdata.DailyBar;
import io.riskstream.marketdata.SimulatedMarket;
import io.riskstream.factor.domain.factor.FactorSettings;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The model recovers the simulated market's known loadings. The simulation builds every non-market regressor with
 * zero covariance to SPY, so the univariate market beta converges to {@code marketBeta}; its sampling error is what
 * the fit reports as the standard error. Within 4 standard errors fails about once in 16,000 per symbol for a
 * correct model, and simple returns versus the simulation's log returns differ only at second order.
 */
class SimulatedLoadingsRecoveryTest {

    private static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);
    private static final int TWO_YEARS = 730;

    private final SimulatedMarket market = new SimulatedMarket();

    @Test
    void marketBetaOverTwoYearsIsTheSimulatedLoadingWithinFourStandardErrors() {
        SymbolExposureModel model = new SymbolExposureModel(FactorSettings.defaults().withWindowDays(TWO_YEARS, TWO_YEARS));
        Map<String, PriceSeries> etfs = new LinkedHashMap<>();
        for (String etf : SimulatedMarket.factorEtfs()) {
            etfs.put(etf, series(etf));
        }
        for (String symbol : List.of("AAPL", "XOM", "KO", "ACME", "RSTR")) {
            FactorFit fit = (FactorFit) model.compute(series(symbol), etfs, List.of(AS_OF)).getFirst()
                    .get(FactorId.MARKET_BETA);
            double truth = market.loadings(symbol).marketBeta();

            assertThat(fit.observations()).as(symbol).isGreaterThan(480);
            assertThat(fit.stdError()).as(symbol).isPositive().isLessThan(0.15);
            assertThat(fit.beta()).as("market beta of %s (SE %.4f)", symbol, fit.stdError())
                    .isCloseTo(truth, within(4 * fit.stdError()));
        }
    }

    private PriceSeries series(String symbol) {
        List<DailyBar> bars = market.dailyBars(symbol, AS_OF.minusYears(3), AS_OF);
        return new PriceSeries(symbol, bars.stream().map(DailyBar::date).toArray(LocalDate[]::new),
                bars.stream().mapToDouble(DailyBar::adjClose).toArray());
    }
}
