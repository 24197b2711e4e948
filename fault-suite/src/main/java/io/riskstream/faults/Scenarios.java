package io.riskstream.faults;

import io.riskstream.common.calendar.NyseCalendar;
import io.riskstream.common.event.DailyClose;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.riskstream.faults.Scenario.adminDailyClose;

/** The nine scenarios of the fault-injection suite (issue 8), in order. */
final class Scenarios {

    private static final Duration MIDDLE = Duration.ofMinutes(5);
    private static final EventCodec CODEC = new EventCodec();

    private Scenarios() {
    }

    static List<Scenario> all() {
        return List.of(killEachService(), brokerDown(), databaseDown(), duplicatesAndReplay(), poisonRecords(),
                providerFaults(), dailyCloseTwice(), slowConsumerAndOutOfOrder(), holidayClose());
    }

    static Scenario clean() {
        return new Scenario("clean", "nothing (the reference run)", Map.of(), Map.of(), Scenario.Step.NOTHING,
                adminDailyClose(), Scenario.Step.NOTHING);
    }

    /** 1: every service SIGKILLed in the middle of its part of the onboarding, then started again. */
    static Scenario killEachService() {
        return new Scenario("1", "SIGKILL of each of the five services mid-work, then a restart", Map.of(), Map.of(),
                run -> {
                    run.workload.awaitFraction(Topics.PRICES_READY, 0.25, MIDDLE);
                    killAndRestart(run, "price-service");
                    killAndRestart(run, "profile-service");
                    killAndRestart(run, "fundamentals-service");
                    run.workload.awaitFraction(Topics.FACTORS_READY, 0.5, MIDDLE);
                    killAndRestart(run, "factor-service");
                    killAndRestart(run, "portfolio-service");
                    run.faultEnded();
                }, adminDailyClose(), Scenario.Step.NOTHING);
    }

    private static void killAndRestart(Scenario.Run run, String service) throws Exception {
        long prices = run.broker.count(Topics.PRICES_READY), factors = run.broker.count(Topics.FACTORS_READY);
        run.stack.kill(service);
        run.notes.add("killed " + service + " (prices-ready " + prices + ", factors-ready " + factors + ")");
        run.stack.restart(service);
    }

    /** 2: the broker stopped for 30 s in the middle of the onboarding. */
    static Scenario brokerDown() {
        return new Scenario("2", "Kafka broker stopped for 30 s mid-onboarding, then restarted", Map.of(), Map.of(),
                run -> {
                    run.workload.awaitFraction(Topics.PRICES_READY, 0.33, MIDDLE);
                    run.stack.stop("kafka");
                    Thread.sleep(30_000);
                    run.stack.startKafka();
                    run.faultEnded();
                }, adminDailyClose(), Scenario.Step.NOTHING);
    }

    /** 3: PostgreSQL stopped for 30 s in the middle of the onboarding. */
    static Scenario databaseDown() {
        return new Scenario("3", "PostgreSQL stopped for 30 s mid-onboarding, then restarted", Map.of(), Map.of(),
                run -> {
                    run.workload.awaitFraction(Topics.PRICES_READY, 0.33, MIDDLE);
                    run.stack.stop("postgres");
                    Thread.sleep(30_000);
                    run.stack.startPostgres();
                    run.faultEnded();
                }, adminDailyClose(), Scenario.Step.NOTHING);
    }

    /** 4: every prices-ready and factors-ready delivered twice; factor-service replays prices-ready from offset 0. */
    static Scenario duplicatesAndReplay() {
        return new Scenario("4", "every prices-ready and factors-ready record delivered twice; prices-ready replayed "
                + "from offset 0 to factor-service", Map.of(), Map.of(), Scenario.Step.NOTHING, adminDailyClose(),
                run -> {
                    run.workload.awaitSettled(Duration.ofMinutes(10));
                    int prices = run.broker.resend(Topics.PRICES_READY, r -> true);
                    int factors = run.broker.resend(Topics.FACTORS_READY, r -> true);
                    run.stack.stop("factor-service");
                    run.broker.rewind("factor-service", Topics.PRICES_READY);
                    run.stack.restart("factor-service");
                    run.faultEnded();
                    run.notes.add("re-sent " + prices + " prices-ready and " + factors + " factors-ready records; "
                            + "factor-service rewound to offset 0 on prices-ready");
                });
    }

