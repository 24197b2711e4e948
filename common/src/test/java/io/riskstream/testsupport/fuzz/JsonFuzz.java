package io.riskstream.testsupport.fuzz;

import org.instancio.Instancio;
import org.instancio.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.instancio.Select.all;

/**
 * Fuzz cases for a JSON write endpoint: a valid request from the endpoint's {@link Template}, then one mutation of
 * it — one field made hostile (wrong type, removed, out-of-range or non-finite number, control characters, lone
 * surrogates, very long text, bad date, unknown enum value, deep nesting) or the whole document broken (truncated,
 * a byte inserted, not UTF-8, not JSON, wrong content type) — or none, about one case in ten.
 * <p>
 * Instancio (instancio-core) draws the cases: a seeded, reproducible stream of generated values, so a case is
 * replayed from its seed and index. jqwik was not used (its 1.9 line runs on JUnit Platform 1.x, this build runs
 * JUnit 6; its 1.10 release asks AI agents not to use it), nor Jazzer (its fuzzing mode instruments the JVM and its
 * JUnit integration targets Jupiter 5; without the fuzzing mode it replays a corpus only). The hostile values below
 * are the kinds each endpoint must refuse; which one a case gets, and where, is Instancio's draw.
 */
public final class JsonFuzz {

    /** A valid request of an endpoint; {@code pathField} names a path variable a template made hostile, else null. */
    public record Request(String path, ObjectNode body, String pathField) {
        public Request(String path, ObjectNode body) {
            this(path, body, null);
        }
    }

    /** Draws a valid request; it may instead draw a hostile path segment ({@link #pathId}) and name it. */
    @FunctionalInterface
    public interface Template {
        Request valid(Random random);
    }

    /**
     * One case: {@code field} is the body field or path variable made hostile (null for a document mutation or
     * none), {@code mutation} what was done.
     */
    public record Case(int index, String path, String contentType, byte[] body, String field, String mutation) {
        Case withIndex(int i) {
            return new Case(i, path, contentType, body, field, mutation);
        }

        public String describe() {
            String text = new String(body, StandardCharsets.UTF_8);
            return "#" + index + " " + mutation + (field == null ? "" : " of " + field) + " on " + abbreviate(path)
                    + ": " + abbreviate(text);
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOLE = "\u0001fuzz-hole\u0001";

    private static final List<String> WRONG_TYPES = List.of("true", "false", "null", "{}", "[]", "[1,2]",
            "{\"a\":1}", "\"text\"", "42", "-3.5", "\"\"");
    private static final List<String> NUMBERS = List.of("1e400", "-1e400", "1e-12", "-1e-12", "-0", "0", "-0.0",
            "0.000000001", "1e-7", "1e15", "1000000000000001", "1e999999999", "-1e-999999999", "9".repeat(400),
            "1.5e-7", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"1e400\"", "-1", "-100", "123456789012.123456789",
            "0.1", "\"12\"", "1E+2", "1e308", "4.9e-324");
    private static final List<String> TEXTS = List.of("", " ", "a\u0000b", "\u0000", "\u0001", "tab\there",
            "line\nbreak", "cr\r", "\u001b[31mred", "del\u007f", "\u0085nel", "zero\u200bwidth", "x".repeat(100_000),
            "y".repeat(201), "名前", "😀 emoji", "<script>alert(1)</script>", "'; drop table portfolio; --",
            "%s%n%x", "${jndi:ldap://x/a}", "AAPL", "aapl", "BRK.B", "\\", "\"quoted\"", "\ufeffbom", "\uffff");
    /** JSON string literals whose escapes decode to lone surrogates (not valid Unicode). */
    private static final List<String> SURROGATES = List.of("\"\\ud800\"", "\"a\\udc00b\"", "\"\\ud83d\"",
            "\"\\udfff\\ud800\"");
    private static final List<String> DATES = List.of("\"2025-02-30\"", "\"2025-13-01\"", "\"0000-01-01\"",
            "\"+999999999-12-31\"", "\"-0001-01-01\"", "\"1989-12-31\"", "\"2200-01-01\"", "\"2999-01-01\"",
            "\"2025-03-14T10:00:00Z\"", "\"14/03/2025\"", "20250314", "\"\"", "\"today\"", "\"1990-01-01\"",
            "\"2025-3-4\"", "\"2025-03-14\\u0000\"");
    private static final List<String> ENUMS = List.of("\"LONG\"", "\"long\"", "\"UNKNOWN\"", "\"WATCHLIST \"",
            "\"ACTIVE\"", "\"\"", "\"all\"", "\"ALL\"", "\"daily\"", "\"due\"", "\"\\u0000\"");
    private static final List<String> NESTED = List.of("[".repeat(3000) + "]".repeat(3000),
            "{\"a\":".repeat(2000) + "1" + "}".repeat(2000), "[" + "1,".repeat(20_000) + "1]",
            "{\"" + "k".repeat(50_000) + "\":1}");
    private static final List<String> DOCUMENTS = List.of("", "null", "[]", "42", "\"x\"", "{", "}", "{\"a\":}",
            "{,}", "{'a':1}", "[{}]", "true", "{\"a\":1}{\"b\":2}", "\u0000", "NaN");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "application/json; charset=utf-16", "garbage");

