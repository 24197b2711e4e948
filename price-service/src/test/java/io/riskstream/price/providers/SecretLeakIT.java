package io.riskstream.price.providers;

import io.riskstream.common.security.ApiAccess;
import io.riskstream.testsupport.ApiClient;
import io.riskstream.testsupport.TestTokens;
import io.riskstream.testsupport.ProviderStubServer;
import io.riskstream.testsupport.ProviderStubServer.Answer;
import io.riskstream.testsupport.TestInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * price-service with an FMP key and a database password set to recognisable values, called with an admin bearer
 * token, and a provider that refuses (401, 403, 429, 500) with bodies that echo the request, key included: none of
 * the three appears in
 * the logs, the actuator's answers, error bodies or headers. Kept apart from {@link ProviderRefusalIT}, which checks
 * readiness and metrics under one refusal; this one needs every kind of refusal and the whole output captured.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "riskstream.daily-close.scheduler-enabled=false",
        "riskstream.prices.bootstrap-benchmarks=false",
        // the most a production log level could show: the service's own debug lines and Spring MVC's
        "logging.level.io.riskstream=DEBUG", "logging.level.org.springframework.web=DEBUG"})
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class SecretLeakIT {

    static final String FMP_KEY = "fmpkey-LEAKCHECK-8c1e57";
    static final String DB_PASSWORD = "dbpass-LEAKCHECK-4a92d3";
    /** A real admin token of this JVM's test key: a caller's bearer token must not be echoed or logged either. */
    static final String ADMIN_TOKEN = TestTokens.token(ApiAccess.ADMIN);
    /** Signed by another key: refused, and the refusal must not quote it. */
    static final String STRANGER_TOKEN = TestTokens.refusals(ApiAccess.ADMIN).stream()
            .filter(r -> r.name().equals("another key")).findFirst().orElseThrow().authorization()
            .substring("Bearer ".length());
    static final List<String> SECRETS = List.of(FMP_KEY, DB_PASSWORD, ADMIN_TOKEN, STRANGER_TOKEN);
    static final ProviderStubServer STUB = new ProviderStubServer();
    static final AtomicInteger CALLS = new AtomicInteger();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "price-service", SecretLeakIT.class);
        // the worst provider: every refusal quotes the request it refuses, key and all
        STUB.byDefault("", uri -> switch (CALLS.getAndIncrement() % 4) {
            case 0 -> new Answer(401, "{\"Error Message\":\"Invalid API KEY for " + uri + "\"}", Duration.ZERO);
            case 1 -> new Answer(403, "{\"Error Message\":\"Legacy Endpoint : " + uri + "\"}", Duration.ZERO);
            case 2 -> new Answer(429, "{\"Error Message\":\"Limit Reach for " + uri + "\"}", Duration.ZERO);
            default -> new Answer(500, "<html><body>Internal error at " + uri + "</body></html>", Duration.ZERO);
        });
        STUB.registerAsFmp(registry);
        registry.add("riskstream.market-data.fmp.api-key", () -> FMP_KEY);
        // embedded PostgreSQL trusts local connections: the password is configured (and must stay unseen) either way
        registry.add("spring.datasource.password", () -> DB_PASSWORD);
    }

    @AfterAll
    static void stop() {
        STUB.close();
    }

    @LocalServerPort int port;

    @Test
    void neitherTheProviderKeyNorTheDatabasePasswordNorTheBearerTokenAppearsInLogsActuatorOrErrors(CapturedOutput output) {
        ApiClient admin = new ApiClient(port, ADMIN_TOKEN);
        ApiClient wrongToken = new ApiClient(port, STRANGER_TOKEN);
        ApiClient anonymous = new ApiClient(port);
        List<ApiClient.Answer> answers = new ArrayList<>();
        for (String symbol : List.of("LKA", "LKB", "LKC", "LKD", "LKE", "LKF")) {
            answers.add(admin.post("/api/universe", "{\"symbol\":\"" + symbol + "\",\"tier\":\"WATCHLIST\"}"));
        }
        answers.add(admin.post("/api/universe", "{\"symbol\":\"a\\u0000b\"}"));
        answers.add(admin.post("/api/universe", "{\"symbol\":"));
        answers.add(admin.post("/api/admin/backfill", "{\"from\":\"2023-02-30\"}"));
        answers.add(admin.send("POST", "/api/admin/backfill", "text/plain", "x".getBytes(StandardCharsets.UTF_8)));
        answers.add(wrongToken.post("/api/universe", "{\"symbol\":\"LKX\"}"));
        answers.add(anonymous.post("/api/admin/daily-close", "{}"));
        answers.add(anonymous.get("/api/prices/LKA"));
        answers.add(anonymous.get("/api/prices/%00"));
        answers.add(anonymous.get("/api/universe"));
        answers.add(anonymous.get("/api/runs/not-a-run"));
        answers.add(anonymous.get("/api/nothing-here"));
        for (String actuator : List.of("", "/health", "/health/readiness", "/health/liveness", "/info", "/prometheus",
                "/metrics", "/env", "/configprops", "/beans", "/loggers", "/heapdump", "/threaddump")) {
            answers.add(anonymous.get("/actuator" + actuator));
        }

        assertThat(STUB.requests()).as("the key was sent to the provider, so it was there to leak")
                .anyMatch(uri -> uri.toString().contains(FMP_KEY));
        assertThat(answers).as("the provider refused, and the service said so")
                .anyMatch(a -> a.body().contains("Invalid API KEY") || a.body().contains("Legacy Endpoint"));
        // health answers 503 on purpose while FMP refuses (readiness DOWN with FMP's reason); nothing else is a 5xx
        assertThat(answers.stream().filter(a -> a.status() >= 500 && !a.body().contains("\"status\":\"DOWN\"")))
                .as("no call but health answered 5xx").isEmpty();
        for (ApiClient.Answer answer : answers) {
            for (String secret : SECRETS) {
                assertThat(answer.body()).doesNotContain(secret);
                assertThat(answer.headers().toString()).doesNotContain(secret);
            }
        }
        String logs = output.getAll();
        assertThat(logs).as("the captured logs saw the requests").contains("LKA").contains("/api/universe");
        for (String secret : SECRETS) {
            assertThat(logs).as("logs").doesNotContain(secret);
        }
    }
}
