package io.riskstream.portfolio.domain;

import io.riskstream.portfolio.domain.FactorExposureCalculation.PricedHolding;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FactorContributionsTest {

    private static final LocalDate D = LocalDate.of(2024, 12, 31);

    /** A book of awkward numbers: 60 positions, longs and shorts, several per symbol, a private one and an option. */
    private record Book(double equity, List<PositionValuation.Position> positions,
                        Map<String, Map<String, Double>> betas) {
    }

    private static Book book(long seed) {
        Random random = new Random(seed);
        List<PositionValuation.Position> positions = new ArrayList<>();
        Map<String, Map<String, Double>> betas = new TreeMap<>();
        for (int i = 0; i < 60; i++) {
            String symbol = "S" + (i % 23);
            double quantity = Math.round((random.nextDouble() * 2000 - 700) * 1000) / 1000.0;
            double price = 5 + random.nextDouble() * 400;
            positions.add(new PositionValuation.Position(UUID.randomUUID(), symbol, quantity, 10 + i, D.minusDays(30),
                    null, null, price, D));
            if (i % 23 != 7) {
                // S7 has no betas on the date: it lowers coverage and contributes nothing
                betas.computeIfAbsent(symbol, s -> Map.of("market_beta", random.nextGaussian(),
                        "value", random.nextGaussian() / 3, "momentum", random.nextGaussian() / 7));
            }
        }
        positions.add(new PositionValuation.Position(UUID.randomUUID(), "A16Z_VC_FUND", 1, 30_000, D.minusDays(30),
                null, null, null, null));
        positions.add(new PositionValuation.Position(UUID.randomUUID(), "AAPL250815P00200000", 3, 4.5, D.minusDays(30),
                null, null, 6.25, D));
        betas.put("AAPL250815P00200000", Map.of("market_beta", 9.0));
        // book order: symbol, entry date, id — the order the valuation sums in
        positions.sort((a, b) -> a.symbol().equals(b.symbol()) ? a.id().compareTo(b.id()) : a.symbol().compareTo(b.symbol()));
        return new Book(1_234_567.891_234 + random.nextDouble(), positions, betas);
    }

    /** The exposures as {@link DateValuation} computes them: priced holdings in book order. */
    private static FactorExposureCalculation.Result valuation(Book book) {
        List<PricedHolding> holdings = new ArrayList<>();
        for (PositionValuation.Position p : book.positions()) {
            Holding holding = new Holding(p.symbol(), BigDecimal.valueOf(p.quantity()), BigDecimal.valueOf(p.entryPrice()));
            holdings.add(p.price() != null ? new PricedHolding(holding, p.price(), p.priceDate())
                    : new PricedHolding(holding, p.entryPrice(), null));
        }
        return FactorExposureCalculation.compute(D, book.equity(), holdings, book.betas());
    }

    private static Map<UUID, Integer> order(Book book) {
        Map<UUID, Integer> order = new HashMap<>();
        for (int i = 0; i < book.positions().size(); i++) {
            order.put(book.positions().get(i).id(), i);
        }
        return order;
    }

    @Test
    void contributionsSumToThePortfolioExposureExactlyWhateverOrderTheStoredValuesComeBackIn() {
        for (long seed = 1; seed <= 20; seed++) {
            Book book = book(seed);
            FactorExposureCalculation.Result exposures = valuation(book);
            List<PositionValuation.Value> stored = new ArrayList<>(PositionValuation.values(D, book.equity(),
                    book.positions()));
            Collections.shuffle(stored, new Random(seed));

            FactorContributions.Result result = FactorContributions.of(stored, order(book), book.betas());

            assertThat(result.totals().keySet()).isEqualTo(exposures.factors().keySet());
            for (String factor : exposures.factors().keySet()) {
                double portfolio = exposures.factors().get(factor)[0];
                assertThat(result.totals().get(factor)).as("seed %d, %s", seed, factor).isEqualTo(portfolio);
                double summed = result.positions().stream()
                        .mapToDouble(p -> p.contributions().getOrDefault(factor, 0.0)).reduce(0, Double::sum);
                assertThat(summed).as("seed %d, %s summed in book order", seed, factor)
                        .isCloseTo(portfolio, within(1e-12));
            }
        }
    }

    @Test
    void eachContributionIsTheStoredWeightTimesTheBetaAndOnlyOpenPricedPublicPositionsCount() {
        Book book = book(7);
        FactorContributions.Result result = FactorContributions.of(PositionValuation.values(D, book.equity(),
                book.positions()), order(book), book.betas());

        assertThat(result.positions()).extracting(FactorContributions.PositionContribution::symbol)
                .doesNotContain("A16Z_VC_FUND", "AAPL250815P00200000").contains("S7");
        assertThat(result.positions()).hasSize(60);
        for (FactorContributions.PositionContribution p : result.positions()) {
            PositionValuation.Position position = book.positions().stream().filter(x -> x.id().equals(p.positionId()))
                    .findFirst().orElseThrow();
            assertThat(p.weight()).isEqualTo(position.quantity() * position.price() / book.equity());
            assertThat(p.contributions().keySet()).isEqualTo(book.betas().getOrDefault(p.symbol(), Map.of()).keySet());
            p.contributions().forEach((factor, c) -> assertThat(c).isEqualTo(p.weight() * p.betas().get(factor)));
        }
        // a position closed before the date contributes nothing
        List<PositionValuation.Position> changed = new ArrayList<>(book.positions());
        int index = changed.indexOf(changed.stream().filter(p -> p.symbol().equals("S3")).findFirst().orElseThrow());
        PositionValuation.Position first = changed.get(index);
        UUID closed = first.id();
        changed.set(index, new PositionValuation.Position(closed, first.symbol(), first.quantity(), first.entryPrice(),
                first.entryDate(), D.minusDays(1), 12.0, first.price(), first.priceDate()));
        assertThat(FactorContributions.of(PositionValuation.values(D, book.equity(), changed), order(book),
                book.betas()).positions()).extracting(FactorContributions.PositionContribution::positionId)
                .doesNotContain(closed).hasSize(59);
    }
}
