package io.riskstream.localstack;

import io.riskstream.common.kafka.ConsumerGroupLag;
import io.riskstream.common.kafka.ConsumerGroupLag.Partition;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/riskstream lag [--interval SECONDS] [--bootstrap HOST:PORT]}: the lag of every consumer group per topic
 * and partition, from two samples a few seconds apart. A partition whose records wait while its committed offset
 * did not move between the samples is STALLED; a group with records waiting and no members is STOPPED. Exit status
 * 0 when nothing is flagged, 3 when something is, 1 when the broker cannot be reached, 2 for a bad command line.
 */
@Command(name = "bin/riskstream lag", sortOptions = false,
        description = {"Consumer lag per group, topic and partition from two samples; flags a stalled consumer (records"
                + " wait, committed offset frozen) and a stopped one (records wait, no members)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:nothing flagged", "1:the broker cannot be reached", "2:bad command line",
                "3:a partition is stalled or a group stopped"})
public final class LagCommand implements Callable<Integer> {

    enum Status { OK, CATCHING_UP, STALLED, STOPPED }

    @Option(names = "--interval", paramLabel = "SECONDS", converter = Cli.Seconds.class, defaultValue = "5",
            description = "seconds between the two samples (default: ${DEFAULT-VALUE})")
    long interval;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
            description = "the broker (default: KAFKA_BOOTSTRAP, else 127.0.0.1:19092)")
    String bootstrap;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    LagCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return Cli.execute(new LagCommand(env, out, err), out, err, args);
    }

    @Override
    public Integer call() {
        String broker = bootstrap != null ? bootstrap : env.getOrDefault("KAFKA_BOOTSTRAP", "127.0.0.1:19092");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000))) {
            Map<String, Partition> first = sample(admin);
            Thread.sleep(TimeUnit.SECONDS.toMillis(interval));
            Map<String, Partition> second = sample(admin);
            return print(first, second, out) ? 3 : 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Exception e) {
            err.println("error: reading consumer lag from " + broker + " failed: " + e
                    + " (is the stack running? bin/riskstream up)");
            return 1;
        }
    }

    static Status classify(Partition before, Partition now) {
        if (now.lag() == 0) {
            return Status.OK;
        }
        if (now.members() == 0) {
            return Status.STOPPED;
        }
        boolean moved = before != null && now.committed() > before.committed();
        return moved ? Status.CATCHING_UP : Status.STALLED;
    }

    /** Prints the table; true when a partition is stalled or stopped. */
    static boolean print(Map<String, Partition> before, Map<String, Partition> now, PrintStream out) {
        out.printf("%-24s %-28s %9s %12s %12s %8s  %s%n", "GROUP", "TOPIC", "PARTITION", "COMMITTED", "END", "LAG",
                "STATUS");
        boolean flagged = false;
        List<Partition> rows = new ArrayList<>(now.values());
        rows.sort(Comparator.comparing(Partition::group).thenComparing(Partition::topic).thenComparing(Partition::partition));
        for (Partition p : rows) {
            Status status = classify(before.get(key(p)), p);
            flagged |= status == Status.STALLED || status == Status.STOPPED;
            String note = switch (status) {
                case OK -> "ok";
                case CATCHING_UP -> "catching up";
                case STALLED -> "STALLED: records wait and the committed offset did not move";
                case STOPPED -> "STOPPED: records wait and the group has no members";
            };
            out.printf("%-24s %-28s %9d %12d %12d %8d  %s%n", p.group(), p.topic(), p.partition(), p.committed(),
                    p.end(), p.lag(), note);
        }
        if (rows.isEmpty()) {
            out.println("(no consumer group has committed offsets yet)");
        }
        return flagged;
    }

    private static String key(Partition p) {
        return p.key();
    }

    private static Map<String, Partition> sample(Admin admin) throws Exception {
        return ConsumerGroupLag.sample(admin);
    }
}
