package io.riskstream.common.testdata;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Locates the real data set kept beside the repository ({@code ../shared/data}: real prices, NYSE sessions, real
 * statements). Those files are third-party downloads, never part of the repository, so a fresh clone does not have
 * them: tests that compare against them are annotated {@link RequiresSharedData} and are skipped, with a reason,
 * where the directory is absent. The search walks up from the working directory; {@code RISKSTREAM_SHARED_DATA}
 * names the directory explicitly.
 */
public final class SharedData {

    /** Environment variable naming the data directory, for checkouts that do not sit beside {@code shared/}. */
    public static final String LOCATION_VARIABLE = "RISKSTREAM_SHARED_DATA";

    private SharedData() {
    }

    public static Optional<Path> find() {
        String named = System.getenv(LOCATION_VARIABLE);
        if (named != null && !named.isBlank()) {
            Path dir = Path.of(named);
            return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code relative} exists in the data set. */
    public static boolean has(String relative) {
        return find().map(root -> Files.exists(root.resolve(relative))).orElse(false);
    }

    /** A file or directory of the data set; callers are {@link RequiresSharedData} tests, which run only where it exists. */
    public static Path resolve(String relative) {
        Path root = find().orElseThrow(() -> new IllegalStateException(describeMissing(relative)));
        Path p = root.resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException(describeMissing(relative));
        }
        return p;
    }

    /**
     * For tests that find out at run time which part of the data set they need: the path, or the calling test is
     * skipped with the reason (failed, where {@code RISKSTREAM_REQUIRE_SHARED_DATA} is set), as with
     * {@link RequiresSharedData}.
     */
    public static Path require(String relative) {
        if (!has(relative)) {
            if (Boolean.parseBoolean(System.getenv(SharedDataCondition.REQUIRE_VARIABLE))) {
                throw new IllegalStateException(SharedDataCondition.REQUIRE_VARIABLE + " is set, but the test "
                        + describeMissing(relative));
            }
            org.junit.jupiter.api.Assumptions.abort(describeMissing(relative));
        }
        return resolve(relative);
    }

    static String describeMissing(String relative) {
        String where = System.getenv(LOCATION_VARIABLE);
        return "needs the real data set's " + relative + " (shared/data beside the repository, or $" + LOCATION_VARIABLE
                + "), not found " + (where == null || where.isBlank()
                        ? "above " + Path.of("").toAbsolutePath()
                        : "in " + where);
    }
}
