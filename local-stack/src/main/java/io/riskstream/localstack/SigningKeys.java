package io.riskstream.localstack;

import io.riskstream.common.security.LocalTokens;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;

/**
 * {@code SigningKeys DIR}: the local stack's token signing key pair, made once — {@code DIR/signing-key.pem} (private,
 * PKCS#8, readable by the owner only), which the clients that write mint tokens with, and
 * {@code DIR/signing-key.pub.pem} (public, X.509), which the services check them with. An existing pair is kept.
 */
public final class SigningKeys {

    static final String PRIVATE = "signing-key.pem";
    static final String PUBLIC = "signing-key.pub.pem";

    private SigningKeys() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: SigningKeys DIR");
            System.exit(2);
        }
        System.out.println(ensure(Path.of(args[0])) ? "made a new signing key pair in " + args[0] : "kept the key pair");
    }

    /** Makes the pair in {@code dir} unless both files exist; true when it made one. */
    static boolean ensure(Path dir) throws IOException {
        Path privateKey = dir.resolve(PRIVATE);
        Path publicKey = dir.resolve(PUBLIC);
        if (Files.isRegularFile(privateKey) && Files.isRegularFile(publicKey)) {
            return false;
        }
        Files.createDirectories(dir);
        KeyPair keys = LocalTokens.generateKeyPair();
        Path tmp = Files.createTempFile(dir, PRIVATE, ".tmp");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(tmp, LocalTokens.privateKeyPem(keys.getPrivate()));
        Files.writeString(publicKey, LocalTokens.publicKeyPem(keys.getPublic()));
        Files.move(tmp, privateKey, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return true;
    }
}
