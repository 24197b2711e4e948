package io.riskstream.common.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code riskstream.security.*}: who issues the bearer tokens the services accept and for whom. The issuer and the
 * audience are required, and so is exactly one source of signing keys: the issuer's JWK set
 * ({@code jwk-set-uri}, production) or one RSA public key in PEM ({@code public-key-location}, the local stack and the
 * tests). There is no setting that turns the checks off: a service missing any of these does not start.
 */
@ConfigurationProperties("riskstream.security")
public record SecuritySettings(String issuer, String audience, String jwkSetUri, String publicKeyLocation) {

    /** Throws with what to set when the settings cannot validate a token. */
    void check() {
        StringBuilder missing = new StringBuilder();
        if (blank(issuer)) {
            missing.append(" riskstream.security.issuer (RISKSTREAM_SECURITY_ISSUER) is required;");
        }
        if (blank(audience)) {
            missing.append(" riskstream.security.audience (RISKSTREAM_SECURITY_AUDIENCE) is required;");
        }
        if (blank(jwkSetUri) == blank(publicKeyLocation)) {
            missing.append(" set exactly one of riskstream.security.jwk-set-uri (RISKSTREAM_SECURITY_JWK_SET_URI)"
                    + " and riskstream.security.public-key-location (RISKSTREAM_SECURITY_PUBLIC_KEY_LOCATION);");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the API cannot validate bearer tokens:" + missing
                    + " see docs/operations.md, Access");
        }
    }

    boolean usesJwkSet() {
        return !blank(jwkSetUri);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
