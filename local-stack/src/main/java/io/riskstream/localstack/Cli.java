package io.riskstream.localstack;

import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * What the Java commands of {@code bin/riskstream} share: picocli run with the given streams (tests pass buffers) and
 * the exit status picocli gives — 0 done or help shown, 1 failed, 2 a bad command line (the message names the option,
 * a misspelt one gets picocli's suggestion, then the usage) — and the value converters whose messages say what a value should be.
 */
final class Cli {

    private Cli() {
    }

    static int execute(Object command, PrintStream out, PrintStream err, String... args) {
        return commandLine(command, out, err).execute(args);
    }

    static CommandLine commandLine(Object command, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setUsageHelpAutoWidth(true);
        // the message, picocli's "did you mean" for a misspelt option, then always the usage
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            PrintWriter w = failed.getErr();
            w.println("error: " + e.getMessage());
            UnmatchedArgumentException.printSuggestions(e, w);
            w.print(failed.getUsageMessage());
            w.flush();
            return failed.getCommandSpec().exitCodeOnInvalidInput();
        });
        return cl;
    }

    /** A whole number of seconds, at least 1. */
    static final class Seconds implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            long seconds;
            try {
                seconds = Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a number of seconds");
            }
            if (seconds < 1) {
                throw new TypeConversionException("'" + value + "' is not a number of seconds (at least 1)");
            }
            return seconds;
        }
    }

    /** A count of at least 1. */
    static final class Positive implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n = Count.parse(value);
            if (n < 1) {
                throw new TypeConversionException("'" + value + "' must be at least 1");
            }
            return n;
        }
    }

    /** A count of at least 0. */
    static final class Count implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n = parse(value);
            if (n < 0) {
                throw new TypeConversionException("'" + value + "' must not be negative");
            }
            return n;
        }

        static int parse(String value) {
            try {
                return Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a whole number");
            }
        }
    }

    /** A run id as {@code bin/riskstream status} lists them. */
    static final class RunId implements ITypeConverter<UUID> {
        @Override
        public UUID convert(String value) {
            try {
                return UUID.fromString(value.strip());
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a run id (a UUID, as listed by bin/riskstream status)");
            }
        }
    }
}
