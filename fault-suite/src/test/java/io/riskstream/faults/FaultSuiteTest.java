package io.riskstream.faults;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The suite's own arithmetic: command line, lost / duplicated rows against the clean run, and the report table. */
class FaultSuiteTest {

    @Test
    void rowsLostAndDuplicatedAreCountedTableByTableAgainstTheCleanRun() {
        StateDigest.Snapshot clean = new StateDigest.Snapshot(Map.of(
                "price-service.daily_bar", new StateDigest.Table(100, "7"),
                "factor-service.symbol_exposure", new StateDigest.Table(50, "9")));
        StateDigest.Snapshot faulty = new StateDigest.Snapshot(Map.of(
                "price-service.daily_bar", new StateDigest.Table(98, "5"),
                "factor-service.symbol_exposure", new StateDigest.Table(53, "12")));
        assertThat(faulty.rowsLostAgainst(clean)).isEqualTo(2);
        assertThat(faulty.rowsDuplicatedAgainst(clean)).isEqualTo(3);
        assertThat(faulty.differencesFrom(clean)).hasSize(2);
        assertThat(clean.differencesFrom(clean)).isEmpty();
        // same counts, other values: nothing lost or duplicated, and still not the same state
        StateDigest.Snapshot changed = new StateDigest.Snapshot(Map.of(
                "price-service.daily_bar", new StateDigest.Table(100, "8"),
                "factor-service.symbol_exposure", new StateDigest.Table(50, "9")));
        assertThat(changed.rowsLostAgainst(clean) + changed.rowsDuplicatedAgainst(clean)).isZero();
        assertThat(changed.differencesFrom(clean)).containsExactly("price-service.daily_bar (100 rows clean, 100 here)");
    }

    @Test
    void theTableHasOneRowPerScenarioAndSaysWhenOneDidNotComplete() {
        String table = FaultSuite.table(List.of(
                new FaultSuite.Result("1", "SIGKILL", 12.4, 0, 0, true, List.of(), List.of("killed price-service"), null),
                new FaultSuite.Result("2", "broker down", -1, -1, -1, false, List.of(), List.of(), "timed out")));
        assertThat(table.lines()).hasSize(4);
        assertThat(table).contains("| 1 | SIGKILL | 12 s | 0 | 0 | yes | killed price-service |")
                .contains("| 2 | broker down | — | — | — | no | did not complete: timed out |");
    }

    @Test
    void theCommandLineNeedsTheFoldersAndKnowsItsScenarios() {
        FaultSuite.Options o = FaultSuite.parse(new String[]{"--root", "/r", "--state", "/s", "--scenarios", "1,5",
                "--symbols", "50", "--positions", "5"});
        assertThat(o.root()).isEqualTo(Path.of("/r"));
        assertThat(o.scenarios()).containsExactly("1", "5");
        assertThat(o.size()).isEqualTo(new Workload.Size(50, 30, 5));
        assertThatThrownBy(() -> FaultSuite.parse(new String[]{"--root", "/r"})).hasMessageContaining("--state");
        assertThatThrownBy(() -> FaultSuite.parse(new String[]{"--root", "/r", "--state", "/s", "--scenarios", "10"}))
                .hasMessageContaining("unknown scenario '10'");
        assertThatThrownBy(() -> FaultSuite.parse(new String[]{"--root", "/r", "--state", "/s", "--symbols", "3"}))
                .hasMessageContaining("--positions");
    }

    @Test
    void symbolsOfTheWorkloadAreDistinctAndValid() {
        assertThat(Workload.symbol(0)).isEqualTo("FXAAAA");
        assertThat(Workload.symbol(27)).isEqualTo("FXAABB");
        assertThat(java.util.stream.IntStream.range(0, 500).mapToObj(Workload::symbol).distinct().count()).isEqualTo(500);
    }
}
