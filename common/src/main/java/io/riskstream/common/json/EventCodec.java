package io.riskstream.common.json;

import io.riskstream.common.event.EventCatalog;
import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.EventPayload;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
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
        JsonNode root;
        try {
            root = mapper.readTree(value);
        } catch (JacksonException e) {
            throw new MalformedEventException(topic, "not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedEventException(topic, "expected a JSON object envelope");
        }
        UUID eventId = uuid(topic, root, "eventId");
        String type = text(topic, root, "type");
        if (!entry.type().equals(type)) {
            throw new MalformedEventException(topic, "event type '" + type + "' does not belong on this topic (expected '"
                    + entry.type() + "')");
        }
        JsonNode versionNode = root.get("schemaVersion");
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
            occurredAt = Instant.parse(text(topic, root, "occurredAt"));
        } catch (DateTimeParseException e) {
            throw new MalformedEventException(topic, "occurredAt is not an ISO-8601 instant");
        }
        UUID runId = uuid(topic, root, "runId");
        JsonNode payloadNode = root.get("payload");
        if (payloadNode == null || !payloadNode.isObject()) {
            throw new MalformedEventException(topic, "payload is missing or not an object");
        }
        P payload;
        try {
            payload = mapper.treeToValue(payloadNode, payloadType);
        } catch (DatabindException e) {
            throw new MalformedEventException(topic, "invalid " + type + " payload: " + rootMessage(e), e);
        } catch (JacksonException e) {
            throw new MalformedEventException(topic, "invalid " + type + " payload: " + e.getOriginalMessage(), e);
        }
        return new EventEnvelope<>(eventId, type, version, occurredAt, runId, payload);
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

    private static String text(String topic, JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isString() || node.asString().isBlank()) {
            throw new MalformedEventException(topic, field + " is missing or not a string");
        }
        return node.asString();
    }

    private static UUID uuid(String topic, JsonNode root, String field) {
        String text = text(topic, root, field);
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(topic, field + " '" + text + "' is not a UUID");
        }
    }
}
