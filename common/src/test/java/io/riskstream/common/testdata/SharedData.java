package io.riskstream.common.testdata;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the repository-external {@code shared/data} directory (real market data) for tests. The repository is
 * checked out beside {@code shared/}, so the search walks up from the working directory and checks each ancestor
 * for {@code shared/data}.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path root() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/data directory found in " + start + " or any parent; "
                + "check out the shared data beside the repository (e.g. /work/shared/data next to /work/<repo>)");
    }

    public static Path resolve(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("shared data file missing: " + p);
        }
        return p;
    }
}
