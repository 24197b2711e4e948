package io.riskstream.portfolio.domain;

import java.util.Map;

/**
 * The sector tag the legacy's phase 5 restores on every position (§4.3): the profile's sector, trimmed and
 * title-cased as Python's {@code str.title()} does, or "Uncategorized" when the profile has none; with the legacy's
 * fixed colour per sector.
 */
public final class SectorTag {

    public static final String UNCATEGORIZED = "Uncategorized";
    private static final String GREY = "#9E9E9E";
    private static final Map<String, String> COLOURS = Map.ofEntries(
            Map.entry("Technology", "#2196F3"), Map.entry("Healthcare", "#4CAF50"),
            Map.entry("Financial Services", "#FF9800"), Map.entry("Financials", "#FF9800"),
            Map.entry("Energy", "#FFC107"), Map.entry("Consumer Discretionary", "#9C27B0"),
            Map.entry("Consumer Cyclical", "#9C27B0"), Map.entry("Consumer Defensive", "#E91E63"),
            Map.entry("Consumer Staples", "#E91E63"), Map.entry("Industrials", "#795548"),
            Map.entry("Materials", "#607D8B"), Map.entry("Basic Materials", "#607D8B"),
            Map.entry("Real Estate", "#00BCD4"), Map.entry("Utilities", "#8BC34A"),
            Map.entry("Communication Services", "#3F51B5"), Map.entry("Telecommunication Services", "#3F51B5"),
            Map.entry(UNCATEGORIZED, GREY), Map.entry("Unknown", GREY));

    private SectorTag() {
    }

    /** The tag name of a profile sector (null or blank: "Uncategorized"). */
    public static String nameOf(String sector) {
        if (sector == null || sector.isBlank()) {
            return UNCATEGORIZED;
        }
        StringBuilder title = new StringBuilder();
        boolean afterLetter = false;
        for (char c : sector.strip().toCharArray()) {
            title.append(afterLetter ? Character.toLowerCase(c) : Character.toUpperCase(c));
            afterLetter = Character.isLetter(c);
        }
        return title.toString();
    }

    public static String colourOf(String tagName) {
        return COLOURS.getOrDefault(tagName, GREY);
    }

    public static String descriptionOf(String tagName) {
        return "Sector: " + tagName;
    }
}
