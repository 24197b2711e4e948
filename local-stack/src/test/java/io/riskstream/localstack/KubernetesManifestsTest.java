package io.riskstream.localstack;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/k8s parses, lists every file in its kustomization, and gives each of the five services a Deployment with
 * probes on the actuator health groups, resource requests and the shared configuration, a Service on its port, and
 * a lag-based ScaledObject for its own consumer group.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("").toAbsolutePath().getParent().resolve("deploy/k8s");
    private static final Map<String, Integer> PORTS = Map.of("price-service", 8081, "profile-service", 8082,
            "fundamentals-service", 8083, "factor-service", 8084, "portfolio-service", 8085);

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents(Path file) throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(Files.readString(file))) {
            if (doc != null) {
                docs.add((Map<String, Object>) doc);
            }
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Map<String, Object> node, String... path) {
        Object current = node;
        for (String key : path) {
            current = current instanceof List<?> list ? list.get(Integer.parseInt(key)) : ((Map<String, Object>) current).get(key);
        }
        return (T) current;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyManifestParsesAndIsListedInTheKustomization() throws IOException {
        List<String> listed = (List<String>) documents(K8S.resolve("kustomization.yaml")).getFirst().get("resources");
        try (Stream<Path> files = Files.list(K8S)) {
            List<String> manifests = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml")).toList();
            assertThat(listed).containsExactlyInAnyOrderElementsOf(manifests);
            for (String manifest : manifests) {
                for (Map<String, Object> doc : documents(K8S.resolve(manifest))) {
                    assertThat(doc).as(manifest).containsKeys("apiVersion", "kind", "metadata");
                    assertThat((String) at(doc, "metadata", "name")).as(manifest).isNotBlank();
                }
            }
        }
    }

    @Test
    void eachServiceHasProbesResourcesConfigAServiceAndLagScaling() throws IOException {
        for (var service : PORTS.entrySet()) {
            List<Map<String, Object>> docs = documents(K8S.resolve(service.getKey() + ".yaml"));
            Map<String, Object> deployment = kind(docs, "Deployment");
            Map<String, Object> container = at(deployment, "spec", "template", "spec", "containers", "0");
            assertThat((Integer) at(container, "ports", "0", "containerPort")).isEqualTo(service.getValue());
            assertThat((String) at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
            assertThat((String) at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
            assertThat((Map<String, Object>) at(container, "resources", "requests")).containsKeys("cpu", "memory");
            assertThat(container.get("envFrom").toString()).contains("riskstream-config").contains("riskstream-secrets");
            assertThat((Integer) at(kind(docs, "Service"), "spec", "ports", "0", "port")).isEqualTo(service.getValue());
            Map<String, Object> scaled = kind(docs, "ScaledObject");
            assertThat((String) at(scaled, "spec", "scaleTargetRef", "name")).isEqualTo(service.getKey());
            assertThat((String) at(scaled, "spec", "triggers", "0", "metadata", "consumerGroup")).isEqualTo(service.getKey());
        }
    }

    @Test
    void secretsAreReferencedNotInlinedInTheDeployments() throws IOException {
        for (String service : PORTS.keySet()) {
            assertThat(Files.readString(K8S.resolve(service + ".yaml"))).doesNotContain("DB_PASSWORD")
                    .doesNotContain("FMP_API_KEY").doesNotContain("ADMIN_TOKEN");
        }
        assertThat(kind(documents(K8S.resolve("config.yaml")), "ConfigMap").toString()).doesNotContain("PASSWORD");
    }

    private static Map<String, Object> kind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind));
    }
}
