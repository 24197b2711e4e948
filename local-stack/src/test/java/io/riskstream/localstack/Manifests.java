package io.riskstream.localstack;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads deploy/k8s for the manifest tests: YAML documents, paths into them, the kustomization's rendering. */
final class Manifests {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path K8S = ROOT.resolve("deploy/k8s");

    private Manifests() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents(String yaml) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(yaml)) {
            if (doc != null) {
                docs.add((Map<String, Object>) doc);
            }
        }
        return docs;
    }

    static List<Map<String, Object>> documents(Path file) throws IOException {
        return documents(Files.readString(file));
    }

    /** The resources the kustomization lists (plain files, no generators or patches: it has none), in its order. */
    @SuppressWarnings("unchecked")
    static List<String> kustomizationResources() throws IOException {
        return (List<String>) documents(K8S.resolve("kustomization.yaml")).getFirst().get("resources");
    }

    /** What `kubectl apply -k deploy/k8s` sends: every document of every listed resource. */
    static List<Map<String, Object>> rendered() throws IOException {
        List<Map<String, Object>> all = new ArrayList<>();
        for (String resource : kustomizationResources()) {
            all.addAll(documents(K8S.resolve(resource)));
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Map<String, Object> node, String... path) {
        Object current = node;
        for (String key : path) {
            current = current instanceof List<?> list ? list.get(Integer.parseInt(key)) : ((Map<String, Object>) current).get(key);
        }
        return (T) current;
    }

    static Map<String, Object> kind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind));
    }
}
