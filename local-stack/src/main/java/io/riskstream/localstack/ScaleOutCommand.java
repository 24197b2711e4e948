package io.riskstream.localstack;

import io.riskstream.common.event.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * {@code bin/riskstream scale-out}: factor-service alone replaying the benchmark's {@code prices-ready} into a fresh
 * database and consumer group, first with one instance, then with two, each instance held to the same CPU share by
 * its own cgroup (the broker and PostgreSQL unlimited). The script starts and stops the processes; this class plans
 * (checks the options), measures one replay, and reports the two.
 *
 * <p>A replay is measured from the broker and the replay's database: records of {@code prices-ready} committed by the
 * group, and the work still queued behind them (dates waiting for the benchmark ETFs, unpublished outbox rows). The
 * rate that compares the two is the steady one, between 10% and 90% of the records committed, so the instances'
 * start-up and the last stragglers do not count; the whole replay's time is reported beside it.
 */
@Command(name = "bin/riskstream scale-out", sortOptions = false,
        description = {"factor-service alone replaying the benchmark's prices-ready (run 'bin/riskstream bench' first):"
                + " one instance, then two, each held to the same CPU share; prints records per second and the ratio."},
        subcommands = {ScaleOutCommand.Plan.class, ScaleOutCommand.Measure.class, ScaleOutCommand.Report.class})
public final class ScaleOutCommand {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** One replay's figures, as {@code measure} writes them and {@code report} reads them. */
    record Replay(int instances, double cpuPerInstance, long records, double steadyRecordsPerSecond,
                  double wholeSeconds, double cpuSecondsUsed, boolean finished, Map<String, Double> steadyCores) {
    }

    ScaleOutCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return Cli.execute(new ScaleOutCommand(), out, err, args);
    }

    /** The user's options, checked before anything starts; prints the settings the script reads. */
    @Command(name = "plan", description = "check the options and print the script's settings")
    static final class Plan implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--cpu", paramLabel = "CORES", defaultValue = "0.5",
                description = "CPU share of each factor-service instance, in cores (default: ${DEFAULT-VALUE})")
        String cpu;

        @Option(names = "--timeout", paramLabel = "SECONDS", converter = Cli.Seconds.class, defaultValue = "1200",
                description = "how long one replay may take (default: ${DEFAULT-VALUE})")
        long timeout;

        @Option(names = "--json", paramLabel = "FILE", description = "also write the figures to FILE as JSON")
        Path json;

        @Override
        public Integer call() {
            double cores = cores(spec, cpu);
            if (json != null && (json.toAbsolutePath().getParent() == null
                    || !Files.isDirectory(json.toAbsolutePath().getParent()) || Files.isDirectory(json))) {
                throw new ParameterException(spec.commandLine(), "--json: '" + json + "' is not a file in an existing folder");
            }
            int period = 100_000;
            spec.commandLine().getOut().printf("CPU_PERIOD_US=%d%nCPU_QUOTA_US=%d%nTIMEOUT=%d%nJSON=%s%n", period,
                    Math.round(cores * period), timeout, json == null ? "" : json.toAbsolutePath());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    static double cores(CommandSpec spec, String value) {
        double cores;
        try {
            cores = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "--cpu: '" + value + "' is not a number of cores");
        }
        int available = Runtime.getRuntime().availableProcessors();
        if (!(cores >= 0.05) || cores * 2 > available) {
            throw new ParameterException(spec.commandLine(), "--cpu: '" + value + "' must be at least 0.05 and two"
                    + " instances' share at most the " + available + " cores of this machine");
        }
        return cores;
    }

    /** One replay: waits until the group has committed every record and the queued work is done. */
    @Command(name = "measure", hidden = true)
    static final class Measure implements Callable<Integer> {
        @Option(hidden = true, names = "--bootstrap", required = true)
        String bootstrap;
        @Option(hidden = true, names = "--group", required = true)
        String group;
        @Option(hidden = true, names = "--jdbc-url", required = true)
        String jdbcUrl;
        @Option(hidden = true, names = "--instances", required = true)
        int instances;
        @Option(hidden = true, names = "--cpu", required = true)
        double cpu;
        @Option(hidden = true, names = "--cpuacct", split = ",", description = "the instances' cpuacct cgroup folders")
        List<Path> cpuacct = List.of();
        @Option(hidden = true, names = "--timeout", converter = Cli.Seconds.class, required = true)
        long timeout;
        @Option(hidden = true, names = "--pids", description = "the stack's pids file (broker, PostgreSQL's CPU)")
        Path pids;
        @Option(hidden = true, names = "--result", required = true)
        Path result;
        @Option(hidden = true, names = "--instance-pids", split = ",",
                description = "the instances' processes: a replay in which one exits measures nothing")
        List<Long> instancePids = List.of();

        @Override
        public Integer call() throws Exception {
            if (anInstanceExited()) {
                return 1;
            }
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
                Map<TopicPartition, Long> start = offsets(admin, OffsetSpec.earliest());
                Map<TopicPartition, Long> end = offsets(admin, OffsetSpec.latest());
                long total = 0;
                for (TopicPartition tp : end.keySet()) {
                    total += end.get(tp) - start.get(tp);
                }
                System.out.printf("    replaying %,d prices-ready records (%d partitions) with %d instance(s) of %.2f"
                        + " cores each%n", total, end.size(), instances, cpu);
                long t0 = System.nanoTime(), deadline = t0 + Duration.ofSeconds(timeout).toNanos();
                double first = Double.NaN, at10 = Double.NaN, at90 = Double.NaN, done = Double.NaN, lastPrint = 0;
                // CPU used between 10 % and 90 % committed: the instances' (their cgroups), the broker's, PostgreSQL's
                Map<String, Double> cpuAt10 = Map.of(), steadyCores = new LinkedHashMap<>();
                while (System.nanoTime() < deadline) {
                    if (anInstanceExited()) {
                        return 1;
                    }
                    long consumed = committed(admin, start);
                    double t = (System.nanoTime() - t0) / 1e9;
                    if (consumed > 0 && Double.isNaN(first)) {
                        first = t;
                    }
                    if (consumed >= 0.1 * total && Double.isNaN(at10)) {
                        at10 = t;
                        cpuAt10 = cpuNow();
                    }
                    if (consumed >= 0.9 * total && Double.isNaN(at90)) {
                        at90 = t;
                        if (at90 > at10) {
                            double window = at90 - at10;
                            ProcessCpu.delta(cpuAt10, cpuNow()).forEach((who, seconds) ->
                                    steadyCores.put(who, Math.round(seconds / window * 100) / 100.0));
                        }
                    }
                    long queued = consumed >= total ? queued() : -1;
                    if (t - lastPrint >= 10) {
                        System.out.printf("    %6.0f s  %,d/%,d committed%s%n", t, consumed, total,
                                queued > 0 ? ", " + queued + " queued" : "");
                        lastPrint = t;
                    }
                    if (queued == 0) {
                        done = t;
                        break;
                    }
                    Thread.sleep(250);
                }
                boolean finished = !Double.isNaN(done);
                double steady = Double.isNaN(at90) || at90 <= at10 ? Double.NaN : 0.8 * total / (at90 - at10);
                Replay replay = new Replay(instances, cpu, total, steady, finished ? done - first : Double.NaN,
                        cpuSeconds(), finished, steadyCores);
                JSON.writeValue(result.toFile(), replay);
                if (!finished) {
                    System.err.printf("the replay with %d instance(s) did not finish within %d s%n", instances, timeout);
                    return 1;
                }
                System.out.printf("    done: %.1f s from the first commit, steady %.0f records/s, %.1f CPU seconds%n",
                        replay.wholeSeconds(), steady, replay.cpuSecondsUsed());
                if (!steadyCores.isEmpty()) {
                    System.out.println("    cores used while steady (10 % to 90 % committed): " + steadyCores);
                }
                return 0;
            }
        }

        /**
         * Whether an instance's process has exited (and says which), e.g. after a failed start: the replay would go on
         * with fewer instances than it reports.
         */
        private boolean anInstanceExited() {
            for (int i = 0; i < instancePids.size(); i++) {
                if (!ProcessHandle.of(instancePids.get(i)).map(ProcessHandle::isAlive).orElse(false)) {
                    System.err.printf("factor-service instance %d of %d (pid %d) exited during the replay; its log:"
                            + " factor-replay-%d-%d.log in the logs folder%n", i + 1, instances, instancePids.get(i),
                            instances, i + 1);
                    return true;
                }
            }
            return false;
        }

        private Map<TopicPartition, Long> offsets(Admin admin, OffsetSpec spec) throws ExecutionException,
                InterruptedException {
            int partitions = admin.describeTopics(List.of(Topics.PRICES_READY)).allTopicNames().get()
                    .get(Topics.PRICES_READY).partitions().size();
            Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
            for (int p = 0; p < partitions; p++) {
                request.put(new TopicPartition(Topics.PRICES_READY, p), spec);
            }
            Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
            admin.listOffsets(request).all().get().forEach((tp, info) -> offsets.put(tp, info.offset()));
            return offsets;
        }

        private long committed(Admin admin, Map<TopicPartition, Long> start) throws ExecutionException,
                InterruptedException {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            long consumed = 0;
            for (Map.Entry<TopicPartition, Long> e : start.entrySet()) {
                OffsetAndMetadata o = committed.get(e.getKey());
                consumed += o == null ? 0 : Math.max(0, o.offset() - e.getValue());
            }
            return consumed;
        }

        /** Dates waiting for the benchmark ETFs and unpublished outbox rows; -1 while the schema is not there yet. */
        private long queued() {
            try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select (select count(*) from pending_calculation)"
                         + " + (select count(*) from outbox_event where published_at is null)")) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                return -1;
            }
        }

        /** CPU seconds so far: the instances together (their cgroups), and the stack's other processes. */
        private Map<String, Double> cpuNow() {
            Map<String, Double> now = new LinkedHashMap<>();
            double instancesCpu = cpuSeconds();
            if (!Double.isNaN(instancesCpu)) {
                now.put("factor-service instances", instancesCpu);
            }
            ProcessCpu.sample(pids).forEach((who, seconds) -> {
                if (!who.startsWith("factor-replay")) { // counted by their cgroups
                    now.put(who, seconds);
                }
            });
            return now;
        }

        /** CPU time the instances used, from their cpuacct cgroups (NaN where the controller is not there). */
        private double cpuSeconds() {
            double seconds = 0;
            for (Path group : cpuacct) {
                try {
                    seconds += Long.parseLong(Files.readString(group.resolve("cpuacct.usage")).strip()) / 1e9;
                } catch (IOException | NumberFormatException e) {
                    return Double.NaN;
                }
            }
            return cpuacct.isEmpty() ? Double.NaN : seconds;
        }
    }

    /** The replays side by side, and the scale-out ratio of their steady rates. */
    @Command(name = "report", hidden = true)
    static final class Report implements Callable<Integer> {
        @Option(hidden = true, names = "--results", split = ",", required = true)
        List<Path> results;
        @Option(hidden = true, names = "--json")
        Path json;

        @Override
        public Integer call() throws IOException {
            List<Replay> replays = new ArrayList<>();
            for (Path r : results) {
                if (Files.exists(r)) { // a replay that could not even be measured left none
                    replays.add(JSON.readValue(r.toFile(), Replay.class));
                }
            }
            System.out.println();
            System.out.println("factor-service replaying prices-ready, each instance held to the same CPU share");
            System.out.printf("%-10s %12s %10s %16s %14s %12s%n", "instances", "cores each", "records",
                    "steady records/s", "whole (s)", "CPU used (s)");
            for (Replay r : replays) {
                System.out.printf("%-10d %12.2f %10d %16.0f %14.1f %12.1f%n", r.instances(), r.cpuPerInstance(),
                        r.records(), r.steadyRecordsPerSecond(), r.wholeSeconds(), r.cpuSecondsUsed());
            }
            for (Replay r : replays) {
                if (r.steadyCores() != null && !r.steadyCores().isEmpty()) {
                    System.out.printf("cores used while steady, %d instance(s): %s%n", r.instances(), r.steadyCores());
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("format", 1);
            out.put("replays", replays);
            if (replays.size() == 2 && replays.get(0).finished() && replays.get(1).finished()) {
                double ratio = replays.get(1).steadyRecordsPerSecond() / replays.get(0).steadyRecordsPerSecond();
                double whole = replays.get(0).wholeSeconds() / replays.get(1).wholeSeconds();
                System.out.printf("scale-out: %.2f× the steady rate, %.2f× the whole replay%n", ratio, whole);
                out.put("steadyRatio", ratio);
                out.put("wholeRatio", whole);
            }
            if (json != null) {
                JSON.writeValue(json.toFile(), out);
                System.out.println("figures written to " + json);
            }
            return 0;
        }
    }
}
