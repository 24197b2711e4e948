package io.riskstream.system;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/api.md against what each service serves: its OpenAPI document ({@code /v3/api-docs}) has every endpoint the
 * service's table lists, and the table lists every endpoint the document has; the UI is served too.
 */
class ApiDocumentationIT {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    private final RiskstreamSystem system = RiskstreamSystem.shared();

    @Test
    void everyServicesOpenApiDocumentMatchesTheEndpointsDocsApiMdLists() throws Exception {
        Map<String, Set<String>> documented = DocumentedApi.parse(Files.readAllLines(
                RiskstreamSystem.root().resolve("docs/api.md")));
        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(RiskstreamSystem.SERVICES.keySet());
        for (String service : RiskstreamSystem.SERVICES.keySet()) {
            Http.Response docs = Http.get(system.url(service) + "/v3/api-docs");
            assertThat(docs.status()).as("%s: %s", service, docs.body()).isEqualTo(200);
            Set<String> served = new TreeSet<>();
            JsonNode paths = docs.json().get("paths");
            for (String path : paths.propertyNames()) {
                for (String method : paths.get(path).propertyNames()) {
                    if (METHODS.contains(method)) {
                        served.add(method.toUpperCase() + " " + path);
                    }
                }
            }
            assertThat(documented.get(service)).as("%s: endpoints docs/api.md lists", service).isNotEmpty();
            assertThat(served).as("%s: every endpoint docs/api.md lists is served", service)
                    .containsAll(documented.get(service));
            assertThat(documented.get(service)).as("%s: every endpoint served is listed in docs/api.md", service)
                    .containsAll(served);
            Http.Response ui = Http.get(system.url(service) + "/swagger-ui/index.html");
            assertThat(ui.status()).as("%s: the OpenAPI UI", service).isEqualTo(200);
            assertThat(ui.body()).contains("swagger-ui");
        }
    }
}
