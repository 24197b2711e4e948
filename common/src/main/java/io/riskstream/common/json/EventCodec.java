package io.riskstream.common.json;

import io.riskstream.common.event.EventCatalog;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventPayload;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads and writes event envelopes as JSON. Decoding checks the envelope (ids, type, schema version, time) against
 * the topic's contract and the payload against its record; anything wrong becomes a
 * {@link MalformedEventException} whose message names the field and the problem.
 */
public final class EventCodec {

    /** Records larger than this are rejected before parsing (the broker default max is 1 MB). */
    public static final int MAX_RECORD_CHARS = 4 * 1024 * 1024;

    private final JsonMapper mapper;

    public EventCodec() {
        this.mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // additive schema evolution
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    public String encode(EventEnvelope<?> envelope) {
        return mapper.writeValueAsString(envelope);
    }

    /** Decodes a record value read from {@code topic}; the payload type is the topic's. */
    public <P extends EventPayload> EventEnvelope<P> decode(String topic, String value, Class<P> payloadType) {
        EventCatalog.Entry entry = EventCatalog.forTopic(topic);
        if (!entry.payloadType().equals(payloadType)) {
            throw new IllegalArgumentException(topic + " carries " + entry.payloadType().getSimpleName()
                    + ", not " + payloadType.getSimpleName());
        }
        if (value == null || value.isBlank()) {
            throw new MalformedEventException(topic, "empty record value");
        }
        if (value.length() > MAX_RECORD_CHARS) {
            throw new MalformedEventException(topic, "record of " + value.length() + " characters exceeds the limit of "
                    + MAX_RECORD_CHARS);
        }
        EventEnvelope<P> decoded = decodeInOnePass(topic, entry, value, payloadType);
        return decoded != null ? decoded : decodeThroughTree(topic, entry, value, payloadType);
    }

    /**
     * The envelope as it arrives: the header fields as nodes (checked here, as the tree path checks them) and the
     * payload bound straight from the text, without building a tree of it first (decoding each event twice, tree and
     * record, was a fifth of portfolio-service's samples). Null when the payload does not bind: the tree path then
     * names what is wrong.
     */
    private record RawEnvelope<P>(JsonNode eventId, JsonNode type, JsonNode schemaVersion, JsonNode occurredAt,
                                  JsonNode runId, P payload) {
    }

    private final ClassValue<JavaType> rawEnvelopeTypes = new ClassValue<>() {
        @Override
        protected JavaType computeValue(Class<?> payloadType) {
            return mapper.getTypeFactory().constructParametricType(RawEnvelope.class, payloadType);
        }
    };

    private <P extends EventPayload> EventEnvelope<P> decodeInOnePass(String topic, EventCatalog.Entry entry,
                                                                      String value, Class<P> payloadType) {
        RawEnvelope<P> raw;
        try {
            raw = mapper.readValue(value, rawEnvelopeTypes.get(payloadType));
        } catch (JacksonException | IllegalArgumentException e) {
            return null;
        }
        if (raw == null || raw.payload() == null) {
            return null;
        }
        Header header = header(topic, entry, raw.eventId(), raw.type(), raw.schemaVersion(), raw.occurredAt(),
                raw.runId());
        return new EventEnvelope<>(header.eventId(), header.type(), header.version(), header.occurredAt(),
                header.runId(), raw.payload());
    }

    private <P extends EventPayload> EventEnvelope<P> decodeThroughTree(String topic, EventCatalog.Entry entry,
                                                                        String value, Class<P> payloadType) {
        JsonNode root;
        try {
            root = mapper.readTree(value);
        } catch (JacksonException e) {
            throw new MalformedEventException(topic, "not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedEventException(topic, "expected a JSON object envelope");
        }
        Header header = header(topic, entry, root.get("eventId"), root.get("type"), root.get("schemaVersion"),
                root.get("occurredAt"), root.get("runId"));
        JsonNode payloadNode = root.get("payload");
        if (payloadNode == null || !payloadNode.isObject()) {
            throw new MalformedEventException(topic, "payload is missing or not an object");
        }
        P payload;
        try {
            payload = mapper.treeToValue(payloadNode, payloadType);
        } catch (DatabindException e) {
            throw new MalformedEventException(topic, "invalid " + header.type() + " payload: " + rootMessage(e), e);
        } catch (JacksonException e) {
            throw new MalformedEventException(topic, "invalid " + header.type() + " payload: " + e.getOriginalMessage(),
                    e);
        }
        return new EventEnvelope<>(header.eventId(), header.type(), header.version(), header.occurredAt(),
                header.runId(), payload);
    }

    private record Header(UUID eventId, String type, int version, Instant occurredAt, UUID runId) {
    }

    /** The envelope's fields checked against the topic's contract, in the order a reader would check them. */
    private static Header header(String topic, EventCatalog.Entry entry, JsonNode eventIdNode, JsonNode typeNode,
                                 JsonNode versionNode, JsonNode occurredAtNode, JsonNode runIdNode) {
        UUID eventId = uuid(topic, eventIdNode, "eventId");
        String type = text(topic, typeNode, "type");
        if (!entry.type().equals(type)) {
            throw new MalformedEventException(topic, "event type '" + type + "' does not belong on this topic (expected '"
                    + entry.type() + "')");
        }
        if (versionNode == null || !versionNode.isIntegralNumber()) {
            throw new MalformedEventException(topic, "schemaVersion is missing or not an integer");
        }
        int version = versionNode.intValue();
        if (version < 1 || version > entry.schemaVersion()) {
            throw new MalformedEventException(topic, "unsupported schemaVersion " + version + " for " + type
                    + " (supported: 1.." + entry.schemaVersion() + ")");
        }
        Instant occurredAt;
        try {
            occurredAt = Instant.parse(text(topic, occurredAtNode, "occurredAt"));
        } catch (DateTimeParseException e) {
            throw new MalformedEventException(topic, "occurredAt is not an ISO-8601 instant");
        }
        UUID runId = uuid(topic, runIdNode, "runId");
        return new Header(eventId, type, version, occurredAt, runId);
    }

    /**
     * The envelope's {@code runId} and the payload's values at {@code payloadPaths}, read in one pass without decoding
     * or checking the event ({@link EnvelopeFields}); empty when the value is no JSON object with a valid runId.
     */
    public Optional<EnvelopeFields> peek(String value, Set<String> payloadPaths) {
        if (value == null || value.length() > MAX_RECORD_CHARS) {
            return Optional.empty();
        }
        try (JsonParser parser = mapper.createParser(value)) {
            return EnvelopeFields.read(parser, payloadPaths);
        } catch (JacksonException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String rootMessage(DatabindException e) {
        // A contract violation thrown by a payload's compact constructor arrives wrapped; its message is the reason.
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
            return cause.getMessage();
        }
        String path = e.getPath().isEmpty() ? "" : " at " + pathOf(e);
        return e.getOriginalMessage() + path;
    }

    private static String pathOf(DatabindException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String text(String topic, JsonNode node, String field) {
        if (node == null || !node.isString() || node.asString().isBlank()) {
            throw new MalformedEventException(topic, field + " is missing or not a string");
        }
        return node.asString();
    }

    private static UUID uuid(String topic, JsonNode node, String field) {
        String text = text(topic, node, field);
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(topic, field + " '" + text + "' is not a UUID");
        }
    }
}
