package io.riskstream.factor.domain.factor;

import io.riskstream.common.factors.FactorId;
import io.riskstream.common.factors.FactorWindows;
import io.riskstream.common.factors.RegressionMethod;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/methodology.md's factor table against the factor catalogue in code ({@link FactorId}, {@link FactorWindows})
 * and the settings the service runs with ({@link FactorSettings#defaults()}, the ridge alpha of application.yml), so
 * the two cannot drift: a change on either side fails here with the rows the code expects.
 */
class MethodologyTableTest {

    static final String HEADER = "| factor | method | ETF(s) | window (calendar days) | minimum returns | ridge alpha | cap on β (±) |";

    @Test
    void theFactorTableInDocsMethodologyIsTheCatalogueInCode() throws Exception {
        List<String> doc = Files.readAllLines(Path.of("..", "docs", "methodology.md"));
        int header = doc.indexOf(HEADER);
        assertThat(header).as("docs/methodology.md has the factor table with the header %s", HEADER).isNotNegative();
        List<String> rows = new ArrayList<>();
        for (int i = header + 2; i < doc.size() && doc.get(i).startsWith("|"); i++) {
            rows.add(doc.get(i));
        }
        assertThat(rows).as("the factor rows of docs/methodology.md (expected from the code)")
                .containsExactlyElementsOf(expectedRows(serviceSettings()));
    }

    @Test
    void theTableFollowsTheSettingsItIsGeneratedFrom() {
        FactorSettings other = FactorSettings.defaults().withRidgeAlpha(2.5).withWindowDays(60, 120);
        List<String> rows = expectedRows(other);
        assertThat(rows).hasSize(FactorId.values().length);
        assertThat(rows.get(FactorId.VALUE.ordinal())).contains("| 60 + 30 |", "| 2.5 |");
        assertThat(rows.get(FactorId.SIZE_SPREAD.ordinal())).contains("IWM − SPY", "| 120 + 30 |", "| 60 |");
        assertThat(rows).isNotEqualTo(expectedRows(FactorSettings.defaults()));
    }

    /** The settings factor-service runs with: the defaults, with application.yml's ridge alpha. */
    static FactorSettings serviceSettings() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        double alpha = Double.parseDouble(yaml.getObject().getProperty("riskstream.factors.ridge-alpha"));
        return FactorSettings.defaults().withRidgeAlpha(alpha);
    }

    /** One markdown row per factor, in {@link FactorId} order. */
    static List<String> expectedRows(FactorSettings settings) {
        FactorDefinitions definitions = FactorDefinitions.of(settings);
        return Arrays.stream(FactorId.values()).map(id -> {
            FactorDefinition d = definitions.get(id);
            boolean regression = id.method() != RegressionMethod.PROVIDER;
            return "| `" + id.wireName() + "` | " + method(id.method()) + " | "
                    + (regression ? String.join(" − ", d.regressors()) : "—") + " | "
                    + (regression ? d.windowDays() + " + " + settings.windowBufferDays() : "—") + " | "
                    + (regression ? d.minReturns() : "—") + " | "
                    + (id.method() == RegressionMethod.RIDGE ? number(settings.ridgeAlpha()) : "—") + " | "
                    + (regression ? number(d.cap()) : "—") + " |";
        }).toList();
    }

    private static String method(RegressionMethod method) {
        return switch (method) {
            case OLS -> "OLS with intercept on the ETF's returns";
            case RIDGE -> "ridge, jointly on the six style ETFs (this factor's coefficient)";
            case SPREAD -> "OLS with intercept on long − short returns";
            case PROVIDER -> "the profile's beta, not computed";
        };
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.1f", value) : Double.toString(value);
    }
}
