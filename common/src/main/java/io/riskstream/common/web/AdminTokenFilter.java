package io.riskstream.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The admin endpoints ({@code /api/admin/**}, changes to {@code /api/universe}, {@code POST /api/profiles/refresh}, {@code POST /api/fundamentals/refresh})
 * require {@code Authorization: Bearer <token>} or {@code X-Admin-Token: <token>}; anything else answers 401 with a
 * ProblemDetail. Without a configured token they are closed unless explicitly opened (the local stack). The token
 * is compared in constant time and never written anywhere.
 */
public class AdminTokenFilter extends OncePerRequestFilter {

    public static final String TOKEN_HEADER = "X-Admin-Token";

    private final AdminSettings settings;

    public AdminTokenFilter(AdminSettings settings) {
        this.settings = settings;
    }

    /** Whether a request is an administrative one. */
    public static boolean isAdmin(String method, String path) {
        if (path.equals("/api/admin") || path.startsWith("/api/admin/")) {
            return true;
        }
        boolean changes = method.equals("POST") || method.equals("DELETE") || method.equals("PUT");
        if (changes && (path.equals("/api/universe") || path.startsWith("/api/universe/"))) {
            return true;
        }
        return method.equals("POST") && (path.equals("/api/profiles/refresh") || path.equals("/api/fundamentals/refresh"));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !isAdmin(request.getMethod(), path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!settings.hasToken()) {
            if (settings.openWithoutToken()) {
                chain.doFilter(request, response);
            } else {
                refuse(response, "admin endpoints are closed: no admin token is configured (RISKSTREAM_ADMIN_TOKEN)");
            }
            return;
        }
        String presented = presentedToken(request);
        if (presented == null) {
            refuse(response, "an admin token is required (Authorization: Bearer <token> or " + TOKEN_HEADER + ")");
        } else if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                settings.token().getBytes(StandardCharsets.UTF_8))) {
            refuse(response, "the admin token is not valid");
        } else {
            chain.doFilter(request, response);
        }
    }

    private static String presentedToken(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        String header = request.getHeader(TOKEN_HEADER);
        return header == null ? null : header.trim();
    }

    private static void refuse(HttpServletResponse response, String detail) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer");
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\""
                + detail.replace("\"", "'") + "\"}");
    }
}
