package io.riskstream.localstack;

import io.riskstream.common.security.LocalTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class SigningKeysTest {

    @Test
    void thePairIsMadeOnceAndTokensMintedWithThePrivateKeyVerifyWithThePublicOne(@TempDir Path dir) throws Exception {
        assertThat(SigningKeys.ensure(dir)).isTrue();
        String first = Files.readString(dir.resolve(SigningKeys.PUBLIC));
        assertThat(SigningKeys.ensure(dir)).as("an existing pair is kept").isFalse();
        assertThat(Files.readString(dir.resolve(SigningKeys.PUBLIC))).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(SigningKeys.PRIVATE))))
                .isEqualTo("rw-------");

        String token = LocalTokens.fromPem(dir.resolve(SigningKeys.PRIVATE), "iss", "aud").mint("admin");
        try (InputStream in = Files.newInputStream(dir.resolve(SigningKeys.PUBLIC))) {
            var decoder = NimbusJwtDecoder.withPublicKey(RsaKeyConverters.x509().convert(in)).build();
            assertThat(decoder.decode(token).getClaimAsString("scope")).isEqualTo("admin");
        }
    }
}
