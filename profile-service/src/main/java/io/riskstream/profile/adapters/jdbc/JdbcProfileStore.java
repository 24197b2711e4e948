package io.riskstream.profile.adapters.jdbc;

import java.util.Locale;
import io.riskstream.profile.application.ProfileStore;
import io.riskstream.profile.application.RefreshOutcome;
import io.riskstream.profile.domain.Profile;
import io.riskstream.profile.domain.ProfileField;
import io.riskstream.profile.domain.ProfileState;
import io.riskstream.profile.domain.RefreshTiers.LastRefresh;
import io.riskstream.profile.domain.RefreshTiers.Tier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** company_profile: one row per symbol; the column list comes from {@link ProfileField}. */
public class JdbcProfileStore implements ProfileStore {

    private static final String STATE_COLUMNS = "symbol, daily_refreshed_at, quarterly_refreshed_at, "
            + "static_refreshed_at, daily_close_date, last_earnings_date, next_earnings_date";

    /**
     * Serialises marking a close done with the daily tiers saved outside a close ({@link #dailyCloseToStamp}); its own
     * key, apart from the migrations' lock. A transaction-level advisory lock, so it ends with the unit of work.
     */
    private static final long DAILY_CLOSE_STAMP_LOCK = 0x5253_5052_4f46_4443L; // "RSPROFDC"

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcProfileStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Profile> find(String symbol) {
        return Optional.ofNullable(findAll(List.of(symbol)).get(symbol));
    }

    @Override
    public Map<String, Profile> findAll(Collection<String> symbols) {
        if (symbols.isEmpty()) {
            return Map.of();
        }
        return jdbc.query("select * from company_profile where symbol in (:symbols)",
                new MapSqlParameterSource("symbols", symbols), (rs, i) -> profile(rs)).stream()
                .collect(Collectors.toMap(Profile::symbol, Function.identity()));
    }

    @Override
    public Optional<ProfileState> state(String symbol) {
        return Optional.ofNullable(states(List.of(symbol)).get(symbol));
    }

    @Override
    public Map<String, ProfileState> states(Collection<String> symbols) {
        if (symbols.isEmpty()) {
            return Map.of();
        }
        Map<String, ProfileState> out = new LinkedHashMap<>();
        jdbc.query("select " + STATE_COLUMNS + " from company_profile where symbol in (:symbols)",
                new MapSqlParameterSource("symbols", symbols), (rs, i) -> state(rs))
                .forEach(s -> out.put(s.symbol(), s));
        return out;
    }

    @Override
    public List<ProfileState> allStates() {
        return jdbc.query("select " + STATE_COLUMNS + " from company_profile order by symbol", (rs, i) -> state(rs));
    }

