package io.riskstream.factor.it;

import io.riskstream.common.event.PriceBar;
import io.riskstream.common.event.Topics;
import io.riskstream.common.factors.FactorCatalogue;
import io.riskstream.factor.FactorServiceApplication;
import io.riskstream.testsupport.KafkaTestClient;
import io.riskstream.testsupport.TestInfra;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A measurement, not a test of speed (it asserts only that the work was done): the cost per single-date prices-ready
 * record, the shape of a daily close. {@value #SYMBOLS} symbols get a year of simulated closes straight into
 * price_point (the benchmark ETFs one date further), then one prices-ready each for the next date is sent while the
 * listener is paused; the time from resuming it until the group has consumed them all, divided by the records, is
 * printed. Two dates in turn. Run on demand:
 * {@code -Dmeasure.prices-ready=true -Dit.test=PricesReadyCostMeasurementIT}.
 */
@EnabledIfSystemProperty(named = "measure.prices-ready", matches = "true")
@SpringBootTest(classes = FactorServiceApplication.class)
@DirtiesContext
class PricesReadyCostMeasurementIT {

    static final String GROUP = TestInfra.groupOf("factor-service", PricesReadyCostMeasurementIT.class);
    static final int SYMBOLS = Integer.getInteger("measure.symbols", 2_000);
    static final LocalDate FROM = LocalDate.of(2023, 6, 1), THROUGH = LocalDate.of(2024, 6, 28);
    static final List<LocalDate> DAYS = List.of(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 2));

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "factor-service", PricesReadyCostMeasurementIT.class);
    }

    @Autowired JdbcTemplate jdbc;
    @Autowired KafkaListenerEndpointRegistry listeners;
    @Value("${spring.kafka.consumer.max-poll-records:500}") int maxPollRecords;

    @Test
    void singleDatePricesReadyRecords() {
        List<String> symbols = IntStream.range(0, SYMBOLS).mapToObj(i -> "M%04d".formatted(i)).toList();
        FactorCatalogue.benchmarkSymbols().forEach(etf -> store(etf, FactorFeed.bars(etf, FROM, DAYS.getLast())));
        symbols.forEach(s -> store(s, FactorFeed.bars(s, FROM, THROUGH)));
        FactorFeed feed = new FactorFeed(jdbc);

        for (LocalDate day : DAYS) {
            MessageListenerContainer container = listeners.getListenerContainer("factor-service.prices-ready");
            container.pause();
            await().atMost(Duration.ofSeconds(30)).until(container::isContainerPaused);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.bootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                for (String symbol : symbols) {
                    var event = FactorFeed.pricesReady(symbol, FactorFeed.bars(symbol, day, day), false);
                    producer.send(new ProducerRecord<>(Topics.PRICES_READY, symbol, feed.codec().encode(event)));
                }
            }
            long start = System.nanoTime();
            container.resume();
            await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> KafkaTestClient.lag(GROUP, Topics.PRICES_READY) == 0);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(jdbc.queryForObject("select count(distinct symbol) from symbol_exposure where calculation_date = ?",
                    Long.class, day)).isEqualTo(SYMBOLS);
            System.out.printf("[measure] prices-ready %s: %d single-date records in %.1f s, %.2f ms per record "
                    + "(max.poll.records %d)%n", day, SYMBOLS, seconds, seconds * 1000 / SYMBOLS, maxPollRecords);
        }
    }

    private void store(String symbol, List<PriceBar> bars) {
        List<Object[]> rows = new ArrayList<>();
        bars.forEach(b -> rows.add(new Object[]{symbol, b.date(), b.adjClose(), b.close()}));
        jdbc.batchUpdate("insert into price_point (symbol, trade_date, adj_close, close) values (?, ?, ?, ?)", rows);
    }
}
