package io.riskstream.testsupport;

import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

import static org.awaitility.Awaitility.await;

/**
 * Before the first test method of a Spring test context: waits until every running Kafka listener of the context
 * has its partitions and its group has a committed offset on each partition of the listener's topics. A group that
 * starts at the end of its topics ({@link TestInfra#register}) commits that position when it is assigned; a record
 * sent earlier would be skipped, one sent later is consumed. Registered for every Spring test through
 * {@code META-INF/spring.factories} of this test-jar.
 */
public class KafkaListenersReady extends AbstractTestExecutionListener {

    private static final Set<ApplicationContext> READY = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (!testContext.hasApplicationContext()) {
            return;
        }
        ApplicationContext context = testContext.getApplicationContext();
        if (READY.contains(context)) {
            return;
        }
        KafkaListenerEndpointRegistry registry = context.getBeanProvider(KafkaListenerEndpointRegistry.class).getIfAvailable();
        boolean startsAtTheEnd = "latest".equals(context.getEnvironment().getProperty("spring.kafka.consumer.auto-offset-reset"));
        if (registry != null && startsAtTheEnd) {
            List<MessageListenerContainer> containers = registry.getListenerContainers().stream()
                    .filter(MessageListenerContainer::isRunning).toList();
            await("Kafka listeners of " + testContext.getTestClass().getSimpleName() + " assigned and positioned")
                    .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> containers.stream().allMatch(KafkaListenersReady::positioned));
        }
        READY.add(context);
    }

    private static boolean positioned(MessageListenerContainer container) {
        String[] topics = container.getContainerProperties().getTopics();
        if (topics == null || topics.length == 0 || container.getGroupId() == null) {
            return true;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.bootstrapServers()))) {
            Set<TopicPartition> partitions = new HashSet<>();
            admin.describeTopics(List.of(topics)).allTopicNames().get().forEach((topic, description) ->
                    description.partitions().forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
            Set<TopicPartition> committed = admin.listConsumerGroupOffsets(container.getGroupId())
                    .partitionsToOffsetAndMetadata().get().entrySet().stream()
                    .filter(e -> e.getValue() != null).map(Map.Entry::getKey).collect(Collectors.toSet());
            return !partitions.isEmpty() && committed.containsAll(partitions);
        } catch (Exception e) {
            return false; // topics not created yet, or the group not known yet
        }
    }
}
