package io.riskstream.runs.adapters.http;

import io.riskstream.common.kafka.ConsumerGroupLag;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

/**
 * Every consumer group's lag, per topic and per partition, read from the broker when asked (the operator page and
 * {@code bin/riskstream lag} read the same thing): one place to see whether the whole pipeline keeps up.
 */
@RestController
@RequestMapping("/api")
public class LagController {

    record TopicLag(String topic, long lag, int partitions) {
    }

    record GroupLag(String group, int members, long lag, List<TopicLag> topics,
                    List<ConsumerGroupLag.Partition> partitions) {
    }

    record LagView(List<GroupLag> groups) {
    }

    private final Map<String, Object> adminConfig;

    public LagController(KafkaAdmin kafkaAdmin) {
        this.adminConfig = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        adminConfig.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        adminConfig.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    }

    @GetMapping("/lag")
    LagView lag() {
        Map<String, ConsumerGroupLag.Partition> sample;
        try (Admin admin = Admin.create(adminConfig)) {
            sample = ConsumerGroupLag.sample(admin);
        } catch (ExecutionException e) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the broker did not answer: "
                    + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "interrupted");
        }
        Map<String, List<ConsumerGroupLag.Partition>> byGroup = new TreeMap<>();
        sample.values().forEach(p -> byGroup.computeIfAbsent(p.group(), g -> new java.util.ArrayList<>()).add(p));
        List<GroupLag> groups = byGroup.entrySet().stream().map(e -> {
            Map<String, long[]> topics = new TreeMap<>();
            for (ConsumerGroupLag.Partition p : e.getValue()) {
                long[] t = topics.computeIfAbsent(p.topic(), k -> new long[2]);
                t[0] += p.lag();
                t[1]++;
            }
            return new GroupLag(e.getKey(), e.getValue().getFirst().members(),
                    e.getValue().stream().mapToLong(ConsumerGroupLag.Partition::lag).sum(),
                    topics.entrySet().stream().map(t -> new TopicLag(t.getKey(), t.getValue()[0], (int) t.getValue()[1]))
                            .toList(), e.getValue());
        }).toList();
        return new LagView(groups);
    }
}
