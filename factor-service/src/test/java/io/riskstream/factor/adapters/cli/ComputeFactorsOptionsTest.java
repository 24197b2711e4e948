package io.riskstream.factor.adapters.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riskstream.common.marketdata.PriceColumn;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line of compute-factors on its own: nothing is read or written here. */
class ComputeFactorsOptionsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void readsEveryOption() throws Exception {
        ComputeFactorsOptions o = parse("--prices", "p", "--out", "f.csv", "--as-of", "2024-12-31, 2023-06-30,2024-12-31",
                "--symbols", "aapl, ,msft", "--price-column", "close");

        assertThat(o.prices()).isEqualTo(Path.of("p"));
        assertThat(o.out()).isEqualTo(Path.of("f.csv"));
        assertThat(o.asOf()).containsExactly(LocalDate.of(2023, 6, 30), LocalDate.of(2024, 12, 31));
        assertThat(o.symbols()).containsExactly("AAPL", "MSFT");
        assertThat(o.column()).isEqualTo(PriceColumn.CLOSE);
        assertThat(parse("--prices", "p", "--out", "f", "--from", "2024-01-02", "--to", "2024-01-31").column())
                .isEqualTo(PriceColumn.ADJ_CLOSE);
    }

    @Test
    void helpIsPrintedOnStdoutAndRunsNothing() throws Exception {
        assertThat(ComputeFactorsOptions.parse(new String[]{"--help"}, stream(out), stream(err))).isNull();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: compute-factors").contains("--prices=DIR")
                .contains("--out=FILE").contains("--as-of=D").contains("--price-column=adj_close|close");
        assertThat(err.size()).isZero();
        assertThat(ComputeFactorsCommand.run(new String[]{"-h"}, stream(out), stream(err))).isZero();
    }

    @Test
    void aBadCommandLineNamesWhatIsWrongThenTheUsage() {
        for (List<String> args : List.of(
                List.of("--prices", "p", "--out", "f", "--pricez", "x"),
                List.of("--prices", "p", "--out", "f", "--from", "2024-01-02"),
                List.of("--prices", "p", "--out", "f", "--from", "2024-02-01", "--to", "2024-01-02"),
                List.of("--prices", "p", "--out", "f", "--as-of", "2024-12-31", "--from", "2024-01-02", "--to", "2024-01-31"),
                List.of("--prices", "p", "--out", "f", "--symbols", " , "),
                List.of("--prices"))) {
            assertThatThrownBy(() -> parse(args.toArray(String[]::new))).as(args.toString())
                    .isInstanceOf(ComputeFactorsOptions.UsageException.class);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("compute-factors: Unknown options: '--pricez'").contains("Possible solutions: --prices")
                .contains("compute-factors: --from and --to go together")
                .contains("compute-factors: --from 2024-02-01 is after --to 2024-01-02")
                .contains("compute-factors: give either --as-of or --from/--to, not both")
                .contains("compute-factors: --symbols needs at least one value")
                .contains("Missing required parameter for option '--prices'")
                .contains("usage: compute-factors");
        assertThat(ComputeFactorsCommand.run(new String[]{"--out"}, stream(out), stream(err))).isEqualTo(2);
    }

    /** bin/riskstream prints its own help without building anything: it must name every option of the command. */
    @Test
    void theScriptsHelpNamesEveryOption() throws Exception {
        Path script = Path.of("").toAbsolutePath().getParent().resolve("bin/riskstream");
        Process p = new ProcessBuilder("bash", script.toString(), "compute-factors", "--help").redirectErrorStream(true).start();
        String help = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(help).isZero();
        List<String> options = new picocli.CommandLine(new ComputeFactorsOptions.Arguments()).getCommandSpec().options()
                .stream().filter(o -> !o.usageHelp()).map(o -> o.longestName()).toList();
        assertThat(options).hasSize(7);
        for (String option : options) {
            assertThat(help).as(option).contains(option + " ");
        }
    }

    private ComputeFactorsOptions parse(String... args) throws ComputeFactorsOptions.UsageException {
        return ComputeFactorsOptions.parse(args, stream(out), stream(err));
    }

    private static PrintStream stream(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }
}
