package io.riskstream.testsupport;

import io.riskstream.common.security.ApiAccess;
import io.riskstream.common.security.LocalTokens;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bearer tokens for the tests: one RSA key pair per test JVM, its public key given to every service under test
 * ({@link #properties()}, through {@link TestInfra#register}), and tokens signed with its private key. {@link #refusals}
 * lists the tokens a write endpoint must refuse.
 */
public final class TestTokens {

    public static final String ISSUER = "riskstream-test";
    public static final String AUDIENCE = "riskstream";

    private static final KeyPair KEYS = LocalTokens.generateKeyPair();
    private static final LocalTokens TOKENS = new LocalTokens(KEYS.getPrivate(), ISSUER, AUDIENCE, Clock.systemUTC());
    private static final Path PUBLIC_KEY = writePublicKey();

    private TestTokens() {
    }

    /** A token granting {@code scope}, valid for five minutes (for clients that add the "Bearer " themselves). */
    public static String token(String scope) {
        return TOKENS.mint(scope);
    }

    /** The {@code Authorization} value granting {@code scope}. */
    public static String bearer(String scope) {
        return "Bearer " + token(scope);
    }

    public static String portfolioWriter() {
        return bearer(ApiAccess.PORTFOLIO_WRITE);
    }

    public static String admin() {
        return bearer(ApiAccess.ADMIN);
    }

    /** What the services under test are configured with: this JVM's issuer, audience and public key. */
    public static Map<String, String> properties() {
        return Map.of("riskstream.security.issuer", ISSUER,
                "riskstream.security.audience", AUDIENCE,
                "riskstream.security.public-key-location", PUBLIC_KEY.toUri().toString());
    }

    public static void register(DynamicPropertyRegistry registry) {
        properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** A request an endpoint must refuse: its {@code Authorization} value (null: none) and the status expected. */
    public record Refusal(String name, String authorization, int status) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * For an endpoint needing {@code scope}: no token, a token of the other scope (403), and tokens that are expired,
     * for another audience, from another issuer, signed by another key or not a JWT at all (401).
     */
    public static List<Refusal> refusals(String scope) {
        String other = scope.equals(ApiAccess.ADMIN) ? ApiAccess.PORTFOLIO_WRITE : ApiAccess.ADMIN;
        Instant now = Instant.now();
        List<String> scopes = List.of(scope);
        LocalTokens strangerKey = new LocalTokens(LocalTokens.generateKeyPair().getPrivate(), ISSUER, AUDIENCE,
                Clock.systemUTC());
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("expired", TOKENS.sign(ISSUER, AUDIENCE, now.minus(Duration.ofHours(1)),
                now.minus(Duration.ofMinutes(10)), scopes));
        tokens.put("another audience", TOKENS.sign(ISSUER, "someone-else", now, now.plusSeconds(300), scopes));
        tokens.put("another issuer", TOKENS.sign("https://issuer.example", AUDIENCE, now, now.plusSeconds(300), scopes));
        tokens.put("another key", strangerKey.mint(scope));
        tokens.put("not a JWT", "not-a-jwt");
        var refusals = new java.util.ArrayList<Refusal>();
        refusals.add(new Refusal("no token", null, 401));
        refusals.add(new Refusal("scope " + other + " only", bearer(other), 403));
        tokens.forEach((name, token) -> refusals.add(new Refusal(name, "Bearer " + token, 401)));
        return List.copyOf(refusals);
    }

    private static Path writePublicKey() {
        try {
            Path file = Files.createTempFile("riskstream-test-signing-key", ".pub.pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, LocalTokens.publicKeyPem(KEYS.getPublic()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
