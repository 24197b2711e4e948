package io.riskstream.runs.domain;

import io.riskstream.common.event.RunStage;
import io.riskstream.runs.domain.RunOutcome.StageFacts;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RunOutcomeTest {

    /** A daily close or a backfill (price-service starts them), and a portfolio run (portfolio-service does). */
    private static final Optional<RunStage> PRICES_RUN = Optional.of(RunStage.PRICES);
    private static final Optional<RunStage> PORTFOLIO_RUN = Optional.of(RunStage.PORTFOLIOS);

    private static StageFacts declared(Set<String> expected, Set<String> acknowledged, Set<String> done,
                                       Set<String> failed, Set<String> skipped) {
        return new StageFacts(true, expected, acknowledged, done, failed, skipped);
    }

    @Test
    void aDailyCloseIsRunningUntilItsPricesStageHasDeclared() {
        RunOutcome.Result result = RunOutcome.evaluate(PRICES_RUN, Map.of());
        assertThat(result.state()).isEqualTo(RunOutcome.State.RUNNING);
        assertThat(result.stages().get(RunStage.PRICES).total()).isNull();
    }

    @Test
    void totalsCountExpectedSubjectsAndPendingWhatIsNeitherDoneFailedNorSkipped() {
        Map<RunStage, StageFacts> facts = new EnumMap<>(RunStage.class);
        facts.put(RunStage.PRICES, declared(Set.of("A", "B", "C", "D"), Set.of(), Set.of("A"), Set.of("B"), Set.of("C")));
        RunOutcome.StageSummary prices = RunOutcome.evaluate(PRICES_RUN, facts).stages().get(RunStage.PRICES);
        assertThat(prices).isEqualTo(new RunOutcome.StageSummary(1, 4, 1, 1, 1, false));
    }

    @Test
    void aRunIsNotFinishedWhileALaterStageHasNotAnsweredEveryDoneSubject() {
        Map<RunStage, StageFacts> facts = new EnumMap<>(RunStage.class);
        facts.put(RunStage.PRICES, declared(Set.of("A", "B"), Set.of(), Set.of("A", "B"), Set.of(), Set.of()));
        // factor-service answered A only; B's factors are not declared yet
        facts.put(RunStage.FACTORS, declared(Set.of("A"), Set.of("A"), Set.of("A"), Set.of(), Set.of()));
        facts.put(RunStage.PORTFOLIOS, declared(Set.of(), Set.of("A"), Set.of(), Set.of(), Set.of()));
        RunOutcome.Result result = RunOutcome.evaluate(PRICES_RUN, facts);
        assertThat(result.state()).isEqualTo(RunOutcome.State.RUNNING);
        assertThat(result.stages().get(RunStage.FACTORS).settled()).isFalse();
        assertThat(result.stages().get(RunStage.FACTORS).pending()).isZero();

        facts.put(RunStage.FACTORS, declared(Set.of("A"), Set.of("A", "B"), Set.of("A"), Set.of(), Set.of()));
        assertThat(RunOutcome.evaluate(PRICES_RUN, facts).state()).isEqualTo(RunOutcome.State.SUCCEEDED);
    }

    @Test
    void aRunWithAFailedSubjectEndsFailedOnceEverythingElseSettled() {
        Map<RunStage, StageFacts> facts = new EnumMap<>(RunStage.class);
        facts.put(RunStage.PRICES, declared(Set.of("A", "B"), Set.of(), Set.of("A"), Set.of("B"), Set.of()));
        facts.put(RunStage.FACTORS, declared(Set.of("A"), Set.of("A"), Set.of("A"), Set.of(), Set.of()));
        facts.put(RunStage.PORTFOLIOS, declared(Set.of("P"), Set.of("A"), Set.of("P"), Set.of(), Set.of()));
        RunOutcome.Result result = RunOutcome.evaluate(PRICES_RUN, facts);
        assertThat(result.state()).isEqualTo(RunOutcome.State.FAILED);
        assertThat(result.stages().get(RunStage.PORTFOLIOS).total()).isEqualTo(1);
    }

    @Test
    void aSuccessAfterAFailureOverridesIt() {
        Map<RunStage, StageFacts> facts = new EnumMap<>(RunStage.class);
        facts.put(RunStage.PRICES, declared(Set.of("A"), Set.of(), Set.of("A"), Set.of("A"), Set.of()));
        facts.put(RunStage.FACTORS, declared(Set.of(), Set.of("A"), Set.of(), Set.of(), Set.of()));
        RunOutcome.Result result = RunOutcome.evaluate(PRICES_RUN, facts);
        assertThat(result.stages().get(RunStage.PRICES).failed()).isZero();
        assertThat(result.state()).isEqualTo(RunOutcome.State.SUCCEEDED);
    }

    @Test
    void aDownstreamFailureAnswersTheUpstreamSubject() {
        Map<RunStage, StageFacts> facts = new EnumMap<>(RunStage.class);
        facts.put(RunStage.PRICES, declared(Set.of("A"), Set.of(), Set.of("A"), Set.of(), Set.of()));
        // factor-service dead-lettered A's prices-ready: no acknowledgement will come
        facts.put(RunStage.FACTORS, new StageFacts(false, Set.of(), Set.of(), Set.of(), Set.of("A"), Set.of()));
        assertThat(RunOutcome.evaluate(PRICES_RUN, facts).state()).isEqualTo(RunOutcome.State.FAILED);
    }

    @Test
    void aDailyCloseThatWasDeadLetteredFailsWithoutDeclaring() {
        Map<RunStage, StageFacts> facts = new EnumMap<>(RunStage.class);
        facts.put(RunStage.PRICES, new StageFacts(false, Set.of(), Set.of(), Set.of(), Set.of("2024-12-27"), Set.of()));
        assertThat(RunOutcome.evaluate(PRICES_RUN, facts).state()).isEqualTo(RunOutcome.State.FAILED);
    }

    @Test
    void stagesNobodyDeclaresShowDoneWithoutATotalAndDoNotHoldTheRun() {
        Map<RunStage, StageFacts> facts = new EnumMap<>(RunStage.class);
        facts.put(RunStage.PORTFOLIOS, declared(Set.of("P"), Set.of(), Set.of("P"), Set.of(), Set.of()));
        facts.put(RunStage.PROFILES, new StageFacts(false, Set.of(), Set.of(), Set.of("X"), Set.of(), Set.of()));
        RunOutcome.Result result = RunOutcome.evaluate(PORTFOLIO_RUN, facts);
        assertThat(result.stages().get(RunStage.PROFILES)).isEqualTo(new RunOutcome.StageSummary(1, null, 0, 0, null, true));
        assertThat(result.state()).isEqualTo(RunOutcome.State.SUCCEEDED);
    }

    @Test
    void aRunOnlySeenInEventsKeepsRunningWithoutDeclarations() {
        Map<RunStage, StageFacts> facts = new EnumMap<>(RunStage.class);
        facts.put(RunStage.PRICES, new StageFacts(false, Set.of(), Set.of(), Set.of("A"), Set.of(), Set.of()));
        assertThat(RunOutcome.evaluate(Optional.empty(), facts).state()).isEqualTo(RunOutcome.State.RUNNING);
    }
}
