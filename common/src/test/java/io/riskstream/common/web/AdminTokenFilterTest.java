package io.riskstream.common.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class AdminTokenFilterTest {

    private static MockHttpServletResponse call(AdminSettings settings, String method, String path, String header,
                                                String value) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (header != null) {
            request.addHeader(header, value);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        new AdminTokenFilter(settings).doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void adminRequestsAreRecognisedByPathAndMethod() {
        assertThat(AdminTokenFilter.isAdmin("POST", "/api/admin/backfill")).isTrue();
        assertThat(AdminTokenFilter.isAdmin("GET", "/api/admin/anything")).isTrue();
        assertThat(AdminTokenFilter.isAdmin("POST", "/api/universe")).isTrue();
        assertThat(AdminTokenFilter.isAdmin("DELETE", "/api/universe/AAPL")).isTrue();
        assertThat(AdminTokenFilter.isAdmin("POST", "/api/profiles/refresh")).isTrue();
        assertThat(AdminTokenFilter.isAdmin("GET", "/api/universe")).isFalse();
        assertThat(AdminTokenFilter.isAdmin("GET", "/api/profiles/AAPL")).isFalse();
        assertThat(AdminTokenFilter.isAdmin("POST", "/api/portfolios")).isFalse();
        assertThat(AdminTokenFilter.isAdmin("POST", "/api/administrator")).isFalse();
    }

    @Test
    void theRightTokenInEitherHeaderPasses() throws Exception {
        AdminSettings settings = new AdminSettings("s3cret", false);
        assertThat(call(settings, "POST", "/api/admin/backfill", "Authorization", "Bearer s3cret").getStatus()).isEqualTo(200);
        assertThat(call(settings, "POST", "/api/admin/backfill", "X-Admin-Token", "s3cret").getStatus()).isEqualTo(200);
    }

    @Test
    void aMissingOrWrongTokenAnswers401WithAProblemDetailThatDoesNotEchoTheToken() throws Exception {
        AdminSettings settings = new AdminSettings("s3cret", true);
        MockHttpServletResponse missing = call(settings, "POST", "/api/universe", null, null);
        assertThat(missing.getStatus()).isEqualTo(401);
        assertThat(missing.getContentType()).startsWith("application/problem+json");
        assertThat(missing.getContentAsString()).contains("\"status\":401").doesNotContain("s3cret");
        MockHttpServletResponse wrong = call(settings, "POST", "/api/universe", "Authorization", "Bearer s3cre");
        assertThat(wrong.getStatus()).isEqualTo(401);
        assertThat(wrong.getContentAsString()).doesNotContain("s3cre");
    }

    @Test
    void withoutAConfiguredTokenAdminEndpointsAreClosedUnlessOpenedExplicitly() throws Exception {
        assertThat(call(new AdminSettings(null, false), "POST", "/api/admin/x", null, null).getStatus()).isEqualTo(401);
        assertThat(call(new AdminSettings("", false), "POST", "/api/admin/x", "X-Admin-Token", "").getStatus()).isEqualTo(401);
        assertThat(call(new AdminSettings(null, true), "POST", "/api/admin/x", null, null).getStatus()).isEqualTo(200);
    }

    @Test
    void otherRequestsAreNotChecked() throws Exception {
        assertThat(call(new AdminSettings("s3cret", false), "GET", "/api/universe", null, null).getStatus()).isEqualTo(200);
        assertThat(call(new AdminSettings("s3cret", false), "GET", "/actuator/health", null, null).getStatus()).isEqualTo(200);
    }

    @Test
    void theTokenNeverAppearsInToString() {
        assertThat(new AdminSettings("s3cret", false).toString()).doesNotContain("s3cret");
    }
}
