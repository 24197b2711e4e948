package io.riskstream.common.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which requests need which scope, in order, first match wins: the admin endpoints need {@value #ADMIN}, changes to
 * portfolios (positions, tags) {@value #PORTFOLIO_WRITE}, reads (pages, the APIs' GETs, actuator, OpenAPI) are open,
 * and any other change needs {@value #ADMIN}, so a new write endpoint is closed until it is given a scope here. The
 * security filter chain and the OpenAPI documents read the same rules.
 */
public final class ApiAccess {

    public static final String PORTFOLIO_WRITE = "portfolio:write";
    public static final String ADMIN = "admin";

    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    /** One row: the methods (empty: any) and paths it matches, and the scope they need (empty: open). */
    record Rule(Set<String> methods, PathPattern paths, Optional<String> scope) {

        boolean matches(String method, String path) {
            return (methods.isEmpty() || methods.contains(method)) && paths.matches(PathContainer.parsePath(path));
        }
    }

    static final List<Rule> RULES = List.of(
            rule(Set.of(), "/api/admin/**", ADMIN),
            rule(CHANGES, "/api/portfolios/**", PORTFOLIO_WRITE),
            rule(READS, "/**", null),
            rule(Set.of(), "/**", ADMIN));

    private ApiAccess() {
    }

    private static Rule rule(Set<String> methods, String pattern, String scope) {
        return new Rule(methods, PathPatternParser.defaultInstance.parse(pattern), Optional.ofNullable(scope));
    }

    /** The scope a request of {@code method} to {@code path} (within the application) needs; empty when open. */
    public static Optional<String> requiredScope(String method, String path) {
        return RULES.stream().filter(rule -> rule.matches(method, path)).findFirst().flatMap(Rule::scope);
    }

    public static Optional<String> requiredScope(HttpServletRequest request) {
        return requiredScope(request.getMethod(), pathOf(request));
    }

    static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
