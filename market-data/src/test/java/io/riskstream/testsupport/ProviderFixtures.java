package io.riskstream.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The recorded provider answers under {@code src/test/resources/marketdata/} (their sources are listed in the README
 * beside them), read from the classpath of common's test-jar.
 */
public final class ProviderFixtures {

    private ProviderFixtures() {
    }

    /** The body of {@code marketdata/<path>}, exactly as recorded. */
    public static String read(String path) {
        String resource = "marketdata/" + path;
        try (InputStream in = ProviderFixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded answer at " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
