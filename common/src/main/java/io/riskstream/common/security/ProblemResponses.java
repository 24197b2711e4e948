package io.riskstream.common.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 401 and 403 as ProblemDetail bodies like every other API error, saying which scope the endpoint needs; the
 * {@code WWW-Authenticate} header is Spring Security's (RFC 6750).
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        challenge.commence(request, response, e);
        String detail = e instanceof InvalidBearerTokenException
                ? "the bearer token is not valid: " + e.getMessage()
                : "a bearer token is required (Authorization: Bearer <token>)";
        write(request, response, HttpStatus.UNAUTHORIZED, detail + scopeNote(request));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        denied.handle(request, response, e);
        write(request, response, HttpStatus.FORBIDDEN, ApiAccess.requiredScope(request)
                .map(scope -> "the bearer token does not grant the scope '" + scope + "' this endpoint needs")
                .orElse("the bearer token does not grant access to this endpoint"));
    }

    private static String scopeNote(HttpServletRequest request) {
        return ApiAccess.requiredScope(request).map(scope -> "; this endpoint needs the scope '" + scope + "'")
                .orElse("");
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                              String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE); // JSON is UTF-8, as the bytes written
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
