package io.riskstream.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One real Kafka broker and one real PostgreSQL per test JVM, each service with its own database on it.
 * With a Docker engine (and {@code TEST_INFRA} not {@code local}): Testcontainers. Otherwise: spring-kafka-test's
 * in-JVM KRaft broker and zonky embedded PostgreSQL, or the server at {@code TEST_PG_URL} when set.
 */
public final class TestInfra {

    private static boolean started;
    private static String mode;
    private static String bootstrap;
    private static String serverUrl;   // jdbc url of the server's maintenance database
    private static String user;
    private static String password;
    private static final Set<String> databases = new HashSet<>();
    private static final List<Runnable> beforeShutdown = new ArrayList<>();

    private TestInfra() {
    }

    public static synchronized void start() {
        if (started) {
            return;
        }
        long t0 = System.nanoTime();
        String wanted = System.getProperty("test.infra", System.getenv().getOrDefault("TEST_INFRA", "auto"));
        if (!"local".equals(wanted) && dockerAvailable()) {
            mode = "docker";
            KafkaContainer kafka = new KafkaContainer("apache/kafka-native:4.2.1");
            PostgreSQLContainer pg = new PostgreSQLContainer("postgres:17-alpine");
            kafka.start();
            pg.start();
            bootstrap = kafka.getBootstrapServers();
            serverUrl = pg.getJdbcUrl();
            user = pg.getUsername();
            password = pg.getPassword();
        } else {
            mode = "local";
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
            broker.brokerProperty("auto.create.topics.enable", "true");
            broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
            broker.brokerProperty("message.max.bytes", "8388608");
            broker.afterPropertiesSet();
            // one hook, in order: what runs on the broker stops first, so its clients do not wait for a dead broker
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                runBeforeShutdown();
                broker.destroy();
            }));
            bootstrap = broker.getBrokersAsString();
            String external = System.getenv("TEST_PG_URL");
            if (external != null && !external.isBlank()) {
                serverUrl = external;
                user = System.getenv().getOrDefault("TEST_PG_USER", "postgres");
                password = System.getenv().getOrDefault("TEST_PG_PASSWORD", "");
            } else {
                try {
                    EmbeddedPostgres pg = EmbeddedPostgres.builder().start(); // stops itself at JVM exit
                    serverUrl = pg.getJdbcUrl("postgres", "postgres");
                    user = "postgres";
                    password = "";
                } catch (Exception e) {
                    throw new IllegalStateException("embedded PostgreSQL failed to start (set TEST_PG_URL to use a "
                            + "running server instead): " + e.getMessage(), e);
                }
            }
        }
        started = true;
        System.out.printf("TestInfra: %s mode, Kafka %s, PostgreSQL %s, started in %d ms%n", mode, bootstrap, serverUrl,
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** Runs {@code task} at JVM exit before the broker stops (e.g. closing application contexts). */
    public static synchronized void beforeShutdown(Runnable task) {
        beforeShutdown.add(task);
    }

    /** Runs the registered tasks once (at the end of the test session, or at the latest at JVM exit). */
    public static synchronized void shutdownClients() {
        runBeforeShutdown();
    }

    private static synchronized void runBeforeShutdown() {
        List<Runnable> tasks = new ArrayList<>(beforeShutdown);
        beforeShutdown.clear();
        for (Runnable task : tasks.reversed()) {
            try {
                task.run();
            } catch (RuntimeException e) {
                System.err.println("TestInfra shutdown task failed: " + e);
            }
        }
    }

    public static String bootstrapServers() {
        start();
        return bootstrap;
    }

    /**
     * JDBC URL of {@code database} on the shared server, created empty on first use in this JVM (a database left by an
     * earlier run on a server named by {@code TEST_PG_URL} is dropped first, so no test starts on old rows).
     */
    public static synchronized String jdbcUrl(String database) {
        start();
        if (databases.add(database)) {
            try (Connection c = DriverManager.getConnection(serverUrl, user, password);
                 Statement s = c.createStatement()) {
                s.execute("drop database if exists \"" + database + "\" with (force)");
                s.execute("create database \"" + database + "\"");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create test database " + database + ": " + e.getMessage(), e);
            }
        }
        int q = serverUrl.indexOf('?');
        String base = q < 0 ? serverUrl : serverUrl.substring(0, q);
        String query = q < 0 ? "" : serverUrl.substring(q);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + query;
    }

    public static String user() {
        start();
        return user;
    }

    public static String password() {
        start();
        return password;
    }

    /**
     * Registers the broker and a database of the test class's own with a Spring test context, and isolates the
     * class's consumers from every other test class of the JVM (which share the broker and its topics): a consumer
     * group of the class's own that starts at the end of each topic, so it never replays another class's records.
     * {@link KafkaListenersReady} holds the first test until every listener has its partitions and their starting
     * offsets are committed, so nothing the test sends can fall before that start. The service accepts the bearer
     * tokens of {@link TestTokens}.
     */
    public static void register(DynamicPropertyRegistry registry, String service, Class<?> testClass) {
        start();
        String name = groupOf(service, testClass);
        registry.add("spring.kafka.bootstrap-servers", TestInfra::bootstrapServers);
        registry.add("spring.kafka.consumer.group-id", () -> name);
        registry.add("spring.kafka.consumer.auto-offset-reset", () -> "latest");
        registry.add("spring.datasource.url", () -> jdbcUrl(name));
        registry.add("spring.datasource.username", TestInfra::user);
        registry.add("spring.datasource.password", TestInfra::password);
        // the tests run in the development environment, where the simulated market is allowed
        registry.add("riskstream.environment", () -> "development");
        // the services accept tokens signed with this JVM's test key (TestTokens)
        TestTokens.register(registry);
    }

    /** The consumer group (and database) {@link #register} gives a test class of a service. */
    public static String groupOf(String service, Class<?> testClass) {
        return service + "-" + kebab(testClass.getSimpleName());
    }

    private static String kebab(String className) {
        return className.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable t) {
            return false;
        }
    }
}
