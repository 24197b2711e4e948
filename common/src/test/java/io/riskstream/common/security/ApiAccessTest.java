package io.riskstream.common.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ApiAccessTest {

    private static Optional<String> scopeOf(String method, String path) {
        return ApiAccess.requiredScope(new MockHttpServletRequest(method, path));
    }

    @Test
    void portfolioChangesNeedThePortfolioWriteScope() {
        assertThat(scopeOf("POST", "/api/portfolios")).contains("portfolio:write");
        assertThat(scopeOf("POST", "/api/portfolios/8d7c/positions")).contains("portfolio:write");
        assertThat(scopeOf("POST", "/api/portfolios/8d7c/positions/1/close")).contains("portfolio:write");
        assertThat(scopeOf("POST", "/api/portfolios/8d7c/tags")).contains("portfolio:write");
        assertThat(scopeOf("PUT", "/api/portfolios/8d7c/positions/1/tags/2")).contains("portfolio:write");
        assertThat(scopeOf("DELETE", "/api/portfolios/8d7c/positions/1/tags/2")).contains("portfolio:write");
    }

    @Test
    void adminEndpointsNeedTheAdminScopeWhateverTheMethod() {
        assertThat(scopeOf("POST", "/api/admin/daily-close")).contains("admin");
        assertThat(scopeOf("POST", "/api/admin/backfill")).contains("admin");
        assertThat(scopeOf("GET", "/api/admin/anything")).contains("admin");
        assertThat(scopeOf("POST", "/api/universe")).contains("admin");
        assertThat(scopeOf("DELETE", "/api/universe/AAPL")).contains("admin");
        assertThat(scopeOf("POST", "/api/profiles/refresh")).contains("admin");
        assertThat(scopeOf("POST", "/api/fundamentals/refresh")).contains("admin");
    }

    @Test
    void readsStayOpen() {
        assertThat(scopeOf("GET", "/api/portfolios")).isEmpty();
        assertThat(scopeOf("GET", "/api/portfolios/8d7c/exposures")).isEmpty();
        assertThat(scopeOf("GET", "/api/universe")).isEmpty();
        assertThat(scopeOf("GET", "/actuator/health/readiness")).isEmpty();
        assertThat(scopeOf("GET", "/actuator/prometheus")).isEmpty();
        assertThat(scopeOf("GET", "/v3/api-docs")).isEmpty();
        assertThat(scopeOf("GET", "/portfolio.html")).isEmpty();
        assertThat(scopeOf("HEAD", "/")).isEmpty();
    }

    @Test
    void aChangeNoRuleNamesNeedsTheAdminScope() {
        assertThat(scopeOf("POST", "/api/something-new")).contains("admin");
        assertThat(scopeOf("POST", "/actuator/shutdown")).contains("admin");
        assertThat(scopeOf("POST", "/api/administrator")).contains("admin");
    }
}
