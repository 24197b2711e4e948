package io.riskstream.faults;

import io.riskstream.common.security.LocalTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The local stack as real processes, started the way {@code bin/riskstream up} starts them (PostgreSQL from zonky's
 * binaries, a KRaft broker from the Kafka jars, each service from its exec jar), so that a scenario can SIGKILL a
 * service, stop the broker or the database for a while, and start them again on the same data.
 */
final class StackProcesses implements AutoCloseable {

    static final List<String> SERVICES = List.of("price-service", "profile-service", "fundamentals-service",
            "factor-service", "portfolio-service");
    static final Map<String, Integer> PORTS = Map.of("price-service", 8081, "profile-service", 8082,
            "fundamentals-service", 8083, "factor-service", 8084, "portfolio-service", 8085);
    private static final Map<String, String> DB_ENV = Map.of("price-service", "PRICE_DB_URL", "profile-service",
            "PROFILE_DB_URL", "fundamentals-service", "FUNDAMENTALS_DB_URL", "factor-service", "FACTOR_DB_URL",
            "portfolio-service", "PORTFOLIO_DB_URL");
    private static final Map<String, String> PORT_ENV = Map.of("price-service", "PRICE_PORT", "profile-service",
            "PROFILE_PORT", "fundamentals-service", "FUNDAMENTALS_PORT", "factor-service", "FACTOR_PORT",
            "portfolio-service", "PORTFOLIO_PORT");

    /** A service instance: its service, its own name (a second replica gets "-2") and HTTP port. */
    record Instance(String service, String name, int port) {
    }

    private final Path root;
    private final Path state;
    private final String java;
    private final int pgPort;
    private final int kafkaPort;
    private final Map<String, String> serviceEnv;
    private final Map<String, Process> running = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final Map<String, Integer> startCounts = new LinkedHashMap<>();
    private final Map<String, Launch> launches = new LinkedHashMap<>();
    /**
     * How long a service may take to become ready: 180 s, or RISKSTREAM_FAULTS_READY_SECONDS on a machine busy with
     * other work (a service's start-up includes its first provider calls, such as price-service's benchmark bootstrap).
     */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(Long.parseLong(
            System.getenv().getOrDefault("RISKSTREAM_FAULTS_READY_SECONDS", "180")));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final KeyPair keys = LocalTokens.generateKeyPair();
    private final LocalTokens tokens = new LocalTokens(keys.getPrivate(), LocalTokens.LOCAL_ISSUER,
            LocalTokens.LOCAL_AUDIENCE, Clock.systemUTC());