    @Override
    public void save(Profile profile, Set<Tier> tiers, String provider, Instant now, LocalDate dailyCloseDate) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("symbol", profile.symbol())
                .addValue("provider", provider).addValue("now", Timestamp.from(now));
        List<String> columns = new ArrayList<>(List.of("symbol", "provider", "updated_at"));
        for (ProfileField field : ProfileField.of(tiers)) {
            columns.add(field.column());
            params.addValue(field.column(), parameter(field, profile.get(field)));
        }
        for (Tier tier : tiers) {
            String column = tier.name().toLowerCase(Locale.ROOT) + "_refreshed_at";
            columns.add(column);
            params.addValue(column, Timestamp.from(now));
            // the provider that answered this tier (never a chain's name)
            String source = tier.name().toLowerCase(Locale.ROOT) + "_source";
            columns.add(source);
            params.addValue(source, provider);
        }
        if (dailyCloseDate != null) {
            columns.add("daily_close_date");
            params.addValue("daily_close_date", Date.valueOf(dailyCloseDate));
        }
        String updates = columns.stream().filter(c -> !c.equals("symbol")).map(c -> c + " = excluded." + c)
                .collect(Collectors.joining(", "));
        jdbc.update("insert into company_profile (" + String.join(", ", columns) + ") values ("
                + columns.stream().map(c -> c.equals("updated_at") ? ":now" : ":" + c).collect(Collectors.joining(", "))
                + ") on conflict (symbol) do update set " + updates, params);
    }

    @Override
    public Map<Tier, String> sources(String symbol) {
        Map<Tier, String> out = new EnumMap<>(Tier.class);
        jdbc.query("select daily_source, quarterly_source, static_source from company_profile where symbol = :symbol",
                new MapSqlParameterSource("symbol", symbol), rs -> {
                    for (Tier tier : Tier.values()) {
                        String source = rs.getString(tier.name().toLowerCase(Locale.ROOT) + "_source");
                        if (source != null) {
                            out.put(tier, source);
                        }
                    }
                });
        return out;
    }

    @Override
    public boolean recordSymbol(String symbol) {
        return jdbc.update("insert into profile_symbol (symbol) values (:symbol) on conflict do nothing",
                new MapSqlParameterSource("symbol", symbol)) == 1;
    }

    @Override
    public void forgetSymbol(String symbol) {
        jdbc.update("delete from profile_symbol where symbol = :symbol", new MapSqlParameterSource("symbol", symbol));
    }

    @Override
    public List<String> symbolsWithoutProfile(Instant announcedBefore) {
        return jdbc.queryForList("""
                select s.symbol from profile_symbol s
                where s.added_at < :before and not exists (select 1 from company_profile p where p.symbol = s.symbol)
                order by s.symbol""",
                new MapSqlParameterSource("before", Timestamp.from(announcedBefore)), String.class);
    }

    @Override
    public Optional<LocalDate> dailyCloseToStamp() {
        // shared: saves outside a close run side by side; a close being marked done waits for them, and they for it
        jdbc.getJdbcTemplate().queryForList("select pg_advisory_xact_lock_shared(?)", DAILY_CLOSE_STAMP_LOCK);
        return Optional.ofNullable(jdbc.getJdbcTemplate().queryForObject(
                "select max(trading_date) from profile_daily_close", LocalDate.class));
    }

    @Override
    public boolean dailyCloseDone(LocalDate tradingDate) {
        return !jdbc.queryForList("select 1 from profile_daily_close where trading_date = :d",
                new MapSqlParameterSource("d", Date.valueOf(tradingDate)), Integer.class).isEmpty();
    }

    @Override
    public void markDailyCloseDone(LocalDate tradingDate, Instant triggeredAt, RefreshOutcome o, Instant now) {
        // Exclusive, and taken before the update's snapshot: a save that read the previous close has committed by now,
        // so the update sees its profile, and a save that comes after reads this close.
        jdbc.getJdbcTemplate().queryForList("select pg_advisory_xact_lock(?)", DAILY_CLOSE_STAMP_LOCK);
        jdbc.update("""
                update company_profile set daily_close_date = :d
                where daily_refreshed_at >= :triggered and (daily_close_date is null or daily_close_date < :d)""",
                new MapSqlParameterSource().addValue("d", Date.valueOf(tradingDate))
                        .addValue("triggered", Timestamp.from(triggeredAt)));
        jdbc.update("""
                insert into profile_daily_close (trading_date, refreshed, skipped_fresh, failed, provider_calls,
                  processed_at) values (:d, :refreshed, :skipped, :failed, :calls, :now)
                on conflict (trading_date) do nothing""",
                new MapSqlParameterSource().addValue("d", Date.valueOf(tradingDate)).addValue("refreshed", o.refreshed())
                        .addValue("skipped", o.skippedFresh()).addValue("failed", o.failed())
                        .addValue("calls", o.providerCalls()).addValue("now", Timestamp.from(now)));
    }

    private static Object parameter(ProfileField field, Object value) {
        if (value == null) {
            // the flags are not null in the table: a provider that says nothing means "not a fund"
            return field.type() == ProfileField.Type.BOOLEAN ? Boolean.FALSE : null;
        }
        return switch (field.type()) {
            case MONEY -> BigDecimal.valueOf((Double) value);
            case DATE -> Date.valueOf((LocalDate) value);
            default -> value;
        };
    }

    private static Profile profile(ResultSet rs) throws SQLException {
        Map<ProfileField, Object> values = new EnumMap<>(ProfileField.class);
        for (ProfileField field : ProfileField.values()) {
            Object raw = rs.getObject(field.column());
            if (raw == null) {
                continue;
            }
            values.put(field, switch (field.type()) {
                case DECIMAL, MONEY -> ((Number) raw).doubleValue();
                case INTEGER -> ((Number) raw).intValue();
                case DATE -> rs.getObject(field.column(), LocalDate.class);
                case BOOLEAN -> rs.getBoolean(field.column());
                case TEXT -> rs.getString(field.column());
            });
        }
        return new Profile(rs.getString("symbol"), values);
    }

    private static ProfileState state(ResultSet rs) throws SQLException {
        return new ProfileState(rs.getString("symbol"), new LastRefresh(instant(rs, "daily_refreshed_at"),
                instant(rs, "quarterly_refreshed_at"), instant(rs, "static_refreshed_at")),
                date(rs, "daily_close_date"), date(rs, "last_earnings_date"), date(rs, "next_earnings_date"));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? Optional.empty() : Optional.of(t.toInstant());
    }

    private static Optional<LocalDate> date(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, LocalDate.class));
    }
}
