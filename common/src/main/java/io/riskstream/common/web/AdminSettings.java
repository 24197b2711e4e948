package io.riskstream.common.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code riskstream.admin.*}: the token the admin endpoints require ({@code RISKSTREAM_ADMIN_TOKEN}), and whether
 * they are open while no token is configured (the local stack only; closed by default).
 */
@ConfigurationProperties("riskstream.admin")
public record AdminSettings(String token, @DefaultValue("false") boolean openWithoutToken) {

    public boolean hasToken() {
        return token != null && !token.isBlank();
    }

    @Override
    public String toString() {
        return "AdminSettings[token=" + (hasToken() ? "***" : "unset") + ", openWithoutToken=" + openWithoutToken + "]";
    }
}
