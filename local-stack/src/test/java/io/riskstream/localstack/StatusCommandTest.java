package io.riskstream.localstack;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StatusCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String RUN = """
            {"runId":"6f1c0d2e-0000-4000-8000-000000000001","kind":"daily-close","tradingDate":"2024-12-27",
             "state":"running","startedAt":"2024-12-27T23:30:00.123456Z","endedAt":null,
             "stages":{
               "prices":{"done":18,"total":24,"failed":1,"skipped":2,"pending":3,"settled":false},
               "profiles":{"done":5,"total":null,"failed":0,"skipped":0,"pending":null,"settled":true},
               "fundamentals":{"done":0,"total":null,"failed":0,"skipped":0,"pending":null,"settled":true},
               "factors":{"done":10,"total":18,"failed":0,"skipped":0,"pending":8,"settled":false},
               "portfolios":{"done":0,"total":0,"failed":0,"skipped":0,"pending":0,"settled":false}},
             "failures":[{"stage":"prices","subject":"BADX","reason":"java.lang.IllegalStateException: quota spent","at":"2024-12-27T23:30:05Z"}],
             "activity":[{"at":"2024-12-27T23:30:09.5Z","stage":"factors","subject":"AAPL","status":"done","events":1}],
             "freshness":{"latestSession":"2024-12-27","datasets":{
               "prices":{"subjects":24,"staleness":{"current":20,"1":3,"2+":1},"maxTradingDays":4}}}}""";

    @Test
    void aRunShowsABarPerStageWithDoneOverTotalFailuresAndActivity() throws Exception {
        String text = StatusCommand.renderRun(JSON.readTree(RUN));
        assertThat(text).contains("run 6f1c0d2e-0000-4000-8000-000000000001  daily-close 2024-12-27");
        assertThat(text).contains("state RUNNING   started 2024-12-27T23:30:00Z   ended -");
        // 20 of 24 processed (18 done + 2 up to date), 1 failed: 25 of 30 cells done, 2 failed, 3 pending
        assertThat(text).contains("prices        [" + "#".repeat(25) + "xx" + "...]    20/24     87%  failed 1  (2 up to date)");
        assertThat(text).contains("profiles      [ no total declared            ]     5/?");
        assertThat(text).contains("factors       [" + "#".repeat(16) + ".".repeat(14) + "]    10/18     55%");
        assertThat(text).contains("portfolios    [" + "#".repeat(30) + "]     0/0     100%");
        assertThat(text).contains("prices BADX: java.lang.IllegalStateException: quota spent");
        assertThat(text).contains("2024-12-27T23:30:09Z  factors      AAPL");
        assertThat(text).contains("prices current 20 / 1 3 / 2+ 1");
    }

    @Test
    void theListShowsEachRunsStateAndPerStageDoneOverTotal() throws Exception {
        String list = "{\"runs\":[" + RUN.replace("\"running\"", "\"succeeded\"") + "],\"freshness\":null}";
        String text = StatusCommand.renderList(JSON.readTree(list));
        assertThat(text.lines().findFirst().orElseThrow()).startsWith("RUN").contains("KIND").contains("STATE");
        assertThat(text).contains("6f1c0d2e-0000-4000-8000-000000000001  daily-close      2024-12-27  succeeded")
                .contains("18/24   5/-       0/-           10/18    0/0");
    }

    @Test
    void anUnreachableServiceIsAClearErrorAndABadRunIdABadCommandLine() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = StatusCommand.run(new String[]{"--once"}, Map.of("RISKSTREAM_PRICE_URL", "http://127.0.0.1:" + freePort),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("price-service is not reachable at http://127.0.0.1:" + freePort);

        ByteArrayOutputStream err2 = new ByteArrayOutputStream();
        assertThat(StatusCommand.run(new String[]{"not-a-run"}, Map.of(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err2, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err2.toString(StandardCharsets.UTF_8)).contains("is not a run id");
    }

    @Test
    void helpAndBadOptionsAnswerWithoutCallingTheService() {
        try (PriceServiceStub price = new PriceServiceStub()) {
            Map<String, String> env = Map.of("RISKSTREAM_PRICE_URL", price.url());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(StatusCommand.run(new String[]{"--help"}, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream()))).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: bin/riskstream status").contains("RUN-ID")
                    .contains("--once");

            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertThat(StatusCommand.run(new String[]{"--onse"}, env, new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: Unknown option: '--onse'");
            assertThat(price.requests()).isEmpty();
        }
    }

    @Test
    void theListIsReadFromTheRunsApi() {
        try (PriceServiceStub price = new PriceServiceStub()) {
            price.answer("/api/runs", 200, "{\"runs\":[" + RUN + "],\"freshness\":null}");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(StatusCommand.run(new String[0], Map.of("RISKSTREAM_PRICE_URL", price.url()),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()))).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("6f1c0d2e-0000-4000-8000-000000000001  daily-close");
            assertThat(price.requests().getFirst().uri()).isEqualTo("/api/runs?limit=20");
        }
    }
}