    StackProcesses(Path root, Path state, String java, int pgPort, int kafkaPort, Map<String, String> serviceEnv) {
        this.root = root;
        this.state = state;
        this.java = java;
        this.pgPort = pgPort;
        this.kafkaPort = kafkaPort;
        this.serviceEnv = Map.copyOf(serviceEnv);
        // an interrupted suite (Ctrl-C) must not leave services, a broker or a database behind
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(running.values()).forEach(Process::destroy)));
    }

    /** Tokens the services of this stack accept: signed with a key pair made for this run. */
    LocalTokens tokens() {
        return tokens;
    }

    /** The services' token settings: the local issuer and audience, and this stack's public key. */
    private Map<String, String> tokenSettings() throws IOException {
        Path publicKey = state.resolve("keys/signing-key.pub.pem");
        Files.createDirectories(publicKey.getParent());
        Files.writeString(publicKey, LocalTokens.publicKeyPem(keys.getPublic()));
        return Map.of("RISKSTREAM_SECURITY_ISSUER", LocalTokens.LOCAL_ISSUER,
                "RISKSTREAM_SECURITY_AUDIENCE", LocalTokens.LOCAL_AUDIENCE,
                "RISKSTREAM_SECURITY_PUBLIC_KEY_LOCATION", publicKey.toUri().toString());
    }

    String bootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    String jdbcUrl(String service) {
        return "jdbc:postgresql://127.0.0.1:" + pgPort + "/" + service;
    }

    /** PostgreSQL, the broker, then the five services (with {@code serviceArgs}: extra arguments per service). */
    void startAll(Map<String, List<String>> serviceArgs) throws IOException, InterruptedException {
        Files.createDirectories(state.resolve("logs"));
        startPostgres();
        startKafka();
        for (String s : SERVICES) {
            launch(new Instance(s, s, PORTS.get(s)), Map.of(), serviceArgs.getOrDefault(s, List.of()).toArray(String[]::new));
        }
        for (String s : SERVICES) {
            awaitReady(s, READY_TIMEOUT);
        }
    }

    void startPostgres() throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx128m", "-cp", localStackClasspath(),
                "io.riskstream.localstack.LocalPostgres", String.valueOf(pgPort), state.resolve("pgdata").toString()));
        cmd.addAll(SERVICES);
        start("postgres", cmd, Map.of());
        awaitLog("postgres", "PostgreSQL ready", Duration.ofSeconds(60));
    }

    void startKafka() throws IOException, InterruptedException {
        Path dir = state.resolve("kafka");
        Files.createDirectories(dir);
        Path props = dir.resolve("server.properties");
        Files.writeString(props, """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%d
                listeners=PLAINTEXT://127.0.0.1:%d,CONTROLLER://127.0.0.1:%d
                advertised.listeners=PLAINTEXT://127.0.0.1:%d
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%s
                num.partitions=6
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                auto.create.topics.enable=true
                message.max.bytes=8388608
                """.formatted(kafkaPort + 1, kafkaPort, kafkaPort + 1, kafkaPort, dir.resolve("data")));
        String cp = root.resolve("local-stack/target/lib").toString() + "/*";
        if (!Files.exists(dir.resolve("data/meta.properties"))) {
            Process format = new ProcessBuilder(java, "-cp", cp, "kafka.tools.StorageTool", "format", "-t",
                    "riskstream-faults-0000000", "-c", props.toString())
                    .redirectErrorStream(true).redirectOutput(state.resolve("logs/kafka-format.log").toFile()).start();
            if (format.waitFor() != 0) {
                throw new IllegalStateException("formatting the Kafka log directory failed; see "
                        + state.resolve("logs/kafka-format.log"));
            }
        }
        start("kafka", List.of(java, "-Xmx512m", "-cp", cp, "-Dlog4j2.configurationFile="
                + root.resolve("local-stack/target/classes/kafka-log4j2.properties"), "kafka.Kafka", props.toString()),
                Map.of());
        awaitLog("kafka", "Kafka Server started", Duration.ofSeconds(60));
    }

    /** Starts a service instance (a replica when {@code name} differs from the service) with extra settings. */
    void launch(Instance instance, Map<String, String> extraEnv, String... extraArgs) throws IOException {
        Map<String, String> env = new LinkedHashMap<>(serviceEnv);
        env.put("KAFKA_BOOTSTRAP", bootstrap());
        env.put("DB_USER", "postgres");
        env.put("DB_PASSWORD", "");
        env.putAll(tokenSettings());
        env.put(DB_ENV.get(instance.service()), jdbcUrl(instance.service()));
        env.put(PORT_ENV.get(instance.service()), String.valueOf(instance.port()));
        env.putAll(extraEnv);
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar",
                jar(instance.service()).toString()));
        cmd.addAll(List.of(extraArgs));
        instances.put(instance.name(), instance);
        launches.put(instance.name(), new Launch(cmd, env));
        start(instance.name(), cmd, env);
    }

    /** Starts a stopped or killed service instance again with the settings it had. */
    void restart(String name) throws IOException, InterruptedException {
        Launch launch = launches.get(name);
        start(name, launch.command(), launch.env());
        awaitReady(name, READY_TIMEOUT);
    }

    private record Launch(List<String> command, Map<String, String> env) {
    }

    /** SIGKILL: no shutdown hook, no flushed outbox, no committed offsets. */
    void kill(String name) throws InterruptedException {
        Process p = running.remove(name);
        if (p != null) {
            p.destroyForcibly();
            p.waitFor();
        }
    }

    /** SIGTERM and wait: a graceful stop (the broker's and PostgreSQL's own shutdown). */
    void stop(String name) throws InterruptedException {
        Process p = running.remove(name);
        if (p != null) {
            p.destroy();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    boolean alive(String name) {
        Process p = running.get(name);
        return p != null && p.isAlive();
    }

    void awaitReady(String name, Duration timeout) throws InterruptedException {
        Instance instance = instances.get(name);
        long deadline = System.nanoTime() + timeout.toNanos();
        URI health = URI.create("http://127.0.0.1:" + instance.port() + "/actuator/health/readiness");
        while (System.nanoTime() < deadline) {
            if (!alive(name)) {
                throw new IllegalStateException(name + " exited during start-up; log: " + log(name));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " did not become ready within " + timeout + "; log: " + log(name));
    }

    /** The log of the instance's latest start (each start writes its own file: name.N.log). */
    Path log(String name) {
        return state.resolve("logs").resolve(name + "." + startCounts.getOrDefault(name, 0) + ".log");
    }

    private void start(String name, List<String> cmd, Map<String, String> env) throws IOException {
        startCounts.merge(name, 1, Integer::sum);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log(name).toFile());
        pb.environment().putAll(env);
        running.put(name, pb.start());
    }

    private void awaitLog(String name, String pattern, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!alive(name)) {
                throw new IllegalStateException(name + " exited during start-up; log: " + log(name));
            }
            if (Files.readString(log(name)).contains(pattern)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " did not start within " + timeout + "; log: " + log(name));
    }

    private Path jar(String service) throws IOException {
        try (Stream<Path> files = Files.list(root.resolve(service).resolve("target"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no exec jar of " + service + " under "
                            + root.resolve(service).resolve("target") + " (run ./mvnw -DskipTests package)"));
        }
    }

    private String localStackClasspath() {
        return root.resolve("local-stack/target/classes") + ":" + root.resolve("local-stack/target/lib") + "/*";
    }

    @Override
    public void close() throws InterruptedException {
        List<String> names = new ArrayList<>(running.keySet());
        // services first (they commit what they can), then the broker, then PostgreSQL
        for (String name : names) {
            if (!name.equals("kafka") && !name.equals("postgres")) {
                stop(name);
            }
        }
        stop("kafka");
        stop("postgres");
    }
}
