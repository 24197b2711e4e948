package io.riskstream.common.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.regex.Pattern;

/** Field checks shared by the payload records; each failure names the field and the offending value. */
public final class Contract {

    /**
     * Tickers (AAPL, BRK-B, BRK.B), OCC option symbols (AAPL250815P00200000) and private identifiers (A16Z_VC_FUND).
     */
    private static final Pattern SYMBOL = Pattern.compile("^[A-Z0-9^][A-Z0-9._\\-^]{0,31}$");
    /** Largest magnitude accepted for a money amount, a quantity or a price: beyond any real portfolio. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1e15");
    /** Decimal places a quantity or a price is stored with ({@code numeric(28, 8)}): a smaller non-zero one would be stored as 0. */
    public static final int AMOUNT_SCALE = 8;
    /** Characters of a rejected value shown back in an error message. */
    private static final int SHOWN = 40;
    public static final double MAX_PRICE = 1e9;
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1990, 1, 1);
    /** No factor loading or regression statistic of a traded instrument comes near this; beyond it is garbage. */
    public static final double MAX_STATISTIC = 1e9;

    private Contract() {
    }

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    public static String checkSymbol(String value, String field) {
        required(value, field);
        if (!SYMBOL.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " " + shown(value) + " is not a valid symbol");
        }
        return value;
    }


    /**
     * A request's list of symbols: at least one, at most {@code max}, each valid; duplicates dropped, order kept.
     * {@code whenEmpty} completes the message of an empty list (what else the request could have said).
     */
    public static java.util.Set<String> checkSymbols(java.util.List<String> symbols, int max, String field,
                                                     String whenEmpty) {
        if (symbols == null || symbols.isEmpty()) {
            throw new IllegalArgumentException(field + ": at least one symbol is required" + whenEmpty);
        }
        if (symbols.size() > max) {
            throw new IllegalArgumentException(field + ": at most " + max + " per request");
        }
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (String s : symbols) {
            if (s == null || !SYMBOL.matcher(s).matches()) {
                throw new IllegalArgumentException(field + ": " + shown(s) + " is not a valid symbol");
            }
            out.add(s);
        }
        return out;
    }

    public static LocalDate checkDate(LocalDate value, String field) {
        required(value, field);
        if (value.isBefore(EARLIEST_DATE) || value.getYear() > 2200) {
            throw new IllegalArgumentException(field + " " + value + " is out of range (1990-01-01 onwards)");
        }
        return value;
    }

    public static double finite(double value, String field) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number, got " + value);
        }
        return value;
    }

    public static Double finiteOrNull(Double value, String field) {
        return value == null ? null : finite(value, field);
    }

    /** A finite number no larger in magnitude than {@link #MAX_STATISTIC}. */
    public static double statistic(double value, String field) {
        finite(value, field);
        if (Math.abs(value) > MAX_STATISTIC) {
            throw new IllegalArgumentException(field + " " + value + " is out of range (|x| up to " + MAX_STATISTIC + ")");
        }
        return value;
    }

    public static Double statisticOrNull(Double value, String field) {
        return value == null ? null : statistic(value, field);
    }

    public static double positivePrice(double value, String field) {
        finite(value, field);
        if (value <= 0 || value > MAX_PRICE) {
            throw new IllegalArgumentException(field + " must be a positive price up to " + MAX_PRICE + ", got " + value);
        }
        return value;
    }

    public static Double positivePriceOrNull(Double value, String field) {
        return value == null ? null : positivePrice(value, field);
    }

    /** A quantity or price: at most {@link #MAX_AMOUNT} in magnitude, and zero or at least 1e-8 (what is stored). */
    public static BigDecimal amount(BigDecimal value, String field) {
        return amount(value, field, AMOUNT_SCALE);
    }

    /**
     * An amount stored with {@code scale} decimal places: at most {@link #MAX_AMOUNT} in magnitude and, unless zero, at
     * least 10^-scale (a smaller one would be stored as 0). The value is not echoed: 1e400 written out has 401 digits.
     */
    public static BigDecimal amount(BigDecimal value, String field, int scale) {
        required(value, field);
        BigDecimal magnitude = value.abs();
        if (magnitude.compareTo(MAX_AMOUNT) > 0) {
            throw new IllegalArgumentException(field + " is too large (at most 1e15 in magnitude)");
        }
        if (value.signum() != 0 && magnitude.compareTo(BigDecimal.ONE.movePointLeft(scale)) < 0) {
            throw new IllegalArgumentException(field + " is too small: a non-zero amount is at least 1e-" + scale
                    + " (it would be stored as 0)");
        }
        return value;
    }

    /**
     * A name or other text: present, not blank, at most {@code max} characters, with no control character (NUL
     * included: PostgreSQL refuses it in text) and no unpaired surrogate (not Unicode).
     */
    public static String text(String value, String field, int max) {
        required(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return optionalText(value, field, max);
    }

    /** {@link #text} for an optional field: null passes. */
    public static String optionalText(String value, String field, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(field + " must be at most " + max + " characters, got " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException(field + " must not contain control characters (U+%04X at %d)"
                        .formatted((int) c, i));
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(field + " is not valid Unicode (unpaired surrogate U+%04X at %d)"
                        .formatted((int) c, i));
            }
        }
        return value;
    }

    /** A rejected value as an error message shows it: quoted, controls escaped, at most 40 characters. */
    public static String shown(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder s = new StringBuilder("'");
        value.codePoints().limit(SHOWN).forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE) {
                s.append("\\u%04X".formatted(c));
            } else {
                s.appendCodePoint(c);
            }
        });
        s.append(value.codePointCount(0, value.length()) > SHOWN ? "…'" : "'");
        return s.toString();
    }

    public static <C extends Collection<?>> C notEmpty(C value, String field) {
        required(value, field);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        return value;
    }
}
