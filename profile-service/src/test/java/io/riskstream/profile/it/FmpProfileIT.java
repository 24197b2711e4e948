package io.riskstream.profile.it;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.SymbolAdded;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import io.riskstream.profile.ProfileServiceApplication;
import io.riskstream.profile.application.ProfileStore;
import io.riskstream.profile.domain.ProfileField;
import io.riskstream.testsupport.KafkaTestClient;
import io.riskstream.testsupport.ProviderStubServer;
import io.riskstream.testsupport.ProviderStubServer.Answer;
import io.riskstream.testsupport.TestInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** profile-service against Financial Modeling Prep played by a local stub server that answers empty 200s. */
@SpringBootTest(classes = ProfileServiceApplication.class, properties = {
        "riskstream.daily-close.scheduler-enabled=false",
        "riskstream.outbox.poll-interval=50ms"})
@DirtiesContext
class FmpProfileIT {

    static final String GROUP = TestInfra.groupOf("profile-service", FmpProfileIT.class);

    static final ProviderStubServer STUB = new ProviderStubServer();
    static final LocalDate LAST_EARNINGS = LocalDate.now().minusDays(30);
    static final LocalDate NEXT_EARNINGS = LocalDate.now().plusDays(60);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "profile-service", FmpProfileIT.class);
        STUB.registerAsFmp(registry);
    }

    @AfterAll
    static void stop() {
        STUB.close();
    }

    @Autowired ProfileStore store;
    @Autowired EventCodec codec;

    @Test
    void emptyAnswersForASymbolTheProviderQuotesAreAskedAgainUntilTheProfileIsComplete() {
        // a misbehaving provider: twice no profile, once no earnings, for a company it quotes
        STUB.byDefault("", uri -> Answer.ok("[]")); // FMP's answer where it has nothing (ratios, analysts)
        STUB.script("profile?symbol=FPQ&", Answer.ok("[]"), Answer.ok("[]"));
        STUB.byDefault("profile?symbol=FPQ&", uri -> Answer.ok("""
                [{"symbol":"FPQ","companyName":"FPQ Corp","sector":"Industrials","industry":"Machinery",
                  "exchange":"NYSE","country":"US","currency":"USD","beta":1.2,"marketCap":5.0E9,"price":15.0,
                  "range":"10.0-20.0","isEtf":false,"isFund":false}]"""));
        STUB.script("earnings?symbol=FPQ&", Answer.ok("[]"));
        STUB.byDefault("earnings?symbol=FPQ&", uri -> Answer.ok("""
                [{"symbol":"FPQ","date":"%s","epsActual":null},{"symbol":"FPQ","date":"%s","epsActual":1.5}]"""
                .formatted(NEXT_EARNINGS, LAST_EARNINGS)));
        STUB.byDefault("batch-quote?symbols=FPQ&", uri -> Answer.ok("""
                [{"symbol":"FPQ","price":15.0,"timestamp":%d}]""".formatted(Instant.now().getEpochSecond())));
        // a symbol the provider does not know: no profile, no quote, ever
        STUB.byDefault("profile?symbol=FPZ&", uri -> Answer.ok("[]"));
        STUB.byDefault("batch-quote?symbols=FPZ&", uri -> Answer.ok("[]"));

        send(new SymbolAdded("FPQ", SymbolAdded.Tier.ACTIVE, "test"));
        send(new SymbolAdded("FPZ", SymbolAdded.Tier.ACTIVE, "test"));

        await().atMost(Duration.ofSeconds(60)).until(() -> store.find("FPQ").isPresent());
        var profile = store.find("FPQ").orElseThrow();
        assertThat(profile.text(ProfileField.SECTOR)).isEqualTo("Industrials");
        assertThat(profile.values().get(ProfileField.LAST_EARNINGS_DATE)).isEqualTo(LAST_EARNINGS);
        assertThat(profile.values().get(ProfileField.NEXT_EARNINGS_DATE)).isEqualTo(NEXT_EARNINGS);
        assertThat(STUB.requestsTo("profile?symbol=FPQ&")).isEqualTo(3);

        await().atMost(Duration.ofSeconds(60)).until(() ->
                KafkaTestClient.lag(GROUP, Topics.SYMBOL_ADDED) == 0);
        assertThat(store.find("FPZ")).isEmpty();
        // an empty quote is asked again before the symbol counts as unknown; then the record is done
        assertThat(STUB.requestsTo("batch-quote?symbols=FPZ&")).isEqualTo(3);
        assertThat(STUB.requestsTo("profile?symbol=FPZ&")).isEqualTo(1);
    }

    private void send(SymbolAdded payload) {
        KafkaTestClient.send(Topics.SYMBOL_ADDED, payload.key(), codec.encode(EventEnvelope.of(UUID.randomUUID(),
                UUID.randomUUID(), Instant.now(), payload)));
    }
}
