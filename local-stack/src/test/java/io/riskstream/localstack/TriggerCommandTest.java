package io.riskstream.localstack;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.riskstream.common.security.LocalTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TriggerCommandTest {

    private static final String RUN_ID = "6f1c0d2e-0000-4000-8000-00000000b001";
    /** price-service's 202 answer to POST /api/admin/backfill (UniverseController.BackfillAccepted). */
    private static final String ACCEPTED = """
            {"runId":"%s","status":"accepted","from":"2024-01-02","to":"2024-12-31","symbols":2,"runUrl":"/api/runs/%s"}"""
            .formatted(RUN_ID, RUN_ID);
    /** GET /api/runs/{id} (RunController.RunView), trimmed to what the progress view reads. */
    private static final String RUN = """
            {"runId":"%s","kind":"backfill","tradingDate":"2024-12-31","state":"%s",
             "startedAt":"2024-12-31T23:30:00Z","endedAt":%s,
             "stages":{"prices":{"done":%d,"total":2,"failed":%d,"skipped":0,"pending":%d,"settled":%s}},
             "failures":[],"activity":[]}""";

    private final PriceServiceStub price = new PriceServiceStub();
    private final Map<String, String> env = new HashMap<>(Map.of("RISKSTREAM_PRICE_URL", price.url()));
    private String stdout;
    private String stderr;

    @AfterEach
    void stop() {
        price.close();
    }

    @Test
    void dailyCloseCallsTheAdminEndpointWithTheDateAndTheTokenAndSaysWhichRunWorks() {
        env.put("RISKSTREAM_TOKEN", "tok");
        price.answer("/api/admin/daily-close", 200, """
                {"tradingDate":"2024-12-31","status":"triggered","emitted":true,"runId":"%s","eventId":"%s",
                 "firstTriggeredBy":"operator","firstTriggeredAt":"2024-12-31T23:30:00Z"}""".formatted(RUN_ID, RUN_ID));

        assertThat(run("daily-close", "--date", "2024-12-31")).isZero();

        PriceServiceStub.Request r = price.requests().getFirst();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.uri()).isEqualTo("/api/admin/daily-close?force=false&date=2024-12-31");
        assertThat(r.authorization()).isEqualTo("Bearer tok");
        assertThat(stdout).contains("daily close of 2024-12-31 triggered").contains("run " + RUN_ID)
                .contains("follow it: bin/riskstream status " + RUN_ID);
    }

    @Test
    void aRepeatedDailyCloseSaysWhoTriggeredItAndHowToForceIt() {
        price.answer("/api/admin/daily-close", 200, """
                {"tradingDate":"2024-12-31","status":"already triggered","emitted":false,"runId":"%s","eventId":"%s",
                 "firstTriggeredBy":"scheduler","firstTriggeredAt":"2024-12-31T23:30:00Z"}""".formatted(RUN_ID, RUN_ID));

        assertThat(run("daily-close", "--force")).isZero();

        assertThat(price.requests().getFirst().uri()).isEqualTo("/api/admin/daily-close?force=true");
        assertThat(price.requests().getFirst().authorization()).isNull();
        assertThat(stdout).contains("already triggered by scheduler at 2024-12-31T23:30:00Z; nothing emitted (--force emits it again)");
    }

    @Test
    void backfillPostsItsRangeAndSymbolsAndAnswersAtOnceWithItsRun() throws Exception {
        price.answer("/api/admin/backfill", 202, ACCEPTED);

        assertThat(run("backfill", "--from", "2024-01-02", "--symbols", "aapl, msft")).isZero();

        PriceServiceStub.Request r = price.requests().getFirst();
        assertThat(r.uri()).isEqualTo("/api/admin/backfill");
        assertThat(JsonMapper.builder().build().readTree(r.body()).toString())
                .isEqualTo("{\"from\":\"2024-01-02\",\"symbols\":[\"AAPL\",\"MSFT\"]}");
        assertThat(stdout).contains("backfill of 2 symbol(s) from 2024-01-02 to 2024-12-31 accepted")
                .contains("run " + RUN_ID).contains("follow it: bin/riskstream status " + RUN_ID);
        assertThat(price.requests()).hasSize(1);
    }

    @Test
    void followShowsTheRunsProgressPerStageUntilItEndsAndItsOutcomeIsTheExitStatus() {
        price.answer("/api/admin/backfill", 202, ACCEPTED);
        price.answer("/api/runs/" + RUN_ID, 200,
                RUN.formatted(RUN_ID, "running", "null", 1, 0, 1, "false"),
                RUN.formatted(RUN_ID, "succeeded", "\"2024-12-31T23:31:00Z\"", 2, 0, 0, "true"));

        assertThat(run("backfill", "--from", "2024-01-02", "--follow")).isZero();

        assertThat(stdout).contains("prices        [" + "#".repeat(15) + ".".repeat(15) + "]     1/2")
                .contains("prices        [" + "#".repeat(30) + "]     2/2").contains("state SUCCEEDED");
        assertThat(price.requests()).extracting(PriceServiceStub.Request::uri)
                .containsExactly("/api/admin/backfill", "/api/runs/" + RUN_ID, "/api/runs/" + RUN_ID);

        price.answer("/api/runs/" + RUN_ID, 200, RUN.formatted(RUN_ID, "failed", "\"2024-12-31T23:31:00Z\"", 1, 1, 0, "true"));
        assertThat(run("backfill", "--from", "2024-01-02", "--follow")).as("a failed run").isEqualTo(1);
        assertThat(stdout).contains("state FAILED");
    }

    @Test
    void jsonPrintsTheAnswerAsItIs() {
        price.answer("/api/admin/backfill", 202, ACCEPTED);

        assertThat(run("backfill", "--from", "2024-01-02", "--json")).isZero();

        assertThat(stdout.strip()).isEqualTo(ACCEPTED);
    }

    @Test
    void withTheLocalSigningKeyItSendsAShortLivedAdminToken(@TempDir Path dir) throws Exception {
        KeyPair keys = LocalTokens.generateKeyPair();
        Path key = Files.writeString(dir.resolve("signing-key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        env.put("RISKSTREAM_SIGNING_KEY", key.toString());
        price.answer("/api/admin/backfill", 202, ACCEPTED);

        assertThat(run("backfill", "--from", "2024-01-02")).isZero();

        String authorization = price.requests().getFirst().authorization();
        assertThat(authorization).startsWith("Bearer ");
        SignedJWT jwt = SignedJWT.parse(authorization.substring("Bearer ".length()));
        assertThat(jwt.verify(new RSASSAVerifier((RSAPublicKey) keys.getPublic()))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getStringClaim("scope")).isEqualTo("admin");
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("riskstream-local");
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("riskstream");
    }

    @Test
    void anUnauthorizedAnswerSaysWhichTokenIsNeeded() {
        price.answer("/api/admin/backfill", 401, """
                {"type":"about:blank","title":"Unauthorized","status":401,"detail":"a bearer token is required"}""");

        assertThat(run("backfill", "--from", "2024-01-02")).isEqualTo(1);

        assertThat(stderr).contains("price-service answered HTTP 401: a bearer token is required")
                .contains("RISKSTREAM_SIGNING_KEY").contains("RISKSTREAM_TOKEN");
    }

    @Test
    void aRefusalIsTheServicesReasonAndStatus1() {
        price.answer("/api/admin/backfill", 400, """
                {"type":"about:blank","title":"Invalid request","status":400,"detail":"symbols[] 'B X' is not a symbol"}""");

        assertThat(run("backfill", "--from", "2024-01-02", "--symbols", "B X")).isEqualTo(1);

        assertThat(stderr).contains("price-service answered HTTP 400: symbols[] 'B X' is not a symbol");
    }

    @Test
    void aBadCommandLineNamesWhatIsWrongWithStatus2AndCallsNothing() {
        assertThat(run()).isEqualTo(2);
        assertThat(stderr).contains("what to trigger: daily-close or backfill").contains("Usage: bin/riskstream trigger");
        assertThat(run("backfill")).isEqualTo(2);
        assertThat(stderr).contains("Missing required option: '--from=YYYY-MM-DD'");
        assertThat(run("daily-close", "--date", "31.12.2024")).isEqualTo(2);
        assertThat(stderr).contains("--date").contains("'31.12.2024' is not a date (YYYY-MM-DD)");
        assertThat(run("daily-close", "--when", "x")).isEqualTo(2);
        assertThat(stderr).contains("Unknown options: '--when'");
        assertThat(run("backfill", "--from", "2024-03-01", "--to", "2024-02-01")).isEqualTo(2);
        assertThat(stderr).contains("--from 2024-03-01 is after --to 2024-02-01");
        assertThat(run("nope")).isEqualTo(2);
        assertThat(stderr).contains("'nope'");
        assertThat(price.requests()).isEmpty();
    }

    @Test
    void helpIsShownWithStatus0ForTheCommandAndEachTrigger() {
        assertThat(run("--help")).isZero();
        assertThat(stdout).contains("Usage: bin/riskstream trigger").contains("daily-close").contains("backfill");
        assertThat(run("backfill", "-h")).isZero();
        assertThat(stdout).contains("--from=YYYY-MM-DD").contains("--symbols").contains("--follow").contains("--json");
        assertThat(run("daily-close", "--help")).isZero();
        assertThat(stdout).contains("--date=YYYY-MM-DD").contains("--force");
        assertThat(price.requests()).isEmpty();
    }

    private int run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = TriggerCommand.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        stdout = out.toString(StandardCharsets.UTF_8);
        stderr = err.toString(StandardCharsets.UTF_8);
        return status;
    }
}
