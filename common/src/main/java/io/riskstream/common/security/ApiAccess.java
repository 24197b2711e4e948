package io.riskstream.common.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.List;
import java.util.Optional;

/**
 * Which requests need which scope, in order, first match wins: the admin endpoints need {@value #ADMIN}, changes to
 * portfolios (positions, tags) {@value #PORTFOLIO_WRITE}, reads (pages, the APIs' GETs, actuator, OpenAPI) are open,
 * and any other change needs {@value #ADMIN}, so a new write endpoint is closed until it is given a scope here.
 */
public final class ApiAccess {

    public static final String PORTFOLIO_WRITE = "portfolio:write";
    public static final String ADMIN = "admin";

    /** One row: the requests it matches and the scope they need (none: open). */
    record Rule(RequestMatcher matcher, Optional<String> scope) {
    }

    private static final List<HttpMethod> CHANGES = List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    static final List<Rule> RULES = rules();

    private ApiAccess() {
    }

    private static List<Rule> rules() {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        var rules = new java.util.ArrayList<Rule>();
        rules.add(new Rule(paths.matcher("/api/admin/**"), Optional.of(ADMIN)));
        for (HttpMethod method : CHANGES) {
            rules.add(new Rule(paths.matcher(method, "/api/portfolios/**"), Optional.of(PORTFOLIO_WRITE)));
        }
        for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS)) {
            rules.add(new Rule(paths.matcher(method, "/**"), Optional.empty()));
        }
        rules.add(new Rule(paths.matcher("/**"), Optional.of(ADMIN)));
        return List.copyOf(rules);
    }

    /** The scope {@code request} needs, or empty when it is open to anyone. */
    public static Optional<String> requiredScope(HttpServletRequest request) {
        return RULES.stream().filter(rule -> rule.matcher().matches(request)).findFirst()
                .flatMap(Rule::scope);
    }
}
