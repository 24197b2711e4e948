package io.riskstream.localstack;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/riskstream} itself, run with bash as a person would, with its state in a temporary RISKSTREAM_HOME:
 * every command answers --help without starting anything, and a bad command line is refused (status 2, the bad
 * option named) before anything is deleted or started. An integration test because the commands that check their
 * options in Java run from local-stack's packaged classpath (target/lib), which exists after {@code package}; none of
 * these command lines gets as far as a build, a port or a process of the stack.
 */
class BinRiskstreamIT {

    static final List<String> COMMANDS = List.of("up", "down", "demo", "trigger", "status", "lag", "bench", "scale-out", "faults",
            "compute-factors", "help");

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path home;

    record Result(int status, String out, String err) {
    }

    @BeforeEach
    void theScriptAndThePackagedClasspathAreThere() {
        assertThat(ROOT.resolve("bin/riskstream")).isRegularFile();
        assertThat(ROOT.resolve("local-stack/target/lib")).as("local-stack is packaged (this runs after package)")
                .isDirectory();
    }

    @Test
    void everyCommandAnswersHelpWithStatus0AndStartsNothing() throws Exception {
        Path benchMarker = marker("bench");
        Path demoMarker = marker("demo");
        for (String command : COMMANDS) {
            for (String help : List.of("--help", "-h")) {
                Result r = riskstream(command, help);
                assertThat(r.status()).as(command + " " + help + ": " + r.err()).isZero();
                assertThat(r.out()).as(command + " " + help).startsWith("usage: bin/riskstream " + command);
                assertThat(r.err()).as(command + " " + help).isEmpty();
            }
        }
        assertThat(riskstream("trigger", "backfill", "--help").out()).contains("--from D").contains("--follow");
        assertThat(riskstream("status", "6f1c0d2e-0000-4000-8000-000000000001", "-h").status()).isZero();

        Result overview = riskstream();
        assertThat(overview.status()).isZero();
        for (String command : COMMANDS) {
            assertThat(overview.out()).as("the overview lists " + command).containsPattern("(?m)^  " + command + "\\b");
        }
        assertThat(riskstream("help", "lag").out()).startsWith("usage: bin/riskstream lag");
        assertNothingStartedOrDeleted(benchMarker, demoMarker);
    }

    @Test
    void aMisspeltBenchOptionStartsNothingAndDeletesNothing() throws Exception {
        Path benchMarker = marker("bench");

        Result misspelt = riskstream("bench", "--symbolz", "5");
        assertThat(misspelt.status()).as(misspelt.err()).isEqualTo(2);
        assertThat(misspelt.err()).contains("Unknown options: '--symbolz'").contains("Possible solutions: --symbols")
                .contains("Usage: bin/riskstream bench");
        assertThat(misspelt.out()).isEmpty();

        Result instances = riskstream("bench", "--factor-instances", "3");
        assertThat(instances.status()).isEqualTo(2);
        assertThat(instances.err()).contains("--factor-instances: '3' is not 1 or 2");
        Result positions = riskstream("bench", "--symbols", "10", "--positions", "30");
        assertThat(positions.status()).isEqualTo(2);
        assertThat(positions.err()).contains("--positions (30) cannot exceed --symbols (10)");
        Result noValue = riskstream("bench", "--symbols");
        assertThat(noValue.status()).isEqualTo(2);
        assertThat(noValue.err()).contains("Missing required parameter for option '--symbols'");

        assertNothingStartedOrDeleted(benchMarker);
    }

    @Test
    void aDemoOnADirectoryWithoutThePriceFilesNamesThemAndStartsNothing() throws Exception {
        Path demoMarker = marker("demo");
        Path prices = Files.createDirectory(home.resolve("prices"));
        Files.writeString(prices.resolve("AAPL.csv"), "date,open,high,low,close,adj_close,volume\n");

        Result r = riskstream("demo", "--prices", prices.toString());

        assertThat(r.status()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).startsWith("[riskstream] demo on real daily prices");
        assertThat(r.err()).contains("has no file for MSFT, NVDA, AMZN, JPM, JNJ, XOM, KO, PG, SPY, TLT");
        Result unknown = riskstream("demo", "--price", prices.toString());
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown options: '--price'");
        assertNothingStartedOrDeleted(demoMarker);
    }

