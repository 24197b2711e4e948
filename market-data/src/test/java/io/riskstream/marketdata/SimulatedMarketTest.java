package io.riskstream.marketdata;

import io.riskstream.common.marketdata.DailyBar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.riskstream.common.calendar.NyseCalendar;
import io.riskstream.common.factors.Benchmark;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SimulatedMarketTest {

    /** 2024-11-29 is an early-close day (13:00 ET); 17:30 UTC is 12:30 ET, before that close. */
    private static final Clock BEFORE_EARLY_CLOSE = Clock.fixed(Instant.parse("2024-11-29T17:30:00Z"), ZoneOffset.UTC);
    private static final Clock AFTER_EARLY_CLOSE = Clock.fixed(Instant.parse("2024-11-29T18:30:00Z"), ZoneOffset.UTC);

    private final SimulatedMarket market = new SimulatedMarket(AFTER_EARLY_CLOSE);
    private final LocalDate from = LocalDate.of(2023, 1, 1);
    private final LocalDate to = LocalDate.of(2024, 12, 31);

    @Test
    void sameBarsFromTwoInstancesAndTwoRanges() {
        List<DailyBar> wide = market.dailyBars("ACME", from, to);
        List<DailyBar> narrow = new SimulatedMarket(Clock.systemUTC())
                .dailyBars("ACME", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31));
        assertThat(narrow).isNotEmpty();
        assertThat(wide).containsSequence(narrow);
        assertThat(market.dailyBars("SPY", LocalDate.of(2024, 3, 5), LocalDate.of(2024, 3, 5)))
                .containsExactly(market.dailyBars("SPY", from, to).stream()
                        .filter(b -> b.date().equals(LocalDate.of(2024, 3, 5))).findFirst().orElseThrow());
    }

    @Test
    void valuesAreStableAcrossRunsAndJvms() {
        // Golden values: a change here means every stored simulation result changes too.
        SymbolLoadings acme = market.loadings("ACME");
        assertThat(acme.marketBeta()).isEqualTo(GOLDEN_BETA);
        assertThat(market.dailyBars("ACME", LocalDate.of(2024, 6, 3), LocalDate.of(2024, 6, 3)).getFirst().adjClose())
                .isEqualTo(GOLDEN_CLOSE);
    }

    private static final double GOLDEN_BETA = 1.1395017954508435;
    private static final double GOLDEN_CLOSE = 84.31653945349562;

    @Test
    void barsFallOnTradingDaysOnly() {
        List<LocalDate> dates = market.dailyBars("ACME", from, to).stream().map(DailyBar::date).toList();
        assertThat(dates).containsExactlyElementsOf(NyseCalendar.instance().tradingDays(from, to));
    }

    @Test
    void barsStartAtTheOriginAndEndIn2100AndAreAnchoredAtTheStartPriceIn2025() {
        List<DailyBar> first = market.dailyBars("ACME", LocalDate.of(1995, 1, 1), LocalDate.of(2000, 1, 6));
        assertThat(first).extracting(DailyBar::date)
                .containsExactly(LocalDate.of(2000, 1, 3), LocalDate.of(2000, 1, 4), LocalDate.of(2000, 1, 5),
                        LocalDate.of(2000, 1, 6));
        assertThat(market.dailyBars("ACME", SimulatedPrices.PRICE_ANCHOR, SimulatedPrices.PRICE_ANCHOR).getFirst().adjClose())
                .isBetween(20.0, 500.0).isCloseTo(market.loadings("ACME").startPrice(), within(1e-9));
        assertThat(market.dailyBars("ACME", LocalDate.of(2100, 12, 1), LocalDate.of(2101, 6, 1)).getLast().date())
                .isEqualTo(LocalDate.of(2100, 12, 31));
    }

    @Test
    void ohlcIsConsistentAndCloseEqualsAdjClose() {
        for (String symbol : List.of("ACME", "BRK.B", "X", "SPY", "TLT", "USMV")) {
            assertThat(market.dailyBars(symbol, from, to)).allSatisfy(b -> {
                assertThat(b.low()).isPositive().isLessThanOrEqualTo(Math.min(b.open(), b.close()));
                assertThat(b.high()).isGreaterThanOrEqualTo(Math.max(b.open(), b.close()));
                assertThat(b.close()).isEqualTo(b.adjClose());
                assertThat(b.volume()).isPositive();
                assertThat(Double.isFinite(b.high())).isTrue();
            });
        }
    }

    @Test
    void loadingsStayInTheDocumentedRanges() {
        IntStream.range(0, 500).mapToObj(i -> "S" + i).map(market::loadings).forEach(l -> {
            assertThat(l.marketBeta()).isBetween(0.5, 1.8);
            assertThat(l.rateBeta()).isBetween(-0.4, 0.3);
            assertThat(l.idioVol()).isBetween(0.008, 0.025);
            assertThat(l.startPrice()).isBetween(20.0, 500.0);
            assertThat(l.etf()).isFalse();
        });
        assertThat(market.loadings("SPY").marketBeta()).isEqualTo(1.0);
        assertThat(market.loadings("TLT").marketBeta()).isCloseTo(-0.16, within(0.01));
    }

    /**
     * Over 2023–2024 (~500 sessions) the slope's standard error is s_resid / (s_SPY·√n) ≈ 1.5–2.7% / (1%·22) ≈
     * 0.07–0.12: the residual holds the idiosyncratic noise and the omitted style/rate terms. Each estimate must lie
     * within 4 standard errors of the documented beta (a 1-in-16,000 event per symbol for a correct generator), and
     * across 40 symbols the estimates must track the truth (mean error well under one standard error).
     */
    @Test
    void olsBetaOnSpyRecoversTheDocumentedMarketBeta() {
        double[] spy = returns(market.dailyBars("SPY", from, to));
        double sumError = 0;
        for (int i = 0; i < 40; i++) {
            String symbol = "BETA" + i;
            double[] y = returns(market.dailyBars(symbol, from, to));
            double[] fit = ols(spy, y);
            double truth = market.loadings(symbol).marketBeta();
            assertThat(fit[1]).as("standard error for %s", symbol).isLessThan(0.15);
            assertThat(fit[0]).as("OLS beta of %s", symbol).isCloseTo(truth, within(4 * fit[1]));
            sumError += fit[0] - truth;
        }
        assertThat(sumError / 40).isCloseTo(0.0, within(0.03));
    }

    /**
     * The documented relation on log returns with all seven regressors over 20 years (~5,000 sessions): every loading
     * is recovered within 4 standard errors of the multiple regression (standard errors ≈ idioVol / (σ_regressor·√n): 0.01 for the market, up to ≈ 0.1 for quality, the quietest regressor).
     */
    @Test
    void multipleOlsOnTheDocumentedRegressorsRecoversEveryLoading() {
        LocalDate start = LocalDate.of(2005, 1, 1);
        double[] spy = logReturns(market.dailyBars("SPY", start, to));
        double[][] x = {
                spy,
                hedged(logReturns(market.dailyBars("TLT", start, to)), FactorEtf.of(Benchmark.TLT), spy),
                minus(logReturns(market.dailyBars("VUG", start, to)), logReturns(market.dailyBars("VTV", start, to))),
                hedged(logReturns(market.dailyBars("MTUM", start, to)), FactorEtf.of(Benchmark.MTUM), spy),
                hedged(logReturns(market.dailyBars("IWM", start, to)), FactorEtf.of(Benchmark.IWM), spy),
                hedged(logReturns(market.dailyBars("QUAL", start, to)), FactorEtf.of(Benchmark.QUAL), spy),
                hedged(logReturns(market.dailyBars("USMV", start, to)), FactorEtf.of(Benchmark.USMV), spy)};
        for (String symbol : List.of("ACME", "MULTI1", "MULTI2")) {
            SymbolLoadings l = market.loadings(symbol);
            double[][] fit = multipleOls(x, logReturns(market.dailyBars(symbol, start, to)));
            double[] truth = {l.marketBeta(), l.rateBeta(), l.growthValue(), l.momentum(), l.size(), l.quality(), l.lowVol()};
            for (int k = 0; k < truth.length; k++) {
                assertThat(fit[1][k]).as("standard error %s[%d]", symbol, k).isLessThan(0.12);
                assertThat(fit[0][k]).as("%s loading %d", symbol, k).isCloseTo(truth[k], within(4 * fit[1][k]));
            }
        }
    }

    @Test
    void nonMarketRegressorsAreNearlyUncorrelatedWithSpy() {
        LocalDate start = LocalDate.of(2005, 1, 1);
        double[] spy = returns(market.dailyBars("SPY", start, to));
        double[] tlt = returns(market.dailyBars("TLT", start, to));
        double[] mtum = returns(market.dailyBars("MTUM", start, to));
        assertThat(ols(spy, tlt)[0]).isCloseTo(FactorEtf.of(Benchmark.TLT).hedgeRatio(), within(0.03));
        assertThat(ols(spy, mtum)[0]).isCloseTo(FactorEtf.of(Benchmark.MTUM).hedgeRatio(), within(0.03));
    }

    @Test
    void unknownSymbolsGiveEmptyResults() {
        for (String symbol : List.of("ZZZ", "ZZZDEAD", "abc", "A_B", "TOOLONGNAME", "", "1ABC")) {
            assertThat(SimulatedMarket.isKnown(symbol)).as(symbol).isFalse();
            assertThat(market.dailyBars(symbol, from, to)).isEmpty();
            assertThat(market.statements(symbol, StatementKind.INCOME, Frequency.ANNUAL, 4)).isEmpty();
            assertThat(market.earnings(symbol)).isEmpty();
            assertThatThrownBy(() -> market.loadings(symbol)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(market.quotes(List.of("ZZZX", "ACME"))).containsOnlyKeys("ACME");
        assertThat(market.profiles(List.of("ZZZX", "ACME"))).containsOnlyKeys("ACME");
    }

    @Test
    void quotesAreTheBarOfTheLastCompletedSession() {
        Quote before = new SimulatedMarket(BEFORE_EARLY_CLOSE).quotes(List.of("ACME")).get("ACME");
        Quote after = market.quotes(List.of("ACME")).get("ACME");
        assertThat(before.date()).isEqualTo(LocalDate.of(2024, 11, 27));
        assertThat(after.date()).isEqualTo(LocalDate.of(2024, 11, 29));
        List<DailyBar> bars = market.dailyBars("ACME", LocalDate.of(2024, 11, 27), LocalDate.of(2024, 11, 29));
        assertThat(after.price()).isEqualTo(bars.get(1).adjClose());
        assertThat(after.previousClose()).isEqualTo(bars.get(0).adjClose());
        assertThat(after.volume()).isEqualTo(bars.get(1).volume());
        assertThat(after.marketCap()).isPositive();
    }

    @Test
    void profilesAreDeterministicAndPlausible() {
        Map<String, CompanyProfile> p = market.profiles(List.of("ACME", "SPY"));
        CompanyProfile acme = p.get("ACME");
        assertThat(acme.source()).isEqualTo("simulated");
        assertThat(acme.identity().name()).isEqualTo("ACME Corp");
        assertThat(acme.identity().etf()).isFalse();
        assertThat(acme.identity().sector()).isIn((Object[]) SimulatedFundamentals.SECTORS);
        assertThat(acme.identity().industry()).isNotBlank();
        assertThat(acme.identity().country()).isEqualTo("US");
        assertThat(acme.identity().currency()).isEqualTo("USD");
        assertThat(acme.valuation().beta()).isEqualTo(Math.round(market.loadings("ACME").marketBeta() * 100) / 100.0);
        assertThat(acme.valuation().marketCap()).isEqualTo(market.quotes(List.of("ACME")).get("ACME").marketCap());
        assertThat(acme.valuation().week52Low()).isLessThan(acme.valuation().week52High());
        assertThat(acme.trailing().totalRevenue()).isPositive();
        assertThat(acme.trailing().epsTtm()).isNotNull();
        assertThat(acme.estimates()).hasSize(1);
        assertThat(new SimulatedMarket(AFTER_EARLY_CLOSE).profiles(List.of("ACME")).get("ACME")).isEqualTo(acme);
        CompanyProfile valuationOnly = market.profiles(List.of("ACME"), java.util.Set.of(ProfilePart.VALUATION)).get("ACME");
        assertThat(valuationOnly.identity()).isNull();
        assertThat(valuationOnly.valuation()).isEqualTo(acme.valuation());
        CompanyProfile spy = p.get("SPY");
        assertThat(spy.identity().etf()).isTrue();
        assertThat(spy.identity().name()).isEqualTo("SPDR S&P 500 ETF Trust");
        assertThat(spy.identity().sector()).isNull();
    }

    @Test
    void quarterlyStatementsAreNewestFirstAtQuarterEndsAndHonourTheLimit() {
        List<FinancialStatement> income = market.statements("ACME", StatementKind.INCOME, Frequency.QUARTERLY, 6);
        assertThat(income).hasSize(6);
        assertThat(income).extracting(FinancialStatement::periodEnd).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(income).allSatisfy(s -> {
            assertThat(s.periodEnd()).isEqualTo(s.periodEnd().withDayOfMonth(s.periodEnd().lengthOfMonth()));
            assertThat(s.periodEnd().getMonthValue() % 3).isZero();
            assertThat(s.values()).hasSizeGreaterThanOrEqualTo(12).containsKeys("totalRevenue", "netIncome");
            assertThat(s.currency()).isEqualTo("USD");
        });
        // 29 Nov 2024: Q3 2024 (reported 25–40 days after 30 Sep) is the newest.
        assertThat(income.getFirst().periodEnd()).isEqualTo(LocalDate.of(2024, 9, 30));
        for (StatementKind kind : StatementKind.values()) {
            assertThat(market.statements("ACME", kind, Frequency.ANNUAL, 3))
                    .extracting(FinancialStatement::periodEnd)
                    .containsExactly(LocalDate.of(2023, 12, 31), LocalDate.of(2022, 12, 31), LocalDate.of(2021, 12, 31));
        }
        assertThat(market.statements("SPY", StatementKind.INCOME, Frequency.ANNUAL, 3)).isEmpty();
    }

    @Test
    void annualIncomeIsTheSumOfItsQuarters() {
        FinancialStatement year = market.statements("ACME", StatementKind.INCOME, Frequency.ANNUAL, 1).getFirst();
        List<FinancialStatement> quarters = market.statements("ACME", StatementKind.INCOME, Frequency.QUARTERLY, 7)
                .subList(3, 7);
        assertThat(quarters.getFirst().periodEnd()).isEqualTo(year.periodEnd());
        double sum = quarters.stream().mapToDouble(q -> q.values().get("totalRevenue").doubleValue()).sum();
        assertThat(year.values().get("totalRevenue").doubleValue()).isCloseTo(sum, within(5_000.0));
        assertThat(year.values().get("totalRevenue").doubleValue()).isBetween(1e6, 1e12);
    }

    @Test
    void earningsFollowQuarterEndsAndEndWithTheNextScheduledOne() {
        List<EarningsDate> e = market.earnings("ACME");
        assertThat(e).extracting(EarningsDate::date).isSorted();
        assertThat(e.subList(0, e.size() - 1)).allSatisfy(d -> assertThat(d.confirmed()).isTrue());
        EarningsDate next = e.getLast();
        assertThat(next.confirmed()).isFalse();
        assertThat(next.date()).isAfter(LocalDate.of(2024, 11, 29)).isBetween(LocalDate.of(2025, 1, 25), LocalDate.of(2025, 2, 14));
        assertThat(e).allSatisfy(d -> {
            LocalDate quarterEnd = SimulatedFundamentals.quarterEnd(SimulatedFundamentals.quarterOf(d.date()) - 1);
            assertThat(d.date()).isBetween(quarterEnd.plusDays(25), quarterEnd.plusDays(44));
            assertThat(NyseCalendar.instance().isTradingDay(d.date())).isTrue();
        });
        assertThat(market.earnings("SPY")).isEmpty();
    }

    static double[] returns(List<DailyBar> bars) {
        double[] r = new double[bars.size() - 1];
        for (int i = 1; i < bars.size(); i++) {
            r[i - 1] = bars.get(i).adjClose() / bars.get(i - 1).adjClose() - 1;
        }
        return r;
    }

    static double[] logReturns(List<DailyBar> bars) {
        double[] r = new double[bars.size() - 1];
        for (int i = 1; i < bars.size(); i++) {
            r[i - 1] = Math.log(bars.get(i).adjClose() / bars.get(i - 1).adjClose());
        }
        return r;
    }

    private static double[] hedged(double[] etf, FactorEtf which, double[] spy) {
        double h = which.hedgeRatio();
        return IntStream.range(0, etf.length).mapToDouble(i -> etf[i] - h * spy[i]).toArray();
    }

    private static double[] minus(double[] a, double[] b) {
        return IntStream.range(0, a.length).mapToDouble(i -> a[i] - b[i]).toArray();
    }

    /** OLS of y on an intercept and the rows of x: {coefficients of x, their standard errors}. */
    static double[][] multipleOls(double[][] x, double[] y) {
        int n = y.length;
        int p = x.length + 1;
        double[][] z = new double[p][];
        z[0] = new double[n];
        java.util.Arrays.fill(z[0], 1.0);
        System.arraycopy(x, 0, z, 1, x.length);
        double[][] a = new double[p][2 * p];
        double[] zy = new double[p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double sum = 0;
                for (int t = 0; t < n; t++) {
                    sum += z[i][t] * z[j][t];
                }
                a[i][j] = sum;
            }
            a[i][p + i] = 1;
            for (int t = 0; t < n; t++) {
                zy[i] += z[i][t] * y[t];
            }
        }
        for (int c = 0; c < p; c++) { // Gauss-Jordan inverse of Z'Z (positive definite: no pivoting needed)
            double pivot = a[c][c];
            for (int j = 0; j < 2 * p; j++) {
                a[c][j] /= pivot;
            }
            for (int r = 0; r < p; r++) {
                if (r != c) {
                    double f = a[r][c];
                    for (int j = 0; j < 2 * p; j++) {
                        a[r][j] -= f * a[c][j];
                    }
                }
            }
        }
        double[] b = new double[p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                b[i] += a[i][p + j] * zy[j];
            }
        }
        double sse = 0;
        for (int t = 0; t < n; t++) {
            double e = y[t];
            for (int i = 0; i < p; i++) {
                e -= b[i] * z[i][t];
            }
            sse += e * e;
        }
        double s2 = sse / (n - p);
        double[][] out = new double[2][p - 1];
        for (int k = 1; k < p; k++) {
            out[0][k - 1] = b[k];
            out[1][k - 1] = Math.sqrt(s2 * a[k][p + k]);
        }
        return out;
    }

    /** Simple OLS y = a + b·x: returns {b, standard error of b}. */
    static double[] ols(double[] x, double[] y) {
        int n = x.length;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        double b = sxy / sxx;
        double a = my - b * mx;
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double e = y[i] - a - b * x[i];
            sse += e * e;
        }
        return new double[] {b, Math.sqrt(sse / (n - 2) / sxx)};
    }
}
