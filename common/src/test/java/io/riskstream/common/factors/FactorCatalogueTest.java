package io.riskstream.common.factors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FactorCatalogueTest {

    @Test
    void theBenchmarksAreTheEightFactorEtfsInTheOrderTheServicesListThem() {
        assertThat(FactorCatalogue.benchmarkSymbols())
                .containsExactly("SPY", "TLT", "VTV", "VUG", "MTUM", "QUAL", "IWM", "USMV");
        assertThat(FactorCatalogue.isBenchmark("QUAL")).isTrue();
        assertThat(FactorCatalogue.isBenchmark("AAPL")).isFalse();
    }

    @Test
    void everyBenchmarkIsTheRegressorOfSomeFactorAndEveryRegressorABenchmark() {
        Set<Benchmark> regressors = Arrays.stream(FactorId.values()).flatMap(f -> f.regressors().stream())
                .collect(Collectors.toSet());
        assertThat(regressors).containsExactlyInAnyOrder(Benchmark.values());
    }

    @Test
    void eachMethodTakesItsNumberOfRegressors() {
        assertThat(FactorId.MARKET_BETA.regressors()).containsExactly(Benchmark.SPY);
        assertThat(FactorId.SIZE_SPREAD.regressors()).containsExactly(Benchmark.IWM, Benchmark.SPY);
        assertThat(FactorId.PROVIDER_BETA.regressors()).isEmpty();
        for (FactorId id : FactorId.values()) {
            assertThat(id.regressors()).as(id.wireName()).hasSize(id.method().regressorCount());
        }
    }

    @Test
    void theLongestLookbackIsTheSpreadWindowAndItsBuffer() {
        assertThat(FactorCatalogue.WINDOWS).isEqualTo(new FactorWindows(90, 180, 30));
        assertThat(FactorCatalogue.WINDOWS.longestLookbackDays()).isEqualTo(210);
        assertThat(FactorCatalogue.WINDOWS.days(RegressionMethod.RIDGE)).isEqualTo(90);
        assertThat(FactorCatalogue.WINDOWS.days(RegressionMethod.SPREAD)).isEqualTo(180);
        assertThat(new FactorWindows(400, 120, 10).longestLookbackDays()).isEqualTo(410);
    }

    @Test
    void aSymbolNeedsTheHorizonPlusTheLongestLookbackOfHistory() {
        assertThat(FactorCatalogue.HORIZON_DAYS).isEqualTo(365);
        assertThat(FactorCatalogue.PRICE_HISTORY_DAYS).isEqualTo(575);
    }

    @Test
    void windowsMustBePositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FactorWindows(0, 180, 30));
        assertThatIllegalArgumentException().isThrownBy(() -> new FactorWindows(90, 180, -1));
    }

    @Test
    void theCatalogueIsPlainJavaThatEveryModuleCanUse() {
        classes().that().resideInAPackage("io.riskstream.common.factors")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.riskstream.common.factors")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.riskstream.common.factors"));
    }
}
