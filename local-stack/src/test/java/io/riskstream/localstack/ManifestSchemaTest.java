package io.riskstream.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every document `kubectl apply -k deploy/k8s` sends validates against its schema: Kubernetes' own (ConfigMap,
 * Deployment, Service, PodDisruptionBudget, NetworkPolicy), KEDA's ScaledObject and the Prometheus Operator's
 * ServiceMonitor and PrometheusRule. The validators are the npm packages of src/test/manifest-schemas, which Maven
 * installs before the tests (npm ci, process-test-resources); the test runs them with node, offline.
 */
@DisabledIf(value = "validatorsMissing", disabledReason = "the schema validators are not installed in "
        + "target/manifest-schemas: Maven installs them with npm (npm ci) where /usr/bin/npm exists; install Debian's nodejs "
        + "and npm to run it")
class ManifestSchemaTest {

    private static final Path VALIDATOR = Path.of("target/manifest-schemas").toAbsolutePath();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Without npm (the validators are npm packages, installed by Maven only where npm is), the test is skipped. */
    static boolean validatorsMissing() {
        return !Files.isDirectory(VALIDATOR.resolve("node_modules/kubernetes-models"));
    }

    @Test
    void everyRenderedManifestMatchesItsSchema() throws Exception {
        List<Map<String, Object>> rendered = Manifests.rendered();
        List<JsonNode> results = validate(rendered);
        assertThat(results).hasSize(rendered.size());
        assertThat(results).allSatisfy(r -> assertThat(r.get("errors").size())
                .as("%s %s: %s", r.get("kind").asString(), r.get("name").asString(), r.get("errors")).isZero());
        assertThat(results).extracting(r -> r.get("kind").asString()).contains("ConfigMap", "Deployment", "Service",
                "PodDisruptionBudget", "NetworkPolicy", "ScaledObject", "ServiceMonitor", "PrometheusRule");
    }

    @Test
    void theValidatorRejectsWhatTheApiServerWould() throws Exception {
        Map<String, Object> badDeployment = Manifests.documents("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: bad}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    spec:
                      securityContext: {runAsNonRoot: "yes"}
                      containers: [{name: c, image: i}]
                """).getFirst();
        Map<String, Object> badScaledObject = Manifests.documents("""
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: {name: bad}
                spec:
                  minReplicaCount: "one"
                  triggers: [{type: kafka, metadata: {topic: prices-ready}}]
                """).getFirst();
        Map<String, Object> unknownKind = Manifests.documents("""
                apiVersion: example.com/v1
                kind: Gadget
                metadata: {name: bad}
                """).getFirst();
        List<JsonNode> results = validate(List.of(badDeployment, badScaledObject, unknownKind));
        assertThat(results.get(0).get("errors").toString()).contains("runAsNonRoot").contains("boolean");
        assertThat(results.get(1).get("errors").toString()).contains("scaleTargetRef").contains("minReplicaCount");
        assertThat(results.get(2).get("errors").toString()).contains("no schema for apiVersion example.com/v1 kind Gadget");
    }

    private static List<JsonNode> validate(List<Map<String, Object>> documents) throws IOException, InterruptedException {
        Path input = Files.createTempFile("manifests", ".json");
        try {
            Files.writeString(input, JSON.writeValueAsString(documents));
            Process node = new ProcessBuilder("node", "validate.mjs", input.toString()).directory(VALIDATOR.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!node.waitFor(120, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                fail("node validate.mjs did not finish");
            }
            assertThat(node.exitValue()).as("node validate.mjs exit status").isZero();
            List<JsonNode> results = new ArrayList<>();
            for (String line : output.strip().split("\n")) {
                results.add(JSON.readTree(line));
            }
            return results;
        } finally {
            Files.deleteIfExists(input);
        }
    }
}
