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
            "riskstream_provider_refused", "riskstream_provider_refusals_total", "riskstream_provider_fallbacks_total",
            "riskstream_provider_circuit_open", "riskstream_provider_quota_remaining",
            "riskstream_freshness_subjects", "riskstream_freshness_max_trading_days", "riskstream_runs", "up");
    private static final Pattern METRIC = Pattern.compile("\\b(riskstream_[a-z_]+|up)\\b(?=\\s*[{\\[)=<>!]|\\s*$)");

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

    private static List<String> metrics(String expr) {
        List<String> names = new ArrayList<>();
        Matcher m = METRIC.matcher(expr);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
