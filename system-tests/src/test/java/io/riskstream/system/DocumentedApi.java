package io.riskstream.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The endpoints docs/api.md lists, by service: each "## service (port)" section's table, whose first cell names them
 * in backticks — {@code GET /api/x[?q=]}, {@code GET\|POST /api/x}, several per cell, and a bare {@code /y} after one
 * meaning a sibling path with the same methods ({@code GET /api/p/{id}/betas}, {@code /volatility}).
 */
final class DocumentedApi {

    private static final Pattern SECTION = Pattern.compile("^## ([a-z-]+) \\(\\d+\\)\\s*$");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern ENDPOINT = Pattern.compile("^([A-Z|]+) (/\\S*)$");

    private DocumentedApi() {
    }

    /** service → its endpoints as "METHOD /path" (query parameters dropped). */
    static Map<String, Set<String>> parse(List<String> lines) {
        Map<String, Set<String>> services = new LinkedHashMap<>();
        Set<String> current = null;
        for (String line : lines) {
            Matcher section = SECTION.matcher(line);
            if (section.matches()) {
                current = services.computeIfAbsent(section.group(1), s -> new TreeSet<>());
                continue;
            }
            if (line.startsWith("## ")) {
                current = null;
            }
            if (current == null || !line.startsWith("| `")) {
                continue;
            }
            String firstCell = line.substring(1, line.indexOf(" | ", 1));
            List<String> methods = List.of();
            String lastPath = null;
            Matcher code = CODE.matcher(firstCell);
            while (code.find()) {
                String token = code.group(1).replace("\\|", "|").replaceAll("\\[.*?]", "").replaceAll("\\?.*$", "")
                        .trim();
                if (token.isEmpty()) {
                    continue;
                }
                Matcher endpoint = ENDPOINT.matcher(token);
                String path;
                if (endpoint.matches()) {
                    methods = List.of(endpoint.group(1).split("\\|"));
                    path = endpoint.group(2);
                } else if (token.startsWith("/") && lastPath != null) {
                    path = lastPath.substring(0, lastPath.lastIndexOf('/')) + token;
                } else {
                    throw new IllegalArgumentException("docs/api.md: cannot read an endpoint from `" + token + "` in: "
                            + line);
                }
                lastPath = path;
                for (String method : methods) {
                    current.add(method + " " + path);
                }
            }
        }
        return services;
    }
}