    private JsonFuzz() {
    }

    /** {@code count} cases drawn from {@code seed}: the same seed gives the same cases. */
    public static List<Case> cases(long seed, int count, Template template) {
        List<Case> cases = new ArrayList<>();
        Instancio.of(Draw.class).withSeed(seed)
                .supply(all(Draw.class), (Random random) -> new Draw(mutate(template.valid(random), random)))
                .stream().limit(count).forEach(d -> cases.add(d.request().withIndex(cases.size())));
        return cases;
    }

    /**
     * A path id: usually {@code valid}, else an unknown UUID, not a UUID, empty, very long, or with an encoded NUL
     * or slash.
     */
    public static String pathId(Random random, String valid) {
        return random.trueOrFalse(0.25)
                ? random.oneOf("00000000-0000-0000-0000-000000000000", uuid(random),
                "not-a-uuid", "%00", "%2F..%2F", "1", "-1", "9".repeat(2000), valid + "x", valid.toUpperCase(),
                "%E2%82%AC", "null", "' or 1=1 --")
                : valid;
    }

    /** A UUID string from the case's random draw (reproducible, unlike {@code UUID.randomUUID()}). */
    public static String uuid(Random random) {
        return new java.util.UUID(random.longRange(Long.MIN_VALUE, Long.MAX_VALUE),
                random.longRange(Long.MIN_VALUE, Long.MAX_VALUE)).toString();
    }

    record Draw(Case request) {
    }

    private static Case mutate(Request request, Random random) {
        if (request.pathField() != null) {
            return new Case(0, request.path(), "application/json", bytes(JSON.writeValueAsString(request.body())),
                    request.pathField(), "hostile path segment");
        }
        int kind = random.intRange(0, 99);
        if (kind < 10) {
            return new Case(0, request.path(), "application/json", bytes(JSON.writeValueAsString(request.body())),
                    null, "none");
        }
        if (kind < 30) {
            return document(request, random);
        }
        return field(request, random);
    }

    private static Case field(Request request, Random random) {
        ObjectNode body = request.body().deepCopy();
        List<Slot> slots = new ArrayList<>();
        collect(body, "", null, slots);
        if (slots.isEmpty()) {
            return document(request, random);
        }
        Slot slot = random.oneOf(slots);
        int what = random.intRange(0, 9);
        String raw;
        String mutation;
        switch (what) {
            case 0 -> {
                slot.remove();
                return new Case(0, request.path(), "application/json", bytes(JSON.writeValueAsString(body)),
                        slot.name(), "field removed");
            }
            case 1 -> {
                slot.parentObjectOrBody(body).put(random.oneOf("zzz", "name ", "NAME", "__proto__", "extra"),
                        random.oneOf("1", "x", ""));
                return new Case(0, request.path(), "application/json", bytes(JSON.writeValueAsString(body)),
                        null, "extra field");
            }
            case 2 -> {
                raw = random.oneOf(WRONG_TYPES);
                mutation = "wrong type";
            }
            case 3 -> {
                raw = random.oneOf(NUMBERS);
                mutation = "hostile number";
            }
            case 4, 5 -> {
                raw = quote(random.trueOrFalse(0.7) ? random.oneOf(TEXTS) : randomText(random));
                mutation = "hostile text";
            }
            case 6 -> {
                raw = random.oneOf(SURROGATES);
                mutation = "lone surrogate";
            }
            case 7 -> {
                raw = random.oneOf(DATES);
                mutation = "bad date";
            }
            case 8 -> {
                raw = random.oneOf(ENUMS);
                mutation = "unknown enum";
            }
            default -> {
                raw = random.oneOf(NESTED);
                mutation = "nested garbage";
            }
        }
        slot.replace(HOLE);
        String text = JSON.writeValueAsString(body).replace(quote(HOLE), raw);
        return new Case(0, request.path(), "application/json", bytes(text), slot.name(), mutation + " " + abbreviate(raw));
    }

