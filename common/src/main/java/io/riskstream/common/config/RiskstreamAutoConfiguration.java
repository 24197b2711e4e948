package io.riskstream.common.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.riskstream.common.event.EventCatalog;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import io.riskstream.common.kafka.ConsumerLagMonitor;
import io.riskstream.common.kafka.LagMonitorSettings;
import io.riskstream.common.kafka.ListenerErrorHandling;
import io.riskstream.common.kafka.ListenerMetrics;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.listener.RecordInterceptor;
import io.riskstream.common.outbox.OutboxRelay;
import io.riskstream.common.outbox.OutboxSettings;
import io.riskstream.common.outbox.OutboxWriter;
import io.riskstream.common.outbox.OutboxEventPublisher;
import io.riskstream.common.application.EventPublisher;
import io.riskstream.common.application.UnitOfWork;
import io.riskstream.common.jdbc.SerialMigrations;
import io.riskstream.common.jdbc.TransactionalUnitOfWork;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import io.riskstream.common.web.ApiErrors;
import io.riskstream.common.web.CsvTableConverter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.riskstream.common.calendar.MarketClock;
import io.riskstream.common.calendar.NyseCalendar;

import java.time.Clock;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;

/**
 * What every riskstream service gets from common: the event codec, the listener error handling with dead-letter
 * topics, the topics themselves, a clock, and the transactional outbox with its relay.
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class})
@EnableConfigurationProperties({OutboxSettings.class, KafkaTopicSettings.class, MarketClockSettings.class,
        LagMonitorSettings.class, EnvironmentSettings.class})
public class RiskstreamAutoConfiguration {

    /** Instances that start together migrate their database one after the other ({@link SerialMigrations}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "liquibase.integration.spring.SpringLiquibase")
    static class MigrationLockConfiguration {

        @Bean
        static SerialMigrations serialMigrations() {
            return new SerialMigrations();
        }
    }

    @Bean
    @ConditionalOnWebApplication
    ApiErrors apiErrors() {
        return new ApiErrors();
    }

    /** CSV bodies for the series endpoints that offer them ({@code produces} lists JSON first, the default). */
    @Bean
    @ConditionalOnWebApplication
    CsvTableConverter csvTableConverter() {
        return new CsvTableConverter();
    }

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    NyseCalendar nyseCalendar() {
        return new NyseCalendar();
    }

    @Bean
    @ConditionalOnMissingBean
    MarketClock marketClock(Clock clock, NyseCalendar calendar, MarketClockSettings settings) {
        return new MarketClock(clock, calendar, settings.closeTime(), Optional.ofNullable(settings.asOfDate()));
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    @ConditionalOnBean(KafkaTemplate.class)
    CommonErrorHandler riskstreamErrorHandler(KafkaTemplate<?, ?> template, ObjectProvider<MeterRegistry> meters) {
        return ListenerErrorHandling.errorHandler(template, ListenerErrorHandling.Settings.defaults(),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnMissingBean(RecordInterceptor.class)
    @ConditionalOnBean(KafkaTemplate.class)
    ListenerMetrics riskstreamListenerMetrics(ObjectProvider<MeterRegistry> meters) {
        return new ListenerMetrics(meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnBean(KafkaAdmin.class)
    @ConditionalOnProperty(name = "riskstream.lag-monitor.enabled", havingValue = "true", matchIfMissing = true)
    ConsumerLagMonitor consumerLagMonitor(KafkaAdmin kafkaAdmin, KafkaProperties kafka, LagMonitorSettings settings,
                                          ObjectProvider<MeterRegistry> meters) {
        String group = kafka.getConsumer().getGroupId();
        return new ConsumerLagMonitor(kafkaAdmin.getConfigurationProperties(), group == null ? "unknown" : group,
                meters.getIfAvailable(SimpleMeterRegistry::new), settings,
                Clock.systemUTC()); // record timestamps are wall-clock time, whatever clock the service runs on
    }

    @Bean
    @ConditionalOnProperty(name = "riskstream.kafka.create-topics", havingValue = "true", matchIfMissing = true)
    KafkaAdmin.NewTopics riskstreamTopics(KafkaTopicSettings settings) {
        return new KafkaAdmin.NewTopics(topics(settings).toArray(NewTopic[]::new));
    }

    /** Every event topic and its dead-letter topic, as the services create them. */
    static List<NewTopic> topics(KafkaTopicSettings settings) {
        List<NewTopic> topics = new ArrayList<>();
        for (EventCatalog.Entry entry : EventCatalog.entries()) {
            topics.add(topic(TopicBuilder.name(entry.topic()).partitions(settings.partitions()), settings));
            topics.add(topic(TopicBuilder.name(Topics.deadLetter(entry.topic())).partitions(1), settings));
        }
        return topics;
    }

    private static NewTopic topic(TopicBuilder builder, KafkaTopicSettings settings) {
        builder.replicas(settings.replicationFactor());
        if (settings.minInsyncReplicas() != null) {
            builder.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, settings.minInsyncReplicas().toString());
        }
        return builder.build();
    }

    @Bean
    @ConditionalOnBean({NamedParameterJdbcTemplate.class, KafkaTemplate.class, PlatformTransactionManager.class})
    @ConditionalOnProperty(name = "riskstream.outbox.enabled", havingValue = "true", matchIfMissing = true)
    OutboxRelay outboxRelay(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager txManager,
                            KafkaTemplate<String, String> kafka, OutboxSettings settings,
                            ObjectProvider<MeterRegistry> meters) {
        return new OutboxRelay(jdbc, new TransactionTemplate(txManager), kafka, settings,
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnBean(NamedParameterJdbcTemplate.class)
    OutboxWriter outboxWriter(NamedParameterJdbcTemplate jdbc, EventCodec codec, ObjectProvider<OutboxRelay> relay) {
        return new OutboxWriter(jdbc, codec, () -> relay.ifAvailable(OutboxRelay::wakeUp));
    }

    /** The application layer's event port: the outbox, in the caller's unit of work. */
    @Bean
    @ConditionalOnBean(OutboxWriter.class)
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(OutboxWriter outbox) {
        return new OutboxEventPublisher(outbox);
    }

    /** The application layer's unit of work: one transaction of the service's database. */
    @Bean
    @ConditionalOnBean(PlatformTransactionManager.class)
    @ConditionalOnMissingBean
    UnitOfWork unitOfWork(PlatformTransactionManager transactions) {
        return new TransactionalUnitOfWork(transactions);
    }
}