    /** 5: poison records on every consumed topic. */
    static Scenario poisonRecords() {
        return new Scenario("5", "5 poison records on each of the 6 consumed topics (malformed JSON, wrong types, "
                + "unknown version, bad values, a 5 MB record)", Map.of(), Map.of(), run -> {
            run.workload.awaitFraction(Topics.PRICES_READY, 0.25, MIDDLE);
            Map<String, List<String>> keys = new HashMap<>();
            for (String topic : List.of(Topics.POSITION_EVENTS, Topics.SYMBOL_ADDED, Topics.DAILY_CLOSE,
                    Topics.PRICES_READY, Topics.PROFILE_UPDATED, Topics.FACTORS_READY)) {
                List<String> sent = new ArrayList<>();
                List<String> poison = poisonFor(topic);
                for (int i = 0; i < poison.size(); i++) {
                    String key = topic.equals(Topics.POSITION_EVENTS) ? UUID.randomUUID().toString()
                            : topic.equals(Topics.DAILY_CLOSE) ? "2026-11-2" + i : "POISON" + i;
                    run.broker.send(topic, key, poison.get(i));
                    sent.add(key);
                }
                keys.put(topic, sent);
            }
            run.broker.flush();
            run.faultEnded();
            run.notes.add("sent " + keys.values().stream().mapToInt(List::size).sum() + " poison records");
            run.poison = keys;
        }, adminDailyClose(), run -> {
            run.workload.awaitSettled(Duration.ofMinutes(10));
            for (var e : run.poison.entrySet()) {
                Set<String> dead = new java.util.HashSet<>();
                for (ConsumerRecord<String, String> r : run.broker.readAll(Topics.deadLetter(e.getKey()))) {
                    if (e.getValue().contains(r.key()) && r.headers().lastHeader("riskstream-dlt-reason") != null) {
                        dead.add(r.key());
                    }
                }
                run.check(dead.containsAll(e.getValue()), e.getKey() + ": " + dead.size() + " of " + e.getValue().size()
                        + " poison records in " + Topics.deadLetter(e.getKey()) + " with a reason");
            }
        });
    }

    private static List<String> poisonFor(String topic) {
        String envelope = "{\"eventId\":\"%s\",\"type\":\"%s\",\"schemaVersion\":%s,\"occurredAt\":\"2026-11-20T22:00:00Z\","
                + "\"runId\":\"" + UUID.randomUUID() + "\",\"payload\":%s}";
        String type = topic.equals(Topics.POSITION_EVENTS) ? "position-event" : topic;
        String bad = switch (topic) {
            case Topics.PRICES_READY -> "{\"symbol\":\"POISON\",\"through\":\"2026-11-20\",\"historyReplaced\":false,"
                    + "\"bars\":[{\"date\":\"2026-11-20\",\"close\":-5,\"adjClose\":1e30}]}";
            case Topics.FACTORS_READY -> "{\"symbol\":\"POISON\",\"exposures\":[{\"calculationDate\":\"2026-11-20\","
                    + "\"factors\":{\"market_beta\":{\"beta\":1e300,\"observations\":-3}}}]}";
            case Topics.PROFILE_UPDATED -> "{\"symbol\":\"POISON\",\"tier\":\"DAILY\",\"profile\":{\"marketCap\":-1e30}}";
            case Topics.POSITION_EVENTS -> "{\"portfolioId\":\"" + UUID.randomUUID() + "\",\"action\":\"OPENED\","
                    + "\"portfolio\":{\"name\":\"poison\",\"equity\":-1},\"position\":{\"positionId\":\""
                    + UUID.randomUUID() + "\",\"symbol\":\"POISON\",\"quantity\":1e30,\"entryPrice\":-5,"
                    + "\"entryDate\":\"2026-11-20\"}}";
            case Topics.SYMBOL_ADDED -> "{\"symbol\":\"\",\"tier\":\"NO SUCH TIER\"}";
            default -> "{\"tradingDate\":\"not a date\"}";
        };
        String valid = switch (topic) {
            case Topics.DAILY_CLOSE -> "{\"tradingDate\":\"2026-11-20\"}";
            default -> "{\"symbol\":\"POISON\"}";
        };
        return List.of(
                "{\"eventId\": not json",
                "{\"eventId\":123,\"type\":[\"" + type + "\"],\"schemaVersion\":\"one\",\"payload\":7}",
                envelope.formatted(UUID.randomUUID(), type, 99, valid),
                envelope.formatted(UUID.randomUUID(), type, 1, bad),
                envelope.formatted(UUID.randomUUID(), type, 1, "{\"symbol\":\"" + "X".repeat(5 * 1024 * 1024) + "\"}"));
    }

