package io.riskstream.common.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyPair;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalTokensTest {

    @Test
    void aClientSignsWithTheKeyFileAsItIsNowEvenWhenItWasReplaced(@TempDir Path dir) throws Exception {
        KeyPair first = LocalTokens.generateKeyPair(), second = LocalTokens.generateKeyPair();
        Path key = Files.writeString(dir.resolve("signing.pem"), LocalTokens.privateKeyPem(first.getPrivate()));
        Map<String, String> env = Map.of(LocalTokens.SIGNING_KEY_ENV, key.toString());

        String one = bearer(env), again = bearer(env);
        assertThat(decoder(dir, first).decode(one).getClaimAsString("scope")).isEqualTo("admin");
        assertThat(again).isNotEqualTo(one); // minted per request (its own id), from the key read once

        // a new stack's key pair in the same place: later tokens are signed with it, not with the key read before
        Files.writeString(key, LocalTokens.privateKeyPem(second.getPrivate()));
        Files.setLastModifiedTime(key, FileTime.fromMillis(Files.getLastModifiedTime(key).toMillis() + 2_000));
        String renewed = bearer(env);
        assertThat(decoder(dir, second).decode(renewed).getClaimAsString("scope")).isEqualTo("admin");
        assertThatThrownBy(() -> decoder(dir, first).decode(renewed)).isInstanceOf(JwtException.class);
    }

    @Test
    void aGivenTokenIsSentAsItIsAndWithoutAKeyFileNoneIs(@TempDir Path dir) {
        assertThat(LocalTokens.authorization(Map.of(LocalTokens.TOKEN_ENV, " abc "), "admin")).contains("Bearer abc");
        assertThat(LocalTokens.authorization(Map.of(LocalTokens.SIGNING_KEY_ENV, dir.resolve("none.pem").toString()),
                "admin")).isEmpty();
    }

    private static String bearer(Map<String, String> env) {
        return LocalTokens.authorization(env, "admin").orElseThrow().substring("Bearer ".length());
    }

    private static JwtDecoder decoder(Path dir, KeyPair keys) throws Exception {
        Path pem = Files.writeString(Files.createTempFile(dir, "key", ".pub.pem"), LocalTokens.publicKeyPem(keys.getPublic()));
        return new ApiSecurityAutoConfiguration().riskstreamJwtDecoder(new SecuritySettings(LocalTokens.LOCAL_ISSUER,
                LocalTokens.LOCAL_AUDIENCE, null, pem.toUri().toString()));
    }
}
