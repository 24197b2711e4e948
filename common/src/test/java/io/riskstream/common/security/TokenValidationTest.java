package io.riskstream.common.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenValidationTest {

    private static final KeyPair KEYS = LocalTokens.generateKeyPair();
    private final LocalTokens tokens = new LocalTokens(KEYS.getPrivate(), "iss-a", "aud-a", Clock.systemUTC());

    private JwtDecoder decoder(Path dir) throws Exception {
        Path pem = Files.writeString(dir.resolve("key.pub.pem"), LocalTokens.publicKeyPem(KEYS.getPublic()));
        return new ApiSecurityAutoConfiguration().riskstreamJwtDecoder(
                new SecuritySettings("iss-a", "aud-a", null, pem.toUri().toString()));
    }

    @Test
    void aMintedTokenCarriesItsScopesIssuerAndAudience(@TempDir Path dir) throws Exception {
        Jwt jwt = decoder(dir).decode(tokens.mint("portfolio:write", "admin"));

        assertThat(jwt.getClaimAsString("scope")).isEqualTo("portfolio:write admin");
        assertThat(jwt.getClaimAsString("iss")).isEqualTo("iss-a");
        assertThat(jwt.getAudience()).containsExactly("aud-a");
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void expiredForeignAndOtherwiseSignedTokensAreRefused(@TempDir Path dir) throws Exception {
        JwtDecoder decoder = decoder(dir);
        Instant now = Instant.now();
        List<String> scopes = List.of("admin");

        assertThatThrownBy(() -> decoder.decode(tokens.sign("iss-a", "aud-a", now.minusSeconds(3600),
                now.minusSeconds(600), scopes))).isInstanceOf(JwtException.class).hasMessageContaining("expired");
        assertThatThrownBy(() -> decoder.decode(tokens.sign("iss-b", "aud-a", now, now.plusSeconds(60), scopes)))
                .isInstanceOf(JwtException.class).hasMessageContaining("iss");
        assertThatThrownBy(() -> decoder.decode(tokens.sign("iss-a", "aud-b", now, now.plusSeconds(60), scopes)))
                .isInstanceOf(JwtException.class).hasMessageContaining("aud");
        LocalTokens stranger = new LocalTokens(LocalTokens.generateKeyPair().getPrivate(), "iss-a", "aud-a",
                Clock.systemUTC());
        assertThatThrownBy(() -> decoder.decode(stranger.mint("admin"))).isInstanceOf(JwtException.class);
    }

    @Test
    void aServiceWithoutIssuerAudienceOrKeyDoesNotStart() {
        assertThatThrownBy(() -> new SecuritySettings(null, " ", null, null).check())
                .hasMessageContaining("riskstream.security.issuer (RISKSTREAM_SECURITY_ISSUER) is required")
                .hasMessageContaining("riskstream.security.audience")
                .hasMessageContaining("exactly one of riskstream.security.jwk-set-uri");
        assertThatThrownBy(() -> new SecuritySettings("i", "a", "https://idp/jwks", "file:/k.pem").check())
                .hasMessageContaining("exactly one of");
    }

    @Test
    void theClientsTakeAGivenTokenOrMintOneWithTheLocalKey(@TempDir Path dir) throws Exception {
        assertThat(LocalTokens.authorization(java.util.Map.of(), "admin")).isEmpty();
        assertThat(LocalTokens.authorization(java.util.Map.of("RISKSTREAM_SIGNING_KEY", dir.resolve("none.pem").toString()),
                "admin")).as("no key made yet").isEmpty();
        assertThat(LocalTokens.authorization(java.util.Map.of("RISKSTREAM_TOKEN", " abc "), "admin"))
                .contains("Bearer abc");
        Path key = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(KEYS.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        String header = LocalTokens.authorization(java.util.Map.of("RISKSTREAM_SIGNING_KEY", key.toString(),
                "RISKSTREAM_SECURITY_ISSUER", "iss-a", "RISKSTREAM_SECURITY_AUDIENCE", "aud-a"), "admin").orElseThrow();
        assertThat(decoder(dir).decode(header.substring("Bearer ".length())).getClaimAsString("scope"))
                .isEqualTo("admin");
    }
}