    /** 6: the provider (FMP, over HTTP) answering 429 / 5xx / timeouts / empty 200s for part of the run. */
    static Scenario providerFaults() {
        return new Scenario("6", "provider (FMP over HTTP) answering 429 / 500 / 503 / timeouts / empty 200s to 30 % of "
                + "requests during the first part of the onboarding", Map.of(), Map.of(), run -> {
            run.fmp.enableFaults();
            run.workload.awaitFraction(Topics.PRICES_READY, 0.5, MIDDLE);
            Thread.sleep(5_000);
            run.fmp.disableFaults();
            run.faultEnded();
            run.notes.add("provider faults injected: " + run.fmp.faultsInjected());
        }, adminDailyClose(), Scenario.Step.NOTHING);
    }

    /** 7: two daily-close events for one date, two price-service replicas with the scheduler on. */
    static Scenario dailyCloseTwice() {
        return new Scenario("7", "two daily-close triggers for the same date on each of two price-service replicas "
                + "with their schedulers on, and the daily-close record delivered twice", Map.of(), Map.of(),
                Scenario.Step.NOTHING, run -> {
            run.workload.awaitPortfolios(run.workload.d0(), Duration.ofMinutes(10));
            Map<String, String> scheduler = Map.of("DAILY_CLOSE_SCHEDULER_ENABLED", "true",
                    "RISKSTREAM_DAILY_CLOSE_CHECK_INTERVAL", "1s", "RISKSTREAM_DAILY_CLOSE_INITIAL_DELAY", "1s");
            run.stack.stop("price-service");
            run.stack.launch(new StackProcesses.Instance("price-service", "price-service", 8081), scheduler);
            run.stack.launch(new StackProcesses.Instance("price-service", "price-service-2", 8091), scheduler);
            run.stack.awaitReady("price-service", StackProcesses.READY_TIMEOUT);
            run.stack.awaitReady("price-service-2", StackProcesses.READY_TIMEOUT);
            List<CompletableFuture<Integer>> triggers = new ArrayList<>();
            for (String url : List.of("http://127.0.0.1:8081", "http://127.0.0.1:8091")) {
                for (int i = 0; i < 2; i++) {
                    triggers.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            return run.workload.triggerDailyClose(url, run.workload.d1()).statusCode();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }));
                }
            }
            triggers.forEach(CompletableFuture::join);
            run.faultEnded();
        }, run -> {
            run.workload.awaitPortfolios(run.workload.d1(), Duration.ofMinutes(10));
            int copies = run.broker.resend(Topics.DAILY_CLOSE, r -> r.key().equals(run.workload.d1().toString()));
            long triggers = run.digest.count("price-service", "select count(*) from daily_close_trigger where "
                    + "trading_date = '" + run.workload.d1() + "'");
            long events = run.broker.readAll(Topics.DAILY_CLOSE).stream()
                    .filter(r -> r.key().equals(run.workload.d1().toString())).count();
            run.check(triggers == 1, "one daily_close_trigger row for " + run.workload.d1() + " (" + triggers + ")");
            run.check(copies == 1 && events == 2, "one daily-close event emitted for " + run.workload.d1()
                    + " by two replicas and four triggers, then re-sent once (" + events + " on the topic)");
        });
    }

    /** 8: a consumer slower than its poll interval (rebalances mid-work), and one symbol's records out of order. */
    static Scenario slowConsumerAndOutOfOrder() {
        return new Scenario("8", "factor-service with max.poll.interval.ms=2000 (rebalances mid-batch); 20 symbols' "
                + "first prices-ready re-delivered after their daily-close one", Map.of(),
                Map.of("factor-service", List.of("--spring.kafka.consumer.properties.max.poll.interval.ms=2000")),
                Scenario.Step.NOTHING, adminDailyClose(), run -> {
            run.workload.awaitSettled(Duration.ofMinutes(10));
            Map<String, ConsumerRecord<String, String>> first = new HashMap<>();
            for (ConsumerRecord<String, String> r : run.broker.readAll(Topics.PRICES_READY)) {
                if (r.key().startsWith("FX") && first.size() < 20) {
                    first.putIfAbsent(r.key(), r);
                }
            }
            int sent = run.broker.resend(Topics.PRICES_READY, r -> first.get(r.key()) == r
                    || first.containsKey(r.key()) && first.get(r.key()).offset() == r.offset());
            run.faultEnded();
            long rebalances = java.nio.file.Files.readAllLines(run.stack.log("factor-service")).stream()
                    .filter(l -> l.contains("max.poll.interval.ms") || l.contains("Revoke") || l.contains("revoked"))
                    .count();
            run.notes.add("re-sent " + sent + " older prices-ready records; factor-service log lines about poll "
                    + "timeouts / revoked partitions: " + rebalances);
        });
    }

    /** 9: a daily close for a holiday (operator) and for a weekend (a raw event): no work, no staleness. */
    static Scenario holidayClose() {
        return new Scenario("9", "daily close for a holiday (operator API) and for a Saturday (raw event)", Map.of(),
                Map.of(), Scenario.Step.NOTHING, adminDailyClose(), run -> {
            run.workload.awaitPortfolios(run.workload.d1(), Duration.ofMinutes(10));
            NyseCalendar nyse = new NyseCalendar();
            LocalDate holiday = run.workload.d1();
            while (nyse.isTradingDay(holiday) || holiday.getDayOfWeek().getValue() >= 6) {
                holiday = holiday.minusDays(1);
            }
            LocalDate saturday = run.workload.d1().with(java.time.temporal.TemporalAdjusters.previous(DayOfWeek.SATURDAY));
            var r = run.workload.triggerDailyClose(run.workload.url("price-service", ""), holiday);
            run.check(r.statusCode() == 400, "daily close for the holiday " + holiday + " refused: HTTP " + r.statusCode());
            run.broker.send(Topics.DAILY_CLOSE, saturday.toString(), CODEC.encode(EventEnvelope.of(UUID.randomUUID(),
                    UUID.randomUUID(), Instant.now(), new DailyClose(saturday))));
            run.broker.flush();
            run.faultEnded();
            run.workload.awaitSettled(Duration.ofMinutes(5));
            var metrics = run.workload.get(run.workload.url("price-service", "/actuator/prometheus")).body();
            String stale = metrics.lines().filter(l -> l.startsWith("riskstream_freshness_max_trading_days"))
                    .reduce((a, b) -> a + "; " + b).orElse("(no freshness gauge)");
            run.check(metrics.lines().filter(l -> l.startsWith("riskstream_freshness_max_trading_days"))
                    .allMatch(l -> l.trim().endsWith(" 0.0")), "no staleness after the holiday and weekend closes: " + stale);
        });
    }
}
