package io.riskstream.portfolio.domain.risk;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code tools/reference/portfolio_reference.py} (python3 with numpy and scipy) and reads its JSON output. */
public final class ReferenceScript {

    public static final String WHY_NOT = "python3 with numpy and scipy is not available: the live reference check "
            + "is skipped (the recorded reference output is still checked)";
    private static Boolean available;

    private ReferenceScript() {
    }

    /** The real price files beside the repository; the calling test is skipped, with the reason, without them. */
    public static Path realPrices() {
        return io.riskstream.common.testdata.SharedData.require("market/prices");
    }

    public static synchronized boolean available() {
        if (available == null) {
            try {
                Process p = new ProcessBuilder("python3", "-c", "import numpy, scipy").redirectErrorStream(true).start();
                available = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException | InterruptedException e) {
                available = false;
            }
        }
        return available;
    }

    /** The script, found from the module directory or the repository root. */
    public static Path script() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("tools/reference/portfolio_reference.py");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("tools/reference/portfolio_reference.py not found above " + Path.of("").toAbsolutePath());
    }

    public static JsonNode run(Path prices, Path book, String dates) {
        try {
            Path out = Files.createTempFile("portfolio-reference", ".json");
            Path err = Files.createTempFile("portfolio-reference", ".err");
            Process p = new ProcessBuilder(List.of("python3", script().toString(), "--prices", prices.toString(),
                    "--portfolio", book.toString(), "--dates", dates))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("portfolio_reference.py failed: " + Files.readString(err, StandardCharsets.UTF_8));
            }
            JsonNode json = JsonMapper.builder().build().readTree(out.toFile());
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return json;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
