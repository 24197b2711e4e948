package io.riskstream.common.json;

import io.riskstream.common.event.DailyClose;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.PriceBar;
import io.riskstream.common.event.FactorsReady;
import io.riskstream.common.event.PricesReady;
import io.riskstream.common.event.SymbolAdded;
import io.riskstream.common.event.Topics;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();
    private static final UUID RUN = UUID.fromString("00000000-0000-0000-0000-000000000001");

    private String valid(String payloadJson, String type) {
        return """
                {"eventId":"%s","type":"%s","schemaVersion":1,"occurredAt":"2024-12-31T22:00:00Z",
                 "runId":"%s","payload":%s}""".formatted(UUID.randomUUID(), type, RUN, payloadJson);
    }

    @Test
    void roundTripsAPricesReadyEventExactly() {
        PricesReady payload = new PricesReady("AAPL", LocalDate.of(2024, 12, 31), false, List.of(
                new PriceBar(LocalDate.of(2024, 12, 30), 252.23, 253.5, 250.75, 252.2, 251.59337, 35557500L),
                new PriceBar(LocalDate.of(2024, 12, 31), null, null, null, null, 37.469207763671875, null)));
        EventEnvelope<PricesReady> sent = EventEnvelope.of(UUID.randomUUID(), RUN, Instant.parse("2024-12-31T22:00:00Z"), payload);

        EventEnvelope<PricesReady> read = codec.decode(Topics.PRICES_READY, codec.encode(sent), PricesReady.class);

        assertThat(read).isEqualTo(sent);
        assertThat(read.payload().bars().get(1).adjClose()).isEqualTo(37.469207763671875);
        assertThat(read.topic()).isEqualTo("prices-ready");
        assertThat(read.key()).isEqualTo("AAPL");
    }

    @Test
    void rejectsTextThatIsNotJson() {
        assertThatThrownBy(() -> codec.decode(Topics.DAILY_CLOSE, "{not json", DailyClose.class))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void checksTheEnvelopeBeforeThePayloadAndNamesAMissingPayload() {
        // the payload is bound straight from the text when it can be; what is wrong is named the same either way
        String brokenPayloadOfAnotherType = valid("{\"tradingDate\":\"yesterday\"}", "prices-ready");
        assertThatThrownBy(() -> codec.decode(Topics.DAILY_CLOSE, brokenPayloadOfAnotherType, DailyClose.class))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("does not belong on this topic");
        String goodPayloadBadVersion = valid("{\"tradingDate\":\"2024-12-31\"}", "daily-close")
                .replace("\"schemaVersion\":1", "\"schemaVersion\":\"1\"");
        assertThatThrownBy(() -> codec.decode(Topics.DAILY_CLOSE, goodPayloadBadVersion, DailyClose.class))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("schemaVersion is missing or not an integer");
        for (String payload : List.of("null", "\"2024-12-31\"", "[]")) {
            assertThatThrownBy(() -> codec.decode(Topics.DAILY_CLOSE, valid(payload, "daily-close"), DailyClose.class))
                    .as(payload).isInstanceOf(MalformedEventException.class)
                    .hasMessageContaining("payload is missing or not an object");
        }
        String noPayload = valid("{}", "daily-close").replace(",\"payload\":{}", "");
        assertThatThrownBy(() -> codec.decode(Topics.DAILY_CLOSE, noPayload, DailyClose.class))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("payload is missing or not an object");
        String trailing = valid("{\"tradingDate\":\"2024-12-31\"}", "daily-close") + " {}";
        assertThatThrownBy(() -> codec.decode(Topics.DAILY_CLOSE, trailing, DailyClose.class))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void rejectsAnEventOfAnotherTopic() {
        String json = valid("{\"tradingDate\":\"2024-12-31\"}", "prices-ready");
        assertThatThrownBy(() -> codec.decode(Topics.DAILY_CLOSE, json, DailyClose.class))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("does not belong on this topic");
    }

    @Test
    void rejectsAnUnknownSchemaVersion() {
        String json = valid("{\"tradingDate\":\"2024-12-31\"}", "daily-close").replace("\"schemaVersion\":1", "\"schemaVersion\":7");
        assertThatThrownBy(() -> codec.decode(Topics.DAILY_CLOSE, json, DailyClose.class))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("unsupported schemaVersion 7");
    }

    @Test
    void rejectsAMissingRunId() {
        String json = valid("{\"tradingDate\":\"2024-12-31\"}", "daily-close").replace("\"runId\"", "\"nope\"");
        assertThatThrownBy(() -> codec.decode(Topics.DAILY_CLOSE, json, DailyClose.class))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("runId is missing");
    }

    @Test
    void namesTheFieldThatBreaksThePayloadContract() {
        String json = valid("{\"symbol\":\"AAPL\",\"through\":\"2024-12-31\",\"historyReplaced\":false,"
                + "\"bars\":[{\"date\":\"2024-12-31\",\"adjClose\":-3.0}]}", "prices-ready");
        assertThatThrownBy(() -> codec.decode(Topics.PRICES_READY, json, PricesReady.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("bar.adjClose on 2024-12-31 must be a positive price");
    }

    @Test
    void rejectsHugeAndWronglyTypedValues() {
        String huge = valid("{\"symbol\":\"AAPL\",\"through\":\"2024-12-31\",\"historyReplaced\":false,"
                + "\"bars\":[{\"date\":\"2024-12-31\",\"adjClose\":1e30}]}", "prices-ready");
        assertThatThrownBy(() -> codec.decode(Topics.PRICES_READY, huge, PricesReady.class))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("adjClose");
        String wrongType = valid("{\"symbol\":\"AAPL\",\"tier\":42}", "symbol-added");
        assertThatThrownBy(() -> codec.decode(Topics.SYMBOL_ADDED, wrongType, SymbolAdded.class))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("symbol-added payload");
    }

    @Test
    void rejectsFactorStatisticsNoRegressionCanProduce() {
        String huge = valid("{\"symbol\":\"AAPL\",\"exposures\":[{\"calculationDate\":\"2024-12-31\","
                + "\"factors\":{\"market_beta\":{\"beta\":1e300}}}]}", "factors-ready");
        assertThatThrownBy(() -> codec.decode(Topics.FACTORS_READY, huge, FactorsReady.class))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("beta 1.0E300 is out of range");
        String negative = valid("{\"symbol\":\"AAPL\",\"exposures\":[{\"calculationDate\":\"2024-12-31\","
                + "\"factors\":{\"market_beta\":{\"beta\":1.1,\"observations\":-3}}}]}", "factors-ready");
        assertThatThrownBy(() -> codec.decode(Topics.FACTORS_READY, negative, FactorsReady.class))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("observations must not be negative");
    }

    @Test
    void rejectsAnInvalidSymbol() {
        String json = valid("{\"symbol\":\"not a symbol\",\"tier\":\"ACTIVE\"}", "symbol-added");
        assertThatThrownBy(() -> codec.decode(Topics.SYMBOL_ADDED, json, SymbolAdded.class))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("symbol 'not a symbol' is not a valid symbol");
    }

    @Test
    void readsARecordWrittenBeforeAFieldWasAdded() {
        String json = valid("{\"symbol\":\"AAPL\",\"tier\":\"ACTIVE\"}", "symbol-added");
        assertThat(codec.decode(Topics.SYMBOL_ADDED, json, SymbolAdded.class).payload().released()).isFalse();
    }

    @Test
    void ignoresFieldsAddedByANewerProducer() {
        String json = valid("{\"tradingDate\":\"2024-12-31\",\"extra\":true}", "daily-close");
        assertThat(codec.decode(Topics.DAILY_CLOSE, json, DailyClose.class).payload().tradingDate())
                .isEqualTo(LocalDate.of(2024, 12, 31));
    }
}