    @Test
    void badCommandLinesOfTheOtherCommandsAreNamedWithStatus2() throws Exception {
        Result unknown = riskstream("frobnicate");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown command 'frobnicate'");
        Result up = riskstream("up", "--detach");
        assertThat(up.status()).isEqualTo(2);
        assertThat(up.err()).contains("unexpected argument '--detach'").contains("usage: bin/riskstream up");
        Result down = riskstream("down", "now");
        assertThat(down.status()).isEqualTo(2);
        Result lag = riskstream("lag", "--interval", "x");
        assertThat(lag.status()).isEqualTo(2);
        assertThat(lag.err()).contains("'--interval': 'x' is not a number of seconds").doesNotContain("For input string");
        Result status = riskstream("status", "not-a-run");
        assertThat(status.status()).isEqualTo(2);
        assertThat(status.err()).contains("'not-a-run' is not a run id");
        Result cpu = riskstream("scale-out", "--cpu", "half");
        assertThat(cpu.status()).isEqualTo(2);
        assertThat(cpu.err()).contains("--cpu: 'half' is not a number of cores");
        Result share = riskstream("scale-out", "--cpu", "1000");
        assertThat(share.status()).isEqualTo(2);
        assertThat(share.err()).contains("two instances' share at most the");
        Result noBench = riskstream("scale-out");
        assertThat(noBench.status()).isEqualTo(1);
        assertThat(noBench.err()).contains("no benchmark state").contains("run 'bin/riskstream bench' first");
        Result trigger = riskstream("trigger", "backfill", "--to", "2024-12-31");
        assertThat(trigger.status()).isEqualTo(2);
        assertThat(trigger.err()).contains("Missing required option: '--from=YYYY-MM-DD'");
        assertNothingStartedOrDeleted();
    }

    /** The script's help (what a person reads first) names every option the Java commands accept. */
    @Test
    void theScriptsHelpNamesEveryOptionOfTheJavaCommands() throws Exception {
        PrintStream sink = new PrintStream(PrintStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        Map<String, CommandLine> commands = Map.of(
                "trigger", new CommandLine(new TriggerCommand(Map.of(), sink, sink)),
                "status", new CommandLine(new StatusCommand(Map.of(), sink, sink)),
                "lag", new CommandLine(new LagCommand(Map.of(), sink, sink)),
                "bench", new CommandLine(new BenchCommand.Arguments()),
                "scale-out", new CommandLine(new ScaleOutCommand()),
                "demo", new CommandLine(new DemoClient(sink, sink, Clock.systemUTC())));
        for (var entry : commands.entrySet()) {
            String help = riskstream(entry.getKey(), "--help").out();
            List<String> options = new ArrayList<>();
            Stream.concat(Stream.of(entry.getValue()), entry.getValue().getSubcommands().values().stream())
                    .map(CommandLine::getCommandSpec).map(CommandSpec::options).forEach(list -> list.stream()
                            .filter(o -> !o.hidden() && !o.usageHelp()).map(OptionSpec::longestName).forEach(options::add));
            assertThat(options).as(entry.getKey()).isNotEmpty();
            for (String option : options) {
                assertThat(help).as("bin/riskstream %s --help names %s", entry.getKey(), option).contains(option + " ");
            }
        }
    }

    private Path marker(String folder) throws IOException {
        Path marker = home.resolve(folder).resolve("marker");
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, "left by the test");
        return marker;
    }

    /** The markers are there and nothing else: no logs, no pids, no database or broker folder, no build log. */
    private void assertNothingStartedOrDeleted(Path... markers) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(home)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.startsWith(home.resolve("prices"))).toList();
        }
        assertThat(files).containsExactlyInAnyOrder(markers);
    }

    private Result riskstream(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("bin/riskstream").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
        pb.environment().put("RISKSTREAM_HOME", home.toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("KAFKA_BOOTSTRAP");
        pb.environment().remove("RISKSTREAM_PRICE_URL");
        Path out = Files.createTempFile("riskstream-out", ".txt");
        Path err = Files.createTempFile("riskstream-err", ".txt");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("bin/riskstream " + String.join(" ", args) + " did not return");
            }
            return new Result(p.exitValue(), strip(Files.readString(out)), strip(Files.readString(err)));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Without the terminal colours of say() and fail(). */
    private static String strip(String text) {
        return text.replaceAll("\u001B\\[[0-9;]*m", "");
    }
}
