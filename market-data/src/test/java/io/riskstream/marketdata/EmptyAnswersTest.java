package io.riskstream.marketdata;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EmptyAnswersTest {

    @Test
    void anEmptyAnswerIsAskedAgainAndTheFirstNonEmptyOneIsKept() {
        Deque<List<String>> answers = new ArrayDeque<>(List.of(List.of(), List.of("a"), List.of("b")));

        assertThat(EmptyAnswers.askedUntilAnswered(answers::pop)).containsExactly("a");
        assertThat(answers).containsExactly(List.of("b"));
    }

    @Test
    void anAnswerThatStaysEmptyIsAcceptedAfterThreeAttempts() {
        Deque<List<String>> answers = new ArrayDeque<>(List.of(List.of(), List.of(), List.of(), List.of("late")));

        assertThat(EmptyAnswers.askedUntilAnswered(answers::pop)).isEmpty();
        assertThat(answers).containsExactly(List.of("late"));
    }

    @Test
    void aNonEmptyFirstAnswerCostsOneCall() {
        Deque<List<String>> answers = new ArrayDeque<>(List.of(List.of("a"), List.of("b")));

        assertThat(EmptyAnswers.askedUntilAnswered(answers::pop)).containsExactly("a");
        assertThat(answers).hasSize(1);
    }
}
