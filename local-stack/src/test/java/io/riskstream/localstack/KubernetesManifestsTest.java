package io.riskstream.localstack;

import io.riskstream.common.config.KafkaTopicSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.riskstream.localstack.Manifests.K8S;
import static io.riskstream.localstack.Manifests.ROOT;
import static io.riskstream.localstack.Manifests.at;
import static io.riskstream.localstack.Manifests.documents;
import static io.riskstream.localstack.Manifests.kind;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/k8s: each of the five services gets a Deployment (probes on the actuator health groups, the restricted
 * securityContext, resources from the benchmark's peak RSS, the shared configuration and the operator's Secret), a
 * Service, a PodDisruptionBudget, a NetworkPolicy and a ScaledObject on the topics it works off; the rendered
 * kustomization holds no Secret, so applying it again changes none.
 */
class KubernetesManifestsTest {

    private static final Map<String, Integer> PORTS = Map.of("price-service", 8081, "profile-service", 8082,
            "fundamentals-service", 8083, "factor-service", 8084, "portfolio-service", 8085);
    /** The topics each service's listeners work off (their @KafkaListener topics, run-progress monitoring aside). */
    private static final Map<String, Set<String>> WORKED_OFF = Map.of(
            "price-service", Set.of("daily-close", "symbol-added"),
            "profile-service", Set.of("daily-close", "symbol-added"),
            "fundamentals-service", Set.of("daily-close", "symbol-added"),
            "factor-service", Set.of("prices-ready"),
            "portfolio-service", Set.of("factors-ready", "prices-ready", "position-events"));

    @Test
    void everyManifestParsesAndIsListedInTheKustomization() throws IOException {
        try (Stream<Path> files = Files.list(K8S)) {
            List<String> manifests = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml")).toList();
            assertThat(Manifests.kustomizationResources()).containsExactlyInAnyOrderElementsOf(manifests);
            for (String manifest : manifests) {
                for (Map<String, Object> doc : documents(K8S.resolve(manifest))) {
                    assertThat(doc).as(manifest).containsKeys("apiVersion", "kind", "metadata");
                    assertThat((String) at(doc, "metadata", "name")).as(manifest).isNotBlank();
                }
            }
        }
    }

    @Test
    void eachServiceHasProbesConfigAServiceAndLagScalingOnTheTopicsItWorksOff() throws IOException {
        for (var service : PORTS.entrySet()) {
            List<Map<String, Object>> docs = documents(K8S.resolve(service.getKey() + ".yaml"));
            Map<String, Object> container = container(docs);
            assertThat((Integer) at(container, "ports", "0", "containerPort")).isEqualTo(service.getValue());
            assertThat((String) at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
            assertThat((String) at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
            assertThat(container.get("envFrom").toString()).contains("riskstream-config").contains("riskstream-secrets");
            assertThat((Integer) at(kind(docs, "Service"), "spec", "ports", "0", "port")).isEqualTo(service.getValue());
            Map<String, Object> scaled = kind(docs, "ScaledObject");
            assertThat((String) at(scaled, "spec", "scaleTargetRef", "name")).isEqualTo(service.getKey());
            List<Map<String, Object>> triggers = at(scaled, "spec", "triggers");
            assertThat(triggers).allSatisfy(t -> {
                assertThat(t.get("type")).isEqualTo("kafka");
                assertThat((String) at(t, "metadata", "consumerGroup")).isEqualTo(service.getKey());
            });
            assertThat(triggers.stream().map(t -> (String) at(t, "metadata", "topic")).collect(Collectors.toSet()))
                    .as(service.getKey()).isEqualTo(WORKED_OFF.get(service.getKey()));
            assertThat((Integer) at(scaled, "spec", "maxReplicaCount")).as("partitions per topic").isLessThanOrEqualTo(6);
        }
    }

    @Test
    void thePodsRunUnderTheRestrictedSecurityContext() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("deploy/docker/Dockerfile"));
        Matcher user = Pattern.compile("(?m)^USER (\\d+):(\\d+)$").matcher(dockerfile);
        assertThat(user.find()).as("the image runs as a numeric user").isTrue();
        for (String service : PORTS.keySet()) {
            List<Map<String, Object>> docs = documents(K8S.resolve(service + ".yaml"));
            Map<String, Object> pod = at(kind(docs, "Deployment"), "spec", "template", "spec");
            assertThat((Boolean) at(pod, "securityContext", "runAsNonRoot")).as(service).isTrue();
            assertThat(String.valueOf((Object) at(pod, "securityContext", "runAsUser"))).isEqualTo(user.group(1));
            assertThat((String) at(pod, "securityContext", "seccompProfile", "type")).isEqualTo("RuntimeDefault");
            Map<String, Object> container = container(docs);
            assertThat((Boolean) at(container, "securityContext", "readOnlyRootFilesystem")).as(service).isTrue();
            assertThat((Boolean) at(container, "securityContext", "allowPrivilegeEscalation")).as(service).isFalse();
            assertThat((List<String>) at(container, "securityContext", "capabilities", "drop")).containsExactly("ALL");
            // the only writable place: /tmp on an emptyDir
            assertThat((String) at(container, "volumeMounts", "0", "mountPath")).isEqualTo("/tmp");
            assertThat((Map<String, Object>) at(pod, "volumes", "0")).containsEntry("name", at(container, "volumeMounts", "0", "name"))
                    .containsKey("emptyDir");
        }
    }

