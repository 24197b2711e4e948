package io.riskstream.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU seconds each process of the stack has used so far (user + system, from {@code /proc/PID/stat}), so a phase's
 * share of the cores can be split by process. PostgreSQL forks a backend per connection: all processes named
 * {@code postgres} count as one. Linux only; elsewhere the map is empty.
 */
final class ProcessCpu {

    /** USER_HZ: the unit of the times in /proc/PID/stat, 100 on every Linux architecture the JDK runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    /** process name → CPU seconds, for the {@code name pid} lines of the script's pids file, then PostgreSQL's. */
    static Map<String, Double> sample(Path pidsFile) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        if (pidsFile == null || !Files.exists(pidsFile)) {
            return cpu;
        }
        try {
            for (String line : Files.readAllLines(pidsFile)) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2 && !parts[0].equals("postgres")) {
                    double seconds = seconds(Path.of("/proc", parts[1]));
                    if (seconds >= 0) {
                        cpu.put(parts[0], seconds);
                    }
                }
            }
            double postgres = 0;
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path proc : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                    if (isPostgres(proc)) {
                        postgres += Math.max(0, seconds(proc));
                    }
                }
            }
            cpu.put("postgres (all processes)", postgres);
        } catch (IOException e) {
            // not Linux, or /proc unreadable: no split
        }
        return cpu;
    }

    /** after − before per process (a process that started or ended in between counts what it has). */
    static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> d = new LinkedHashMap<>();
        after.forEach((process, seconds) -> d.put(process, seconds - before.getOrDefault(process, 0.0)));
        return d;
    }

    private static boolean isPostgres(Path proc) {
        try {
            return Files.readString(proc.resolve("comm")).strip().equals("postgres");
        } catch (IOException e) {
            return false;
        }
    }

    /** utime + stime in seconds; -1 when the process is gone. Fields 14 and 15, counted after the ")" of comm. */
    static double seconds(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            List<String> fields = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
            // fields[0] is the state (field 3): utime is field 14, stime field 15
            return (Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12))) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
