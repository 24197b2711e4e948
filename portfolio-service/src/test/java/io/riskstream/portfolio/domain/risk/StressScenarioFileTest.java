package io.riskstream.portfolio.domain.risk;

import io.riskstream.portfolio.config.StressScenarioFile;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StressScenarioFileTest {

    private static final String VALID_HEAD = """
            {"version": "t", "factorProxies": {"market_beta": "SPY", "ir_beta": "TLT"},
             "factorCorrelation": {"lookbackDays": 252, "bufferDays": 30, "decay": 0.94, "minObservations": 30,
                                   "bounds": [-0.95, 0.95]},
             "interestRate": {"factor": "ir_beta", "proxyDuration": 17.0}, "lossCap": 0.99, "scenarios": [""";

    @Test
    void theShippedFileHasTheLegacys22ScenariosInSixCategoriesWithTheHistoricalReplaysInactive() {
        StressCatalogue c = StressScenarioFile.load("classpath:stress-scenarios.json");
        assertThat(c.scenarios()).hasSize(22);
        assertThat(c.scenarios().stream().map(StressScenario::category).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(StressScenario.Category.values());
        assertThat(c.scenarios().stream().filter(s -> !s.active()).map(StressScenario::category))
                .containsOnly(StressScenario.Category.HISTORICAL_REPLAYS).hasSize(3);
        assertThat(c.activeScenarios()).hasSize(19);
        assertThat(c.scenarios().stream().filter(s -> s.id().equals("liquidity_crisis")).findFirst().orElseThrow().shocks())
                .containsEntry("market_beta", -0.20).containsEntry("low_volatility", -0.30)
                .containsEntry("quality", 0.15).containsEntry("size", -0.10);
        assertThat(c.correlation().lookbackDays()).isEqualTo(282);
        // the proxies are the factor catalogue's ETFs, not a second copy in the file
        assertThat(c.proxies()).isEqualTo(java.util.Map.of("market_beta", "SPY", "ir_beta", "TLT",
                "value", "VTV", "growth", "VUG", "momentum", "MTUM", "quality", "QUAL", "size", "IWM",
                "low_volatility", "USMV"));
    }

    @Test
    void aShockOnAnUnknownFactorNamesTheScenarioAndTheField() {
        assertThatIllegalArgumentException().isThrownBy(() -> read("""
                {"id": "bad", "name": "b", "category": "market_risk", "active": true, "shocks": {"markt_beta": -0.1}}"""))
                .withMessageContaining("stress scenario 'bad'").withMessageContaining("shocks.markt_beta")
                .withMessageContaining("not a known factor");
    }

    @Test
    void eachBrokenFieldIsNamed() {
        String[][] cases = {
                {"{\"id\": \"x\", \"name\": \"b\", \"active\": true, \"shocks\": {\"market_beta\": 0.1}}", "'x': category is required"},
                {"{\"id\": \"x\", \"name\": \"b\", \"category\": \"crashes\", \"active\": true, \"shocks\": {\"market_beta\": 0.1}}", "'x': category 'crashes'"},
                {"{\"id\": \"x\", \"name\": \"b\", \"category\": \"market_risk\", \"active\": true, \"shocks\": {\"market_beta\": \"-10%\"}}", "'x': shocks.market_beta must be a number"},
                {"{\"id\": \"x\", \"name\": \"b\", \"category\": \"market_risk\", \"active\": true, \"shocks\": {\"market_beta\": -1.5}}", "'x': shocks.market_beta -1.5 is not a return shock"},
                {"{\"id\": \"x\", \"name\": \"b\", \"category\": \"interest_rate_risk\", \"active\": true, \"shocks\": {\"interest_rate\": 100}}", "'x': shocks.interest_rate 100.0 is not a rate change"},
                {"{\"id\": \"x\", \"name\": \"b\", \"category\": \"market_risk\", \"active\": true, \"shocks\": {}}", "'x': shocks must name at least one factor"},
                {"{\"id\": \"x\", \"name\": \"b\", \"category\": \"market_risk\", \"active\": \"yes\", \"shocks\": {\"market_beta\": 0.1}}", "'x': active must be true or false"},
                {"{\"id\": \"x\", \"name\": \"b\", \"category\": \"market_risk\", \"active\": true, \"shock\": {\"market_beta\": 0.1}}", "'x': unknown field 'shock'"},
                {"{\"id\": \"Bad Id\", \"name\": \"b\", \"category\": \"market_risk\", \"active\": true, \"shocks\": {\"market_beta\": 0.1}}", "stress scenario #1: id 'Bad Id'"},
                {"{\"id\": \"x\", \"name\": \"b\", \"category\": \"market_risk\", \"active\": true, \"shocks\": {\"market_beta\": 0.1}},"
                        + "{\"id\": \"x\", \"name\": \"c\", \"category\": \"market_risk\", \"active\": true, \"shocks\": {\"market_beta\": 0.2}}", "'x': id is used twice"},
        };
        for (String[] c : cases) {
            assertThatIllegalArgumentException().as(c[0]).isThrownBy(() -> read(c[0]))
                    .withMessageContaining("stress scenarios test: ").withMessageContaining(c[1]);
        }
    }

    @Test
    void aFileThatIsNotJsonOrMissesItsSettingsSaysWhat() {
        assertThatIllegalArgumentException().isThrownBy(() -> StressScenarioFile.read("f.json", "{\"version\": ".getBytes()))
                .withMessageContaining("f.json").withMessageContaining("not valid JSON");
        assertThatIllegalArgumentException().isThrownBy(() -> StressScenarioFile.read("f.json",
                VALID_HEAD.replace("\"lossCap\": 0.99,", "").concat("]}").getBytes()))
                .withMessageContaining("lossCap must be a number");
        assertThatIllegalArgumentException().isThrownBy(() -> StressScenarioFile.read("f.json",
                VALID_HEAD.replace("\"factor\": \"ir_beta\"", "\"factor\": \"rates\"").concat("]}").getBytes()))
                .withMessageContaining("interestRate.factor 'rates'");
    }

    private static StressCatalogue read(String scenarios) {
        return StressScenarioFile.read("test", (VALID_HEAD + scenarios + "]}").getBytes());
    }
}