    @Test
    void memoryRequestsAndLimitsCoverTheMeasuredPeakRssTheDocsList() throws IOException {
        // docs/deployment.md, "Resources": | service | peak RSS (MiB) | memory request | memory limit |
        Map<String, String[]> table = new HashMap<>();
        for (String line : Files.readAllLines(ROOT.resolve("docs/deployment.md"))) {
            String[] cells = line.split("\\|");
            if (cells.length >= 5 && PORTS.containsKey(cells[1].strip().replace("`", ""))) {
                table.put(cells[1].strip().replace("`", ""), new String[] {cells[2].strip(), cells[3].strip().replace("`", ""),
                        cells[4].strip().replace("`", "")});
            }
        }
        assertThat(table).containsOnlyKeys(PORTS.keySet());
        for (String service : PORTS.keySet()) {
            Map<String, Object> container = container(documents(K8S.resolve(service + ".yaml")));
            String request = at(container, "resources", "requests", "memory");
            String limit = at(container, "resources", "limits", "memory");
            int peak = Integer.parseInt(table.get(service)[0]);
            assertThat(mebibytes(request)).as(service + " request").isGreaterThanOrEqualTo(peak);
            assertThat(mebibytes(limit)).as(service + " limit: room above the peak").isGreaterThanOrEqualTo(peak * 14 / 10);
            assertThat(table.get(service)[1]).as("the docs name the manifest's request").isEqualTo(request);
            assertThat(table.get(service)[2]).as("the docs name the manifest's limit").isEqualTo(limit);
        }
    }

    @Test
    void everyServiceHasADisruptionBudgetOverItsPods() throws IOException {
        for (String service : PORTS.keySet()) {
            List<Map<String, Object>> docs = documents(K8S.resolve(service + ".yaml"));
            Map<String, Object> budget = kind(docs, "PodDisruptionBudget");
            assertThat((Map<String, Object>) at(budget, "spec", "selector", "matchLabels"))
                    .isEqualTo(at(kind(docs, "Deployment"), "spec", "selector", "matchLabels"));
            Map<String, Object> spec = at(budget, "spec");
            assertThat(spec.containsKey("minAvailable") ^ spec.containsKey("maxUnavailable")).as(service).isTrue();
            if (spec.containsKey("minAvailable")) {
                // a budget of minAvailable would block every drain of a single replica
                assertThat((Integer) at(kind(docs, "ScaledObject"), "spec", "minReplicaCount"))
                        .isGreaterThan((Integer) spec.get("minAvailable"));
            }
        }
    }

