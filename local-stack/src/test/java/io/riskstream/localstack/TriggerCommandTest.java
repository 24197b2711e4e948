package io.riskstream.localstack;

import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TriggerCommandTest {

    @Test
    void dailyCloseCallsTheAdminEndpointWithTheDateAndTheToken() {
        HttpRequest r = TriggerCommand.request(new String[]{"daily-close", "--date", "2024-12-31"}, "http://h:1", "tok");
        assertThat(r.uri().toString()).isEqualTo("http://h:1/api/admin/daily-close?force=false&date=2024-12-31");
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.headers().firstValue("Authorization")).hasValue("Bearer tok");
        HttpRequest forced = TriggerCommand.request(new String[]{"daily-close", "--force"}, "http://h:1", null);
        assertThat(forced.uri().toString()).isEqualTo("http://h:1/api/admin/daily-close?force=true");
        assertThat(forced.headers().firstValue("Authorization")).isEmpty();
    }

    @Test
    void backfillPostsItsRangeAndSymbols() {
        HttpRequest r = TriggerCommand.request(new String[]{"backfill", "--from", "2024-01-02", "--symbols", "aapl, msft"},
                "http://h:1", null);
        assertThat(r.uri().toString()).isEqualTo("http://h:1/api/admin/backfill");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void aBadCommandLineIsRefusedWithStatus2() {
        assertThatThrownBy(() -> TriggerCommand.request(new String[]{"backfill"}, "u", null)).hasMessageContaining("--from");
        assertThatThrownBy(() -> TriggerCommand.request(new String[]{"daily-close", "--date", "31.12.2024"}, "u", null))
                .hasMessageContaining("not a date");
        assertThatThrownBy(() -> TriggerCommand.request(new String[]{"nope"}, "u", null)).hasMessageContaining("nope");
        assertThat(TriggerCommand.run(new String[]{"daily-close", "--when", "x"}, Map.of())).isEqualTo(2);
    }
}
