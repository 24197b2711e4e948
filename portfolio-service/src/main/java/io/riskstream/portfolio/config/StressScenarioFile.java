package io.riskstream.portfolio.config;

import io.riskstream.common.factors.FactorId;
import io.riskstream.common.factors.RegressionMethod;
import io.riskstream.portfolio.domain.risk.FactorCorrelations;
import io.riskstream.portfolio.domain.risk.StressCatalogue;
import io.riskstream.portfolio.domain.risk.StressScenario;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the stress-scenario file (JSON, see {@code stress-scenarios.json}) into a {@link StressCatalogue}. Every
 * problem — not JSON, a missing or mistyped field, an unknown field (a typo would otherwise be ignored), a shock on
 * an unknown factor — is an {@link IllegalArgumentException} naming the file, the scenario and the field, so a bad
 * file stops the service at start-up with the reason.
 */
public final class StressScenarioFile {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StressScenarioFile() {
    }

    /**
     * Without {@code factorProxies} in the file, each factor regressed on one ETF (OLS or ridge) is shocked through
     * that ETF, as the factor catalogue defines it; a file may still name other proxies.
     */
    static Map<String, String> catalogueProxies() {
        Map<String, String> proxies = new LinkedHashMap<>();
        for (FactorId factor : FactorId.values()) {
            if (factor.method() == RegressionMethod.OLS || factor.method() == RegressionMethod.RIDGE) {
                proxies.put(factor.wireName(), factor.regressors().getFirst().symbol());
            }
        }
        return proxies;
    }

    public static StressCatalogue read(String location, InputStream in) {
        try {
            JsonNode root;
            try {
                root = JSON.readTree(in);
            } catch (JacksonException e) {
                throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
            }
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException("the file must hold one JSON object");
            }
            only(root, "stress scenario file", Set.of("version", "about", "factorProxies", "factorCorrelation",
                    "interestRate", "lossCap", "scenarios"));
            Map<String, String> proxies = new LinkedHashMap<>();
            if (root.has("factorProxies")) {
                object(root, "factorProxies", "stress scenario file").properties()
                        .forEach(e -> proxies.put(e.getKey(), text(e.getValue(), "stress scenario file: factorProxies."
                                + e.getKey())));
            } else {
                proxies.putAll(catalogueProxies());
            }
            JsonNode fc = object(root, "factorCorrelation", "stress scenario file");
            only(fc, "stress scenario file: factorCorrelation", Set.of("lookbackDays", "bufferDays", "decay",
                    "minObservations", "bounds"));
            JsonNode bounds = fc.get("bounds");
            if (bounds == null || !bounds.isArray() || bounds.size() != 2 || !bounds.get(0).isNumber()
                    || !bounds.get(1).isNumber()) {
                throw new IllegalArgumentException("stress scenario file: factorCorrelation.bounds must be [lower, upper]");
            }
            FactorCorrelations.Settings correlation = new FactorCorrelations.Settings(
                    integer(fc, "lookbackDays", "factorCorrelation") + integer(fc, "bufferDays", "factorCorrelation"),
                    number(fc, "decay", "stress scenario file: factorCorrelation"),
                    integer(fc, "minObservations", "factorCorrelation"), bounds.get(0).asDouble(),
                    bounds.get(1).asDouble());
            JsonNode rate = object(root, "interestRate", "stress scenario file");
            only(rate, "stress scenario file: interestRate", Set.of("factor", "proxyDuration", "about"));
            JsonNode scenarios = root.get("scenarios");
            if (scenarios == null || !scenarios.isArray()) {
                throw new IllegalArgumentException("stress scenario file: scenarios must be a list");
            }
            List<StressScenario> list = new ArrayList<>();
            int position = 0;
            for (JsonNode s : scenarios) {
                list.add(scenario(++position, s));
            }
            return new StressCatalogue(root.has("version") ? text(root.get("version"), "stress scenario file: version")
                    : null, proxies, correlation, text(rate.get("factor"), "stress scenario file: interestRate.factor"),
                    number(rate, "proxyDuration", "stress scenario file: interestRate"),
                    number(root, "lossCap", "stress scenario file"), list);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("stress scenarios " + location + ": " + e.getMessage(), e);
        }
    }

    public static StressCatalogue read(String location, byte[] content) {
        return read(location, new java.io.ByteArrayInputStream(content));
    }

    /** Reads a classpath resource or a file path ("classpath:..." or "file:..." or a plain path). */
    public static StressCatalogue load(String location) {
        try (InputStream in = open(location)) {
            return read(location, in);
        } catch (IOException e) {
            throw new IllegalArgumentException("stress scenarios " + location + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static InputStream open(String location) throws IOException {
        if (location.startsWith("classpath:")) {
            InputStream in = StressScenarioFile.class.getClassLoader()
                    .getResourceAsStream(location.substring("classpath:".length()).replaceFirst("^/", ""));
            if (in == null) {
                throw new IOException("no such classpath resource");
            }
            return in;
        }
        return java.nio.file.Files.newInputStream(java.nio.file.Path.of(location.replaceFirst("^file:", "")));
    }

    private static StressScenario scenario(int position, JsonNode s) {
        if (!s.isObject()) {
            throw new IllegalArgumentException("stress scenario #" + position + " must be an object");
        }
        String id = s.hasNonNull("id") && s.get("id").isString() ? s.get("id").asString() : null;
        String at = id == null ? "stress scenario #" + position : "stress scenario '" + id + "'";
        only(s, at, Set.of("id", "name", "category", "active", "shocks", "about"));
        JsonNode shocks = s.get("shocks");
        Map<String, Double> values = null;
        if (shocks != null) {
            if (!shocks.isObject()) {
                throw new IllegalArgumentException(at + ": shocks must be an object of factor → shock");
            }
            values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : shocks.properties()) {
                if (!e.getValue().isNumber()) {
                    throw new IllegalArgumentException(at + ": shocks." + e.getKey() + " must be a number, got "
                            + e.getValue());
                }
                values.put(e.getKey(), e.getValue().asDouble());
            }
        }
        JsonNode active = s.get("active");
        if (active != null && !active.isBoolean()) {
            throw new IllegalArgumentException(at + ": active must be true or false, got " + active);
        }
        return StressScenario.of(position, id, optionalText(s, "name", at), optionalText(s, "category", at),
                active == null ? null : active.asBoolean(), values);
    }

    private static void only(JsonNode node, String at, Set<String> allowed) {
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(at + ": unknown field '" + name + "' (expected " + allowed + ")");
            }
        }
    }

    private static JsonNode object(JsonNode parent, String field, String at) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(at + ": " + field + " must be an object");
        }
        return node;
    }

    private static String text(JsonNode node, String at) {
        if (node == null || !node.isString()) {
            throw new IllegalArgumentException(at + " must be a string, got " + node);
        }
        return node.asString();
    }

    private static String optionalText(JsonNode parent, String field, String at) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        return text(node, at + ": " + field);
    }

    private static double number(JsonNode parent, String field, String at) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isNumber()) {
            throw new IllegalArgumentException(at + ": " + field + " must be a number, got " + node);
        }
        return node.asDouble();
    }

    private static int integer(JsonNode parent, String field, String at) {
        JsonNode node = parent.get(field);
        if (node == null || !node.canConvertToInt() || !node.isIntegralNumber()) {
            throw new IllegalArgumentException("stress scenario file: " + at + "." + field + " must be a whole number, "
                    + "got " + node);
        }
        return node.asInt();
    }
}
