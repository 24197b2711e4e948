package io.riskstream.system;

import io.riskstream.common.event.Topics;
import io.riskstream.testsupport.KafkaTestClient;
import io.riskstream.testsupport.TestInfra;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replaying prices-ready from offset 0 into factor-service leaves its business tables exactly as they were, and
 * announces nothing again: bars stored as they are need no computation.
 */
class PricesReadyReplayIT {

    private final RiskstreamSystem system = RiskstreamSystem.shared();

    private static final List<String> TABLE_DIGESTS = List.of(
            "select count(*) || ':' || coalesce(md5(string_agg(symbol || trade_date || adj_close || coalesce(close::text, '-'), ',' "
                    + "order by symbol, trade_date)), '') from price_point",
            "select count(*) || ':' || coalesce(md5(string_agg(concat_ws('|', symbol, calculation_date, factor, beta, alpha, "
                    + "r_squared, std_error, t_stat, p_value, observations, computed_at), ',' "
                    + "order by symbol, calculation_date, factor)), '') from symbol_exposure",
            "select count(*) || ':' || coalesce(md5(string_agg(symbol || calculation_date, ',' order by symbol, "
                    + "calculation_date)), '') from pending_calculation");

    @Test
    void replayingPricesReadyFromTheStartChangesNothing() throws Exception {
        // some history to replay: onboard a symbol and wait until factor-service has caught up
        Http.post(system.url("portfolio-service") + "/api/portfolios", """
                {"name":"replay","equity":250000,"positions":[
                  {"symbol":"RPLY","quantity":300,"entryPrice":20.0,"entryDate":"2024-06-28"}]}""");
        await().atMost(Duration.ofSeconds(90)).until(() -> system.jdbc("factor-service").queryForObject(
                "select count(*) from symbol_exposure where symbol = 'RPLY'", Long.class) > 0);
        await().atMost(Duration.ofSeconds(60)).until(() -> KafkaTestClient.lag("factor-service", Topics.PRICES_READY) == 0);
        List<String> before = digests();
        long announcedBefore = factorsReadyEnqueued();

        system.stop("factor-service");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> zero = new HashMap<>();
            admin.describeTopics(List.of(Topics.PRICES_READY)).allTopicNames().get().get(Topics.PRICES_READY).partitions()
                    .forEach(p -> zero.put(new TopicPartition(Topics.PRICES_READY, p.partition()), new OffsetAndMetadata(0)));
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                    admin.alterConsumerGroupOffsets("factor-service", zero).all().get());
        }
        long replayed = KafkaTestClient.lag("factor-service", Topics.PRICES_READY);
        assertThat(replayed).isPositive();
        system.start("factor-service");
        await().atMost(Duration.ofSeconds(120)).until(() -> KafkaTestClient.lag("factor-service", Topics.PRICES_READY) == 0);

        assertThat(digests()).isEqualTo(before);
        // bars stored as they are: nothing computed again, so nothing announced again
        assertThat(factorsReadyEnqueued()).isEqualTo(announcedBefore);
    }

    private long factorsReadyEnqueued() {
        return system.jdbc("factor-service").queryForObject(
                "select count(*) from outbox_event where topic = ?", Long.class, Topics.FACTORS_READY);
    }

    private List<String> digests() {
        var db = system.jdbc("factor-service");
        return TABLE_DIGESTS.stream().map(sql -> db.queryForObject(sql, String.class)).toList();
    }
}