    @Test
    void eachServiceReachesOnlyTheBrokerItsDatabaseDnsAndItsProvider() throws IOException {
        for (var service : PORTS.entrySet()) {
            Map<String, Object> policy = kind(documents(K8S.resolve(service.getKey() + ".yaml")), "NetworkPolicy");
            assertThat((List<String>) at(policy, "spec", "policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat((String) at(policy, "spec", "podSelector", "matchLabels", "app.kubernetes.io/name")).isEqualTo(service.getKey());
            List<Map<String, Object>> ingress = at(policy, "spec", "ingress");
            assertThat(ingress).singleElement().satisfies(rule ->
                    assertThat((Integer) at(rule, "ports", "0", "port")).isEqualTo(service.getValue()));
            Set<Integer> egressPorts = ((List<Map<String, Object>>) at(policy, "spec", "egress")).stream()
                    .flatMap(rule -> ((List<Map<String, Object>>) rule.get("ports")).stream())
                    .map(port -> (Integer) port.get("port")).collect(Collectors.toSet());
            // 443: the identity provider's JWK set for every service, and the market-data provider for its callers
            assertThat(egressPorts).as(service.getKey()).isEqualTo(Set.of(53, 9092, 5432, 443));
            assertThat((List<Map<String, Object>>) at(policy, "spec", "egress")).allSatisfy(rule ->
                    assertThat(rule).as("every egress rule names its destination").containsKeys("to", "ports"));
        }
    }

    @Test
    void eachServiceSignsInToTheBrokerAsItsOwnScramUserAndKedaAsItsOwn() throws IOException {
        List<Map<String, Object>> config = documents(K8S.resolve("config.yaml"));
        Map<String, Object> data = at(kind(config, "ConfigMap"), "data");
        assertThat(data).containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
                .containsKeys("RISKSTREAM_SECURITY_ISSUER", "RISKSTREAM_SECURITY_AUDIENCE", "RISKSTREAM_SECURITY_JWK_SET_URI");
        assertThat(kind(config, "TriggerAuthentication").toString()).contains("name=riskstream-kafka-keda");
        for (String service : PORTS.keySet()) {
            List<Map<String, Object>> docs = documents(K8S.resolve(service + ".yaml"));
            List<Map<String, Object>> env = at(container(docs), "env");
            assertThat(env.toString()).as(service)
                    .contains("secretKeyRef={name=riskstream-kafka-" + service + ", key=password}")
                    .contains("username=\"" + service + "\" password=\"$(KAFKA_SCRAM_PASSWORD)\"");
            List<Map<String, Object>> triggers = at(kind(docs, "ScaledObject"), "spec", "triggers");
            assertThat(triggers).as(service).allSatisfy(t ->
                    assertThat((String) at(t, "authenticationRef", "name")).isEqualTo("riskstream-kafka"));
        }
    }

    @Test
    void topicsAreCreatedWithThreeReplicasThroughTheSettingTheServicesRead() throws IOException {
        Map<String, Object> data = at(kind(documents(K8S.resolve("config.yaml")), "ConfigMap"), "data");
        Map<String, Object> environment = new HashMap<>(data);
        var source = new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment);
        KafkaTopicSettings settings = new Binder(ConfigurationPropertySources.from(source))
                .bind("riskstream.kafka", KafkaTopicSettings.class).orElseThrow(() -> new AssertionError("nothing bound"));
        assertThat(settings.replicationFactor()).isEqualTo((short) 3);
    }

    @Test
    void secretsAreReferencedNeverShipped() throws IOException {
        for (String service : PORTS.keySet()) {
            assertThat(Files.readString(K8S.resolve(service + ".yaml"))).doesNotContain("DB_PASSWORD")
                    .doesNotContain("FMP_API_KEY").doesNotContain("ADMIN_TOKEN");
        }
        assertThat(kind(documents(K8S.resolve("config.yaml")), "ConfigMap").toString()).doesNotContain("PASSWORD")
                .doesNotContain("API_KEY").doesNotContain("TOKEN");
    }

    @Test
    void theRenderedKustomizationHoldsNoSecretSoApplyingItTwiceChangesNone() throws IOException {
        Map<String, Object> kustomization = documents(K8S.resolve("kustomization.yaml")).getFirst();
        assertThat(kustomization).as("only plain resources: no secretGenerator, no generators that could make one")
                .containsOnlyKeys("apiVersion", "kind", "resources");
        List<Map<String, Object>> rendered = Manifests.rendered();
        assertThat(rendered).extracting(d -> d.get("kind")).doesNotContain("Secret")
                .contains("Deployment", "ConfigMap", "ScaledObject", "ServiceMonitor", "PrometheusRule");
        // what the Deployments read from the Secret the operator created (docs/deployment.md, "Secrets")
        assertThat(rendered).filteredOn(d -> "Deployment".equals(d.get("kind"))).hasSize(PORTS.size())
                .allSatisfy(d -> assertThat(at(d, "spec", "template", "spec", "containers", "0", "envFrom").toString())
                        .contains("secretRef={name=riskstream-secrets}"));
    }

    @Test
    void kubectlRendersTheSameDocuments() throws Exception {
        // the tests above read the kustomization themselves; where kubectl (with its built-in kustomize) is installed,
        // its rendering must list the same objects
        Path kubectl = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, "kubectl")).filter(Files::isExecutable).findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(kubectl != null, "kubectl is not on the PATH: the Java rendering alone is checked");
        Process process = new ProcessBuilder(kubectl.toString(), "kustomize", K8S.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("kubectl kustomize").isZero();
        assertThat(documents(output)).extracting(d -> d.get("kind") + "/" + at(d, "metadata", "name"))
                .doesNotContain("Secret/riskstream-secrets")
                .containsExactlyInAnyOrderElementsOf(Manifests.rendered().stream()
                        .map(d -> d.get("kind") + "/" + at(d, "metadata", "name")).toList());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(List<Map<String, Object>> docs) {
        return at(kind(docs, "Deployment"), "spec", "template", "spec", "containers", "0");
    }

    private static int mebibytes(String quantity) {
        if (quantity.endsWith("Gi")) {
            return Integer.parseInt(quantity.substring(0, quantity.length() - 2)) * 1024;
        }
        assertThat(quantity).endsWith("Mi");
        return Integer.parseInt(quantity.substring(0, quantity.length() - 2));
    }
}
