package io.riskstream.marketdata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Counter-based randomness for the simulated market: every draw is a pure function of its key, so any value can be
 * produced in any order and on any JVM. Transcendentals go through {@link StrictMath} because {@link Math} may use
 * platform intrinsics that differ in the last bit.
 */
final class SimRandom {

    private static final double TWO_POW_M53 = 0x1.0p-53;

    private SimRandom() {
    }

    /** SplitMix64 finaliser. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static long key(long a, long b) {
        return mix64(mix64(a) + 0x9E3779B97F4A7C15L * (b + 1));
    }

    static long key(long a, long b, long c) {
        return key(key(a, b), c);
    }

    /** Uniform in [0, 1). */
    static double uniform(long key) {
        return (mix64(key) >>> 11) * TWO_POW_M53;
    }

    /** Uniform in [lo, hi). */
    static double uniform(long key, double lo, double hi) {
        return lo + (hi - lo) * uniform(key);
    }

    /** Standard normal via Box–Muller (one of the pair). */
    static double gaussian(long key) {
        long h1 = mix64(key);
        long h2 = mix64(h1 ^ 0xD1B54A32D192ED03L);
        double u1 = ((h1 >>> 11) + 1) * TWO_POW_M53;
        double u2 = (h2 >>> 11) * TWO_POW_M53;
        return Math.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
    }

    /** A well-mixed 64-bit identity for a symbol: the first eight bytes of SHA-256 of its UTF-8 text. */
    static long symbolKey(String symbol) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(symbol.getBytes(StandardCharsets.UTF_8));
            long k = 0;
            for (int i = 0; i < 8; i++) {
                k = (k << 8) | (d[i] & 0xFF);
            }
            return k;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
