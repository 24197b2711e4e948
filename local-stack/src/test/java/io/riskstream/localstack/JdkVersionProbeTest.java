package io.riskstream.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code .mvn/jdk.sh}'s version probe, which ./mvnw, bin/riskstream and .ci/run use to pick a JDK 21+: it reads a
 * JDK's {@code release} file instead of starting its JVM, and asks the JVM only when that file is missing. The fake
 * JDKs' {@code java} leaves a mark when it is run, so the test sees which way was taken.
 */
class JdkVersionProbeTest {

    private static final Path JDK_SH = Path.of("").toAbsolutePath().getParent().resolve(".mvn/jdk.sh");

    @TempDir
    Path dir;

    @Test
    void readsTheReleaseFileWithoutStartingTheJvm() throws Exception {
        Path jdk = fakeJdk("jdk-21", "22");
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"21.0.2\"\n");

        assertThat(probe(jdk)).isEqualTo("21");
        assertThat(jdk.resolve("ran")).as("the JVM was not started").doesNotExist();
    }

    @Test
    void readsAJava8StyleVersionAsItsMajor() throws Exception {
        Path jdk = fakeJdk("jdk-8", "17"); // a JVM that answered would say 17: only the release file says 8
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"1.8.0_292\"\n");

        assertThat(probe(jdk)).isEqualTo("8");
    }

    @Test
    void asksTheJvmWhenThereIsNoReleaseFile() throws Exception {
        Path jdk = fakeJdk("jdk-no-release", "23");

        assertThat(probe(jdk)).isEqualTo("23");
        assertThat(jdk.resolve("ran")).as("the JVM was asked").exists();
    }

    /** A JDK home whose bin/java prints the properties line of {@code -XshowSettings:properties} and leaves a mark. */
    private Path fakeJdk(String name, String specificationVersion) throws IOException {
        Path home = dir.resolve(name);
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\ntouch '" + home.resolve("ran") + "'\n"
                + "echo '    java.specification.version = " + specificationVersion + "' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    private static String probe(Path jdk) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", ". \"$1\"; riskstream_java_major \"$2/bin/java\" \"$2\"", "probe",
                JDK_SH.toString(), jdk.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
