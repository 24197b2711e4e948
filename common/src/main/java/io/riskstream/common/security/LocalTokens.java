package io.riskstream.common.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.security.converter.RsaKeyConverters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Short-lived bearer tokens signed with the local key pair, for the clients that write to a local stack (the demo,
 * the benchmark, the trigger command, the fault suite) and for the tests. The services accept them because they are
 * given the matching public key ({@code riskstream.security.public-key-location}); a deployment with an external
 * issuer never sees this key.
 */
public final class LocalTokens {

    /** The issuer and audience of the local stack (bin/riskstream gives the services the same). */
    public static final String LOCAL_ISSUER = "riskstream-local";
    public static final String LOCAL_AUDIENCE = "riskstream";
    /** A path to the local private key (PKCS#8 PEM): bin/riskstream sets it for its Java clients. */
    public static final String SIGNING_KEY_ENV = "RISKSTREAM_SIGNING_KEY";
    /** A ready token from an external issuer, sent as it is instead of minting one. */
    public static final String TOKEN_ENV = "RISKSTREAM_TOKEN";

    private static final Duration LIFETIME = Duration.ofMinutes(5);

    /** The key file as last read: a client minting a token per request parses the PEM once, not every time. */
    private record KeyFile(Path path, long modified, long size, String issuer, String audience) {
    }

    private static final java.util.concurrent.ConcurrentMap<KeyFile, LocalTokens> PARSED =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final PrivateKey key;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    public LocalTokens(PrivateKey key, String issuer, String audience, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    /** Tokens signed with the PKCS#8 PEM private key at {@code privateKeyPem}. */
    public static LocalTokens fromPem(Path privateKeyPem, String issuer, String audience) {
        try (InputStream in = Files.newInputStream(privateKeyPem)) {
            return new LocalTokens(RsaKeyConverters.pkcs8().convert(in), issuer, audience, Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing key " + privateKeyPem + ": " + e.getMessage(), e);
        }
    }

    /**
     * The {@code Authorization} header value a client sends for {@code scope}: {@value #TOKEN_ENV} as it is when set,
     * else a token minted with the key at {@value #SIGNING_KEY_ENV} (issuer and audience from
     * {@code RISKSTREAM_SECURITY_ISSUER}/{@code _AUDIENCE}, the local ones by default), else (no such file either)
     * none.
     */
    public static Optional<String> authorization(Map<String, String> env, String scope) {
        String token = env.get(TOKEN_ENV);
        if (token != null && !token.isBlank()) {
            return Optional.of("Bearer " + token.strip());
        }
        String keyFile = env.get(SIGNING_KEY_ENV);
        if (keyFile == null || keyFile.isBlank() || !Files.isRegularFile(Path.of(keyFile))) {
            return Optional.empty(); // no local stack made a key here yet: the service's 401 says what is missing
        }
        Path path = Path.of(keyFile);
        KeyFile file;
        try {
            // a key file replaced (a new stack's key pair) has another time or size: it is read again
            file = new KeyFile(path.toAbsolutePath(), Files.getLastModifiedTime(path).toMillis(), Files.size(path),
                    env.getOrDefault("RISKSTREAM_SECURITY_ISSUER", LOCAL_ISSUER),
                    env.getOrDefault("RISKSTREAM_SECURITY_AUDIENCE", LOCAL_AUDIENCE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing key " + path + ": " + e.getMessage(), e);
        }
        LocalTokens tokens = PARSED.computeIfAbsent(file, f -> fromPem(f.path(), f.issuer(), f.audience()));
        return Optional.of("Bearer " + tokens.mint(scope));
    }

    /** {@code request} with the {@link #authorization} for {@code scope}, when {@code env} gives one. */
    public static HttpRequest.Builder authorized(HttpRequest.Builder request, Map<String, String> env, String scope) {
        authorization(env, scope).ifPresent(value -> request.header("Authorization", value));
        return request;
    }

    /** A token granting {@code scopes}, valid for five minutes. */
    public String mint(String... scopes) {
        Instant now = clock.instant();
        return sign(issuer, audience, now, now.plus(LIFETIME), List.of(scopes));
    }

    /** A token with every claim chosen by the caller (tests: expired, another issuer or audience). */
    public String sign(String issuer, String audience, Instant issuedAt, Instant expiresAt, List<String> scopes) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject("riskstream-local-client")
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .claim("scope", String.join(" ", scopes))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    /** A new 2048-bit RSA key pair (the tests make one per JVM). */
    public static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code key} as an X.509 {@code PUBLIC KEY} PEM, the form the services read. */
    public static String publicKeyPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    /** {@code key} as a PKCS#8 {@code PRIVATE KEY} PEM, the form {@link #fromPem} reads. */
    public static String privateKeyPem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
