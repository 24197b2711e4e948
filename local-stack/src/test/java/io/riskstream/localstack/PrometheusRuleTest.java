package io.riskstream.localstack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.riskstream.localstack.Manifests.ROOT;
import static io.riskstream.localstack.Manifests.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/k8s/prometheus-rules.yaml is deploy/monitoring/alerts.yml wrapped in a PrometheusRule, so Kubernetes and
 * docker compose fire the same alerts. Regenerate it after changing alerts.yml:
 * {@code ./mvnw -B -ntp -pl local-stack -am test -Dtest=PrometheusRuleTest -Dsurefire.failIfNoSpecifiedTests=false -Driskstream.regenerate=true}
 */
class PrometheusRuleTest {

    private static final Path ALERTS = ROOT.resolve("deploy/monitoring/alerts.yml");
    private static final Path RULE = ROOT.resolve("deploy/k8s/prometheus-rules.yaml");

    static String render(String alerts) {
        String header = """
                # Generated from deploy/monitoring/alerts.yml (PrometheusRuleTest in local-stack checks it and, with
                # -Driskstream.regenerate=true, writes it): change alerts.yml, never this file.
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: riskstream
                  labels: {app.kubernetes.io/part-of: riskstream}
                spec:
                """;
        return header + alerts.lines().map(line -> line.isEmpty() ? line : "  " + line)
                .collect(Collectors.joining("\n", "", "\n"));
    }

    @Test
    void thePrometheusRuleIsAlertsYmlUnchanged() throws IOException {
        String expected = render(Files.readString(ALERTS));
        if (Boolean.getBoolean("riskstream.regenerate")) {
            Files.writeString(RULE, expected);
        }
        assertThat(Files.readString(RULE)).as("deploy/k8s/prometheus-rules.yaml is stale: regenerate it (see this test's javadoc)")
                .isEqualTo(expected);
        // and, parsed, the same groups
        Map<String, Object> rule = Manifests.documents(RULE).getFirst();
        Map<String, Object> alerts = Manifests.documents(ALERTS).getFirst();
        assertThat((List<Object>) at(rule, "spec", "groups")).isNotEmpty().isEqualTo(alerts.get("groups"));
    }
}
