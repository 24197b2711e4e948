package io.riskstream.portfolio.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gross exposure per sector as a share of equity (legacy §4.1): Σ |MV| of the sector's symbols / equity. ETFs are
 * bucketed as "ETFs", options and private holdings as "Unclassified"; a public symbol with no known sector is left
 * out of the buckets and listed in {@code unknown}, so a missing profile is visible rather than mislabelled.
 */
public record SectorExposure(Map<String, Bucket> sectors, List<String> unknown) {

    public static final String ETFS = "ETFs";
    public static final String UNCLASSIFIED = "Unclassified";

    public record Bucket(double marketValue, double weight) {
    }

    /** What the profile says about a symbol; sector null when unknown. */
    public record Profile(String sector, boolean etf) {
    }

    public static SectorExposure of(Map<String, Double> marketValues, Map<String, Profile> profiles, double equity) {
        Map<String, Double> gross = new TreeMap<>();
        List<String> unknown = new ArrayList<>();
        // in symbol order: the sums then do not depend on the map's iteration order (floating-point addition)
        new TreeMap<>(marketValues).forEach((symbol, mv) -> {
            String bucket = bucket(symbol, profiles.get(symbol));
            if (bucket == null) {
                unknown.add(symbol);
            } else {
                gross.merge(bucket, Math.abs(mv), Double::sum);
            }
        });
        Map<String, Bucket> sectors = new TreeMap<>();
        gross.forEach((sector, value) -> sectors.put(sector, new Bucket(value, equity > 0 ? value / equity : 0)));
        unknown.sort(null);
        return new SectorExposure(java.util.Collections.unmodifiableMap(sectors), List.copyOf(unknown));
    }

    static String bucket(String symbol, Profile profile) {
        if (InstrumentClass.of(symbol) != InstrumentClass.PUBLIC) {
            return UNCLASSIFIED;
        }
        if (profile == null) {
            return null;
        }
        if (profile.etf()) {
            return ETFS;
        }
        return profile.sector() == null || profile.sector().isBlank() ? null : profile.sector().trim();
    }
}
