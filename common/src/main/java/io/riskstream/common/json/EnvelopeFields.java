package io.riskstream.common.json;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A few fields of an envelope read in one streaming pass, for an observer that needs the run id and a date or two,
 * not the whole event ({@link EventCodec#peek}). Fields may come in any order; what is not asked for is skipped
 * without being decoded. Payload paths are dotted, with arrays transparent: {@code exposures.calculationDate} is
 * the date of every exposure.
 */
public record EnvelopeFields(UUID runId, Map<String, List<String>> payload) {

    public EnvelopeFields {
        payload = Map.copyOf(payload);
    }

    /** The first value at the path, if any. */
    public Optional<String> first(String path) {
        return all(path).stream().findFirst();
    }

    /** Every value at the path, in order. */
    public List<String> all(String path) {
        return payload.getOrDefault(path, List.of());
    }

    /** Reads from a parser placed before the envelope; empty when it is no object with a valid runId. */
    static Optional<EnvelopeFields> read(JsonParser parser, Set<String> payloadPaths) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return Optional.empty();
        }
        UUID runId = null;
        Map<String, List<String>> found = new HashMap<>();
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken token = parser.nextToken();
            if (name.equals("runId") && token == JsonToken.VALUE_STRING) {
                runId = UUID.fromString(parser.getString());
            } else if (name.equals("payload") && token == JsonToken.START_OBJECT && !payloadPaths.isEmpty()) {
                object(parser, "", payloadPaths, found);
            } else {
                parser.skipChildren();
            }
        }
        return runId == null ? Optional.empty() : Optional.of(new EnvelopeFields(runId, found));
    }

    private static void object(JsonParser parser, String prefix, Set<String> paths, Map<String, List<String>> found) {
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            JsonToken token = parser.nextToken();
            if (paths.stream().anyMatch(p -> p.equals(path) || p.startsWith(path + "."))) {
                value(parser, token, path, paths, found);
            } else {
                parser.skipChildren();
            }
        }
    }

    private static void value(JsonParser parser, JsonToken token, String path, Set<String> paths,
                              Map<String, List<String>> found) {
        if (token == JsonToken.START_OBJECT) {
            object(parser, path, paths, found);
        } else if (token == JsonToken.START_ARRAY) {
            for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                value(parser, t, path, paths, found);
            }
        } else if (token.isScalarValue() && token != JsonToken.VALUE_NULL && paths.contains(path)) {
            found.computeIfAbsent(path, p -> new ArrayList<>()).add(parser.getString());
        }
    }
}
