package io.riskstream.marketdata.http;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Defensive reads of provider JSON: a field may be missing, null, a number, or a number written as a string
 * ({@code "164000"}, {@code "1.5E3"}); a blank, {@code "None"}, {@code "N/A"} or unparsable value is no value. Several
 * names may be given for one field (a provider's API generations spell it differently); the first present wins.
 */
public final class JsonFields {

    private JsonFields() {
    }

    public static Double number(JsonNode node, String... names) {
        BigDecimal d = decimal(node, names);
        return d == null ? null : d.doubleValue();
    }

    public static Long whole(JsonNode node, String... names) {
        BigDecimal d = decimal(node, names);
        if (d == null) {
            return null;
        }
        try {
            return d.setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    public static Integer integer(JsonNode node, String... names) {
        Long v = whole(node, names);
        return v == null || v > Integer.MAX_VALUE || v < Integer.MIN_VALUE ? null : v.intValue();
    }

    public static BigDecimal decimal(JsonNode node, String... names) {
        for (String name : names) {
            BigDecimal d = decimal(node == null ? null : node.get(name));
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /** A number node, or a string holding a finite number; anything else is null. */
    public static BigDecimal decimal(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            double d = v.asDouble();
            return Double.isFinite(d) ? v.decimalValue() : null;
        }
        if (v.isString()) {
            String text = v.asString().trim().replace(",", "");
            if (text.isEmpty() || text.equalsIgnoreCase("none") || text.equalsIgnoreCase("n/a")
                    || text.equalsIgnoreCase("nan") || text.equals("-")) {
                return null;
            }
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Whether the value can be read as a number (see {@link #decimal(JsonNode)}). */
    public static boolean numeric(JsonNode v) {
        return decimal(v) != null;
    }

    public static String text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode v = node == null ? null : node.get(name);
            if (v != null && !v.isNull() && (v.isString() || v.isNumber()) && !v.asString().isBlank()) {
                return v.asString().trim();
            }
        }
        return null;
    }

    public static boolean flag(JsonNode node, String name) {
        JsonNode v = node == null ? null : node.get(name);
        if (v == null || v.isNull()) {
            return false;
        }
        return v.isBoolean() ? v.asBoolean() : "true".equalsIgnoreCase(v.asString().trim());
    }

    /** A date written {@code 2024-09-28} or with a time after it ({@code 2024-09-28 00:00:00}); else null. */
    public static LocalDate date(JsonNode node, String... names) {
        String text = text(node, names);
        if (text == null || text.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The elements of an array node; nothing for anything else. */
    public static List<JsonNode> elements(JsonNode node) {
        if (node == null || !node.isArray()) {
            return List.of();
        }
        List<JsonNode> out = new java.util.ArrayList<>(node.size());
        node.forEach(out::add);
        return out;
    }
}
