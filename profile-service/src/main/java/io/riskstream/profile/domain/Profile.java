package io.riskstream.profile.domain;

import io.riskstream.profile.domain.RefreshTiers.Tier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** A company profile: a value (or null) per {@link ProfileField}. */
public record Profile(String symbol, Map<ProfileField, Object> values) {

    public Profile {
        Objects.requireNonNull(symbol, "symbol");
        EnumMap<ProfileField, Object> copy = new EnumMap<>(ProfileField.class);
        values.forEach((field, value) -> {
            if (value != null) {
                copy.put(field, value);
            }
        });
        values = Collections.unmodifiableMap(copy);
    }

    public static Profile empty(String symbol) {
        return new Profile(symbol, Map.of());
    }

    public Object get(ProfileField field) {
        return values.get(field);
    }

    public Double decimal(ProfileField field) {
        return (Double) values.get(field);
    }

    public String text(ProfileField field) {
        return (String) values.get(field);
    }

    public boolean flag(ProfileField field) {
        return Boolean.TRUE.equals(values.get(field));
    }

    public boolean fundOrEtf() {
        return flag(ProfileField.IS_ETF) || flag(ProfileField.IS_FUND);
    }

    /** This profile with the fields of {@code tiers} taken from {@code fresh}; the other tiers stay as stored. */
    public Profile withTiers(Profile fresh, Set<Tier> tiers) {
        EnumMap<ProfileField, Object> merged = new EnumMap<>(ProfileField.class);
        merged.putAll(values);
        for (ProfileField field : ProfileField.of(tiers)) {
            merged.put(field, fresh.get(field));
        }
        return new Profile(symbol, merged).applicable();
    }

    /** Drops the company-only fields of a fund or ETF, whatever a provider sent. */
    public Profile applicable() {
        if (!fundOrEtf()) {
            return this;
        }
        EnumMap<ProfileField, Object> kept = new EnumMap<>(ProfileField.class);
        values.forEach((field, value) -> {
            if (field.appliesToFunds()) {
                kept.put(field, value);
            }
        });
        return new Profile(symbol, kept);
    }

    /** The fields of {@code tiers} whose value differs between this (stored) profile and {@code updated}. */
    public List<ProfileField> changedIn(Profile updated, Set<Tier> tiers) {
        List<ProfileField> changed = new ArrayList<>();
        for (ProfileField field : ProfileField.of(tiers)) {
            if (!Objects.equals(get(field), updated.get(field))) {
                changed.add(field);
            }
        }
        return changed;
    }
}
