package io.riskstream.system;

import io.riskstream.factor.FactorServiceApplication;
import io.riskstream.fundamentals.FundamentalsServiceApplication;
import io.riskstream.portfolio.PortfolioServiceApplication;
import io.riskstream.price.PriceServiceApplication;
import io.riskstream.profile.ProfileServiceApplication;
import io.riskstream.testsupport.TestInfra;
import io.riskstream.testsupport.TestTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The five services, each a Spring Boot application with its own configuration file (read from its module) and its
 * own database, started in this JVM against the test broker. Shared by the system tests of one JVM.
 */
final class RiskstreamSystem {

    /** The as-of date of the simulated market in these tests: fixed, so every run computes the same numbers. */
    static final String AS_OF = "2024-12-31";

    static final Map<String, Class<?>> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("price-service", PriceServiceApplication.class);
        SERVICES.put("profile-service", ProfileServiceApplication.class);
        SERVICES.put("fundamentals-service", FundamentalsServiceApplication.class);
        SERVICES.put("factor-service", FactorServiceApplication.class);
        SERVICES.put("portfolio-service", PortfolioServiceApplication.class);
    }

    private static RiskstreamSystem shared;

    private final Map<String, ConfigurableApplicationContext> running = new LinkedHashMap<>();
    private final List<String> settings;

    private RiskstreamSystem(List<String> settings) {
        this.settings = List.copyOf(settings);
    }

    /** The system on the simulated market (the development environment), shared by the system tests of one JVM. */
    static synchronized RiskstreamSystem shared() {
        if (shared == null) {
            shared = started(List.of("--riskstream.environment=development"));
        }
        return shared;
    }

    /**
     * A system with its own settings (e.g. real providers played by a stub server). It uses the same topics and
     * databases as {@link #shared()}, so a test class using it runs in a JVM of its own (see the pom).
     */
    static synchronized RiskstreamSystem started(List<String> settings) {
        RiskstreamSystem system = new RiskstreamSystem(settings);
        SERVICES.keySet().forEach(system::start);
        TestInfra.beforeShutdown(system::stopAll);
        return system;
    }

    synchronized void start(String service) {
        if (running.containsKey(service)) {
            return;
        }
        Path config = root().resolve(service).resolve("src/main/resources/application.yml");
        if (!Files.isRegularFile(config)) {
            throw new IllegalStateException("configuration of " + service + " not found at " + config);
        }
        // command-line arguments, because they outrank the service's own configuration file
        List<String> args = new java.util.ArrayList<>(List.of(
                "--spring.config.location=file:" + config,
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + TestInfra.bootstrapServers(),
                "--spring.datasource.url=" + TestInfra.jdbcUrl(service),
                "--spring.datasource.username=" + TestInfra.user(),
                "--spring.datasource.password=" + TestInfra.password(),
                "--spring.datasource.hikari.maximum-pool-size=5",
                "--riskstream.outbox.poll-interval=50ms",
                "--riskstream.market-data.as-of-date=" + AS_OF,
                "--riskstream.daily-close.scheduler-enabled=false",
                "--riskstream.lag-monitor.interval=1s",
                "--spring.main.banner-mode=off",
                "--spring.main.register-shutdown-hook=false"));
        // the services accept the tokens of this JVM's test key (TestTokens)
        TestTokens.properties().forEach((name, value) -> args.add("--" + name + "=" + value));
        args.addAll(settings);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SERVICES.get(service))
                .run(args.toArray(String[]::new));
        running.put(service, context);
    }

    synchronized void stop(String service) {
        ConfigurableApplicationContext context = running.remove(service);
        if (context != null) {
            context.close();
        }
    }

    synchronized void stopAll() {
        new java.util.ArrayList<>(running.keySet()).reversed().forEach(this::stop);
    }

    ConfigurableApplicationContext context(String service) {
        return running.get(service);
    }

    int port(String service) {
        return ((WebServerApplicationContext) running.get(service)).getWebServer().getPort();
    }

    String url(String service) {
        return "http://127.0.0.1:" + port(service);
    }

    /** Direct database access for assertions (the services themselves never read each other's databases). */
    JdbcTemplate jdbc(String service) {
        return new JdbcTemplate(new SimpleDriverDataSource(new org.postgresql.Driver(), TestInfra.jdbcUrl(service),
                TestInfra.user(), TestInfra.password()));
    }

    static Path root() {
        String root = System.getProperty("riskstream.root");
        return (root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent()).normalize();
    }
}