    private static Case document(Request request, Random random) {
        byte[] valid = bytes(JSON.writeValueAsString(request.body()));
        int what = random.intRange(0, 6);
        return switch (what) {
            case 0 -> new Case(0, request.path(), "application/json",
                    java.util.Arrays.copyOf(valid, random.intRange(0, Math.max(0, valid.length - 1))), null, "truncated");
            case 1 -> {
                int at = random.intRange(0, valid.length);
                byte[] out = new byte[valid.length + 1];
                System.arraycopy(valid, 0, out, 0, at);
                out[at] = (byte) random.intRange(0, 255);
                System.arraycopy(valid, at, out, at + 1, valid.length - at);
                yield new Case(0, request.path(), "application/json", out, null, "byte inserted at " + at);
            }
            case 2 -> {
                // bytes that are not UTF-8 inside the first string value
                String text = new String(valid, StandardCharsets.UTF_8);
                int quote = Math.max(0, text.indexOf(":\"") + 2);
                byte[] prefix = bytes(text.substring(0, quote));
                byte[] suffix = bytes(text.substring(quote));
                byte[] bad = random.oneOf(new byte[]{(byte) 0xC3, 0x28}, new byte[]{(byte) 0xFF},
                        new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[]{(byte) 0xF8, (byte) 0x88});
                byte[] out = new byte[prefix.length + bad.length + suffix.length];
                System.arraycopy(prefix, 0, out, 0, prefix.length);
                System.arraycopy(bad, 0, out, prefix.length, bad.length);
                System.arraycopy(suffix, 0, out, prefix.length + bad.length, suffix.length);
                yield new Case(0, request.path(), "application/json", out, null, "not UTF-8");
            }
            case 3 -> new Case(0, request.path(), "application/json", bytes(random.oneOf(DOCUMENTS)), null,
                    "not an object");
            case 4 -> new Case(0, request.path(), random.oneOf(CONTENT_TYPES), valid, null, "wrong content type");
            case 5 -> new Case(0, request.path(), null, valid, null, "no content type");
            default -> new Case(0, request.path(), "application/json",
                    bytes(new String(valid, StandardCharsets.UTF_8) + random.oneOf(" garbage", ",", "}", "]", "\u0000")),
                    null, "trailing garbage");
        };
    }

    /** Random BMP characters, lone surrogates and controls included. */
    private static String randomText(Random random) {
        StringBuilder s = new StringBuilder();
        int n = random.intRange(1, 40);
        for (int i = 0; i < n; i++) {
            s.append(random.characterRange('\u0000', '\uffff'));
        }
        return s.toString();
    }

    /** A place in the body that a mutation can hit: an object's property or an array's element. */
    private record Slot(JsonNode parent, String property, int index, String name) {
        void remove() {
            if (parent instanceof ObjectNode o) {
                o.remove(property);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }

        void replace(String text) {
            if (parent instanceof ObjectNode o) {
                o.put(property, text);
            } else {
                ((ArrayNode) parent).set(index, JSON.getNodeFactory().stringNode(text));
            }
        }

        ObjectNode parentObjectOrBody(ObjectNode body) {
            return parent instanceof ObjectNode o ? o : body;
        }
    }

    /** Every property and element; an element is named after its array's property (positions[0] → positions). */
    private static void collect(JsonNode node, String prefix, String name, List<Slot> slots) {
        if (node instanceof ObjectNode o) {
            for (String property : List.copyOf(o.propertyNames())) {
                slots.add(new Slot(o, property, -1, property));
                collect(o.get(property), prefix + property + ".", property, slots);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                slots.add(new Slot(a, null, i, name));
                collect(a.get(i), prefix, name, slots);
            }
        }
    }

    private static String quote(String text) {
        return JSON.writeValueAsString(text);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String abbreviate(String text) {
        String oneLine = text.replace("\u0000", "\\u0000").replace("\n", "\\n");
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "…(" + text.length() + " chars)";
    }

}
