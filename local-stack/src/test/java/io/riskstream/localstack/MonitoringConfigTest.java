package io.riskstream.localstack;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/monitoring parses, scrapes the five services, and its rules and dashboard use only metrics the services
 * export (a renamed meter would otherwise leave an alert silently empty).
 */
class MonitoringConfigTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path MONITORING = ROOT.resolve("deploy/monitoring");
    private static final Set<String> SERVICES = Set.of("price-service", "profile-service", "fundamentals-service",
            "factor-service", "portfolio-service");
    /** What the services export (see common: ConsumerLagMonitor, ListenerMetrics, ListenerErrorHandling, OutboxRelay, MeteredMarketData). */
    private static final Set<String> EXPORTED = Set.of("riskstream_consumer_lag_seconds", "riskstream_consumer_lag_records",
            "riskstream_consumer_committed_offset", "riskstream_consumer_group_members", "riskstream_records_processed_total",
            "riskstream_records_failed_total", "riskstream_dlt_records_total", "riskstream_outbox_published_total",
            "riskstream_outbox_publish_failures_total", "riskstream_provider_calls_total",
            "riskstream_provider_call_duration_seconds_sum", "riskstream_provider_call_duration_seconds_count",
            "riskstream_provider_refused", "riskstream_provider_refusals_total", "riskstream_provider_fallbacks_total",
            "riskstream_provider_circuit_open", "riskstream_provider_quota_remaining",
            "riskstream_freshness_subjects", "riskstream_freshness_max_trading_days", "riskstream_runs", "up",
            // spring-kafka's own listener timer (spring.kafka.listener, on by default: ContainerProperties.micrometerEnabled)
            "spring_kafka_listener_seconds_sum", "spring_kafka_listener_seconds_count", "spring_kafka_listener_seconds_max");
    private static final Pattern METRIC = Pattern.compile(
            "\\b(riskstream_[a-z_]+|spring_kafka_listener_seconds_[a-z]+|up)\\b(?=\\s*[{\\[)=<>!]|\\s*$)");
    /** Gauges every replica reports alike (measured from the broker or the database): never summed over replicas. */
    private static final List<String> SAME_IN_EVERY_REPLICA = List.of("riskstream_consumer_lag_records",
            "riskstream_consumer_lag_seconds", "riskstream_consumer_committed_offset", "riskstream_consumer_group_members",
            "riskstream_freshness_subjects", "riskstream_freshness_max_trading_days", "riskstream_runs",
            "riskstream_provider_refused", "riskstream_provider_circuit_open", "riskstream_provider_quota_remaining");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) throws IOException {
        return (Map<String, Object>) new Yaml().load(Files.readString(file));
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesTheFiveServicesAndLoadsTheRules() throws IOException {
        Map<String, Object> config = yaml(MONITORING.resolve("prometheus.yml"));
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) config.get("scrape_configs");
        assertThat(jobs).extracting(j -> j.get("job_name")).containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(jobs).allSatisfy(j -> assertThat(j.get("metrics_path")).isEqualTo("/actuator/prometheus"));
        assertThat((List<String>) config.get("rule_files")).containsExactly("/etc/prometheus/alerts.yml");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertIsCompleteAndUsesExportedMetrics() throws IOException {
        List<Map<String, Object>> groups = (List<Map<String, Object>>) yaml(MONITORING.resolve("alerts.yml")).get("groups");
        List<String> alerts = new ArrayList<>();
        for (Map<String, Object> group : groups) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                alerts.add((String) rule.get("alert"));
                assertThat(rule.get("expr")).as((String) rule.get("alert")).isInstanceOf(String.class);
                assertThat((Map<String, Object>) rule.get("labels")).containsKey("severity");
                assertThat((Map<String, Object>) rule.get("annotations")).containsKeys("summary", "description");
                assertThat(metrics((String) rule.get("expr"))).as((String) rule.get("alert")).isNotEmpty()
                        .allSatisfy(m -> assertThat(EXPORTED).contains(m));
            }
        }
        assertThat(alerts).contains("RiskstreamConsumerLagHigh", "RiskstreamConsumerStalled", "RiskstreamConsumerStopped",
                "RiskstreamDeadLettersGrowing", "RiskstreamRunFailing", "RiskstreamRunFailed",
                "RiskstreamDataOneTradingDayOld", "RiskstreamDataTwoTradingDaysOld", "RiskstreamProviderRefused",
                "RiskstreamProviderFallingBack", "RiskstreamProviderCircuitOpen", "RiskstreamProviderQuotaLow")
                .doesNotHaveDuplicates();
    }

    @Test
    void theDashboardParsesAndQueriesExportedMetrics() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build().readTree(
                Files.readString(MONITORING.resolve("grafana/dashboards/riskstream.json")));
        assertThat(dashboard.get("uid").asString()).isEqualTo("riskstream-ops");
        assertThat(dashboard.get("panels").size()).isGreaterThanOrEqualTo(5);
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                assertThat(metrics(target.get("expr").asString())).as(panel.get("title").asString()).isNotEmpty()
                        .allSatisfy(m -> assertThat(EXPORTED).contains(m));
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void dockerComposeRunsPrometheusAndGrafanaOnTheseFiles() throws IOException {
        Map<String, Object> services = (Map<String, Object>) yaml(ROOT.resolve("docker-compose.yml")).get("services");
        assertThat(services).containsKeys("prometheus", "grafana");
        List<String> mounts = new ArrayList<>();
        for (String name : List.of("prometheus", "grafana")) {
            mounts.addAll((List<String>) ((Map<String, Object>) services.get(name)).get("volumes"));
        }
        for (String mount : mounts) {
            Path source = ROOT.resolve(mount.substring(0, mount.indexOf(':')));
            assertThat(source).as(mount).exists();
        }
        for (String provisioning : List.of("datasources/prometheus.yml", "dashboards/riskstream.yml")) {
            assertThat(yaml(MONITORING.resolve("grafana/provisioning").resolve(provisioning))).containsKey("apiVersion");
        }
    }

    @Test
    void gaugesEveryReplicaReportsAreTakenOnceNotSummedOverReplicas() throws IOException {
        for (String expr : allExpressions()) {
            for (String gauge : SAME_IN_EVERY_REPLICA) {
                // a sum (or a bare selector in a panel) would count each replica's copy once more
                assertThat(expr).as(expr).doesNotContainPattern("sum\\s*(by\\s*\\([^)]*\\))?\\s*\\(\\s*" + gauge + "\\b");
            }
        }
        JsonNode dashboard = dashboard();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                String expr = target.get("expr").asString().strip();
                assertThat(SAME_IN_EVERY_REPLICA.stream().anyMatch(g -> expr.startsWith(g)))
                        .as("%s: a bare gauge shows one line per replica", panel.get("title").asString()).isFalse();
            }
        }
        assertThat(expressionsOf(dashboard, "Consumer lag (records")).singleElement().asString()
                .contains("max by (group, topic, partition) (riskstream_consumer_lag_records)");
    }

    @Test
    void providerPanelsKeepTheProviderLabel() throws IOException {
        for (JsonNode panel : dashboard().get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                String expr = target.get("expr").asString();
                // the fallback counter names its providers in from and to
                String providerLabels = expr.contains("riskstream_provider_fallbacks") ? "from, to" : "provider";
                if (expr.contains("riskstream_provider_")) {
                    Matcher by = Pattern.compile("(?:sum|max|min) by \\(([^)]*)\\)").matcher(expr);
                    assertThat(by.find()).as(expr).isTrue();
                    assertThat(by.group(1)).as(panel.get("title").asString()).contains(providerLabels);
                }
            }
        }
    }

    @Test
    void eachServiceHasAListenerLatencyPanel() throws IOException {
        JsonNode dashboard = dashboard();
        for (String service : SERVICES) {
            List<String> exprs = new ArrayList<>();
            for (JsonNode panel : dashboard.get("panels")) {
                if (panel.get("title").asString().startsWith(service + ":")) {
                    panel.get("targets").forEach(t -> exprs.add(t.get("expr").asString()));
                }
            }
            assertThat(exprs).as(service).anySatisfy(e -> assertThat(e).contains("spring_kafka_listener_seconds_sum{job=\"" + service + "\"}")
                    .contains("spring_kafka_listener_seconds_count{job=\"" + service + "\"}"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void circuitBreakerAndFallbackAlertsWatchEachProviderOfEachService() throws IOException {
        Map<String, String> byName = new java.util.HashMap<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) yaml(MONITORING.resolve("alerts.yml")).get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                byName.put((String) rule.get("alert"), (String) rule.get("expr"));
            }
        }
        assertThat(byName.get("RiskstreamProviderCircuitOpen")).contains("riskstream_provider_circuit_open").contains("by (job, provider)");
        assertThat(byName.get("RiskstreamProviderFallingBack")).contains("riskstream_provider_fallbacks_total").contains("by (job, from, to, kind)");
    }

    @SuppressWarnings("unchecked")
    private static List<String> allExpressions() throws IOException {
        List<String> exprs = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) yaml(MONITORING.resolve("alerts.yml")).get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                exprs.add((String) rule.get("expr"));
            }
        }
        for (JsonNode panel : dashboard().get("panels")) {
            panel.get("targets").forEach(t -> exprs.add(t.get("expr").asString()));
        }
        return exprs;
    }

    private static List<JsonNode> expressionsOf(JsonNode dashboard, String titlePrefix) {
        List<JsonNode> exprs = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            if (panel.get("title").asString().startsWith(titlePrefix)) {
                panel.get("targets").forEach(t -> exprs.add(t.get("expr")));
            }
        }
        return exprs;
    }

    private static JsonNode dashboard() throws IOException {
        return JsonMapper.builder().build().readTree(Files.readString(MONITORING.resolve("grafana/dashboards/riskstream.json")));
    }

    private static List<String> metrics(String expr) {
        List<String> names = new ArrayList<>();
        Matcher m = METRIC.matcher(expr);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
