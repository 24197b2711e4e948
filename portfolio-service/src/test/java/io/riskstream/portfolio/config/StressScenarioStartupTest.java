package io.riskstream.portfolio.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The service reads its stress scenarios at start-up: a broken file stops it with the scenario and field named. */
class StressScenarioStartupTest {

    private final PortfolioServiceConfiguration configuration = new PortfolioServiceConfiguration();

    @Test
    void theShippedFileLoads() {
        assertThat(configuration.stressCatalogue(settings("classpath:stress-scenarios.json")).version()).isEqualTo("2026.1");
    }

    @Test
    void aBrokenFileStopsTheStartWithTheScenarioAndFieldNamed() throws IOException {
        String shipped = new String(getClass().getClassLoader().getResourceAsStream("stress-scenarios.json").readAllBytes());
        Path broken = Files.createTempFile("stress-scenarios", ".json");
        Files.writeString(broken, shipped.replace("{\"momentum\": -0.20}", "{\"momentun\": -0.20}"));
        assertThatIllegalArgumentException().isThrownBy(() -> configuration.stressCatalogue(settings(broken.toString())))
                .withMessageContaining(broken.toString()).withMessageContaining("stress scenario 'momentum_crash'")
                .withMessageContaining("shocks.momentun");
        assertThatIllegalArgumentException().isThrownBy(() -> configuration.stressCatalogue(settings("/no/such/file.json")))
                .withMessageContaining("/no/such/file.json").withMessageContaining("cannot be read");
    }

    private static PortfolioSettings settings(String scenarios) {
        return new PortfolioSettings(Duration.ofMinutes(10), Duration.ofMillis(250), scenarios, true);
    }
}
