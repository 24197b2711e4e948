package io.riskstream.price.adapters.jdbc;

import io.riskstream.common.event.SymbolAdded.Tier;
import io.riskstream.price.application.UniverseStore;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

public class JdbcUniverseStore implements UniverseStore {

    private static final RowMapper<Entry> ROW = (rs, i) -> new Entry(rs.getString("symbol"),
            Tier.valueOf(rs.getString("tier")), rs.getString("status"),
            rs.getObject("first_available_date", LocalDate.class), rs.getObject("watermark", LocalDate.class),
            rs.getString("last_error"));

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcUniverseStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean register(String symbol, Tier tier) {
        // tiers rank by their enum order (ACTIVE first): only ever raise a tier here
        String configured = tier == Tier.ACTIVE ? "UNIVERSE" : tier.name();
        // the CTE reads the row as it was before this statement: its status says whether the symbol is new
        String before = jdbc.queryForObject("""
                with before as (select status from symbol_universe where symbol = :symbol)
                insert into symbol_universe (symbol, tier, configured_tier) values (:symbol, :tier, :configured)
                on conflict (symbol) do update set
                  tier = case when symbol_universe.status = 'REMOVED'
                                or array_position(array['ACTIVE','WATCHLIST','UNIVERSE'], excluded.tier)
                                   < array_position(array['ACTIVE','WATCHLIST','UNIVERSE'], symbol_universe.tier)
                              then excluded.tier else symbol_universe.tier end,
                  configured_tier = case when :tier = 'ACTIVE' then symbol_universe.configured_tier
                                         else excluded.configured_tier end,
                  status = 'ACTIVE', updated_at = now()
                returning coalesce((select status from before), 'NEW')""",
                new MapSqlParameterSource().addValue("symbol", symbol).addValue("tier", tier.name())
                        .addValue("configured", configured), String.class);
        return "NEW".equals(before) || "REMOVED".equals(before);
    }

    @Override
    public Optional<Entry> find(String symbol) {
        return jdbc.query("select * from symbol_universe where symbol = :symbol",
                new MapSqlParameterSource("symbol", symbol), ROW).stream().findFirst();
    }

    @Override
    public List<Entry> all() {
        return jdbc.query("select * from symbol_universe order by symbol", ROW);
    }

    @Override
    public List<Entry> dueSymbols(List<Tier> tiers) {
        return jdbc.query("select * from symbol_universe where status = 'ACTIVE' and tier in (:tiers) order by symbol",
                new MapSqlParameterSource("tiers", tiers.stream().map(Enum::name).toList()), ROW);
    }

    @Override
    public void recordFetch(String symbol, LocalDate watermark, LocalDate firstAvailableDate) {
        jdbc.update("""
                update symbol_universe set watermark = :watermark, last_fetch_at = now(), last_error = null,
                  first_available_date = coalesce(:firstAvailable, first_available_date), updated_at = now()
                where symbol = :symbol""", new MapSqlParameterSource().addValue("symbol", symbol)
                .addValue("watermark", watermark).addValue("firstAvailable", firstAvailableDate));
    }

    @Override
    public void markInactive(String symbol, String reason) {
        jdbc.update("update symbol_universe set status = 'INACTIVE', last_error = :reason, updated_at = now() "
                + "where symbol = :symbol", new MapSqlParameterSource().addValue("symbol", symbol).addValue("reason", reason));
    }

    @Override
    public void release(String symbol) {
        jdbc.update("update symbol_universe set tier = configured_tier, updated_at = now() "
                + "where symbol = :symbol and tier = 'ACTIVE'", new MapSqlParameterSource("symbol", symbol));
    }

    @Override
    public boolean remove(String symbol) {
        return jdbc.update("update symbol_universe set status = 'REMOVED', updated_at = now() "
                + "where symbol = :symbol and tier <> 'ACTIVE'", new MapSqlParameterSource("symbol", symbol)) == 1;
    }

    @Override
    public void recordError(String symbol, String error) {
        jdbc.update("update symbol_universe set last_error = :error, updated_at = now() where symbol = :symbol",
                new MapSqlParameterSource().addValue("symbol", symbol).addValue("error", error));
    }
}
