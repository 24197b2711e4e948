package io.riskstream.common.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Why Jackson could not read a request body, in words that name the field and leave the value out. */
final class BodyErrors {

    private static final int MAX = 160;

    private BodyErrors() {
    }

    static String describe(JacksonException e) {
        String path = path(e);
        String where = path.isEmpty() ? "" : path + ": ";
        if (e instanceof UnrecognizedPropertyException u) {
            return where + "unknown field '" + abbreviate(u.getPropertyName()) + "'";
        }
        if (String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
            // Jackson stopped reading the object early (a value of the wrong shape inside a list) and says where only
            return where + "malformed JSON" + at(e) + ": content after the end of the object (a value of the wrong "
                    + "shape in a list?)";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return where + "expected " + expected(m.getTargetType());
        }
        if (e instanceof StreamConstraintsException) {
            return where + "too large or too deeply nested (" + abbreviate(e.getOriginalMessage()) + ")";
        }
        if (e instanceof StreamReadException) {
            return where + "malformed JSON" + at(e) + ": " + abbreviate(e.getOriginalMessage());
        }
        Throwable cause = e.getCause();
        String reason = cause != null && cause.getMessage() != null ? cause.getMessage() : e.getOriginalMessage();
        return where + abbreviate(reason);
    }

    private static String at(JacksonException e) {
        TokenStreamLocation at = e.getLocation();
        return at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    /** {@code positions[0].quantity} */
    private static String path(JacksonException e) {
        StringBuilder s = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                s.append(s.isEmpty() ? "" : ".").append(abbreviate(r.getPropertyName()));
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.toString();
    }

    private static String expected(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class && type != char.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "text";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return type.getSimpleName().equals("LocalDate") ? "a date (YYYY-MM-DD)" : "a date-time (ISO 8601)";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return Map.class.isAssignableFrom(type) || type.isRecord() ? "an object" : "a " + type.getSimpleName();
    }

    /** The first line, at most 160 characters, control characters escaped. */
    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        StringBuilder s = new StringBuilder();
        line.codePoints().limit(MAX).forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE) {
                s.append("\\u%04X".formatted(c));
            } else {
                s.appendCodePoint(c);
            }
        });
        return line.codePointCount(0, line.length()) > MAX ? s.append('…').toString() : s.toString();
    }
}
