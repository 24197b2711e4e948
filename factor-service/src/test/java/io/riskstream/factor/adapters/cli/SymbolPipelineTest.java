package io.riskstream.factor.adapters.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SymbolPipelineTest {

    @Test
    void handsTheResultsBackInTheSymbolsOrderWhenLaterOnesFinishFirst() throws InterruptedException {
        List<String> symbols = IntStream.range(0, 40).mapToObj(i -> "S" + i).toList();
        CountDownLatch laterDone = new CountDownLatch(1);
        List<String> taken = new ArrayList<>();
        try (SymbolPipeline<String> pipeline = new SymbolPipeline<>(symbols, symbol -> {
            if (symbol.equals("S0")) {
                await(laterDone); // the first symbol finishes only after the second one has
            } else if (symbol.equals("S1")) {
                laterDone.countDown();
            }
            return symbol.toLowerCase();
        }, 2)) {
            for (int i = 0; i < symbols.size(); i++) {
                taken.add(pipeline.next());
            }
        }
        assertThat(taken).isEqualTo(symbols.stream().map(String::toLowerCase).toList());
    }

    @Test
    void rethrowsASymbolsFailureAtItsPlaceAndGoesOn() {
        try (SymbolPipeline<String> pipeline = new SymbolPipeline<>(List.of("A", "B", "C"), symbol -> {
            if (symbol.equals("B")) {
                throw new IllegalArgumentException("B: no file");
            }
            return symbol;
        }, 2)) {
            assertThat(pipeline.next()).isEqualTo("A");
            assertThatThrownBy(pipeline::next).isInstanceOf(IllegalArgumentException.class).hasMessage("B: no file");
            assertThat(pipeline.next()).isEqualTo("C");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
