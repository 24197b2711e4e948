package io.riskstream.portfolio.adapters.jdbc;

import io.riskstream.common.event.ProfileUpdated;
import io.riskstream.portfolio.application.SymbolProfiles;
import io.riskstream.portfolio.domain.SectorExposure;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

public class JdbcSymbolProfileStore implements SymbolProfiles {

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcSymbolProfileStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean save(String symbol, ProfileUpdated.ProfileFields p) {
        // one statement: "before" reads the snapshot the upsert started from, so old and new compare in one trip
        Boolean changed = jdbc.queryForObject("""
                with before as (select sector, is_etf from symbol_profile where symbol = :symbol),
                after as (
                  insert into symbol_profile (symbol, name, sector, industry, is_etf)
                  values (:symbol, :name, :sector, :industry, :etf)
                  on conflict (symbol) do update set name = coalesce(excluded.name, symbol_profile.name),
                    sector = coalesce(excluded.sector, symbol_profile.sector),
                    industry = coalesce(excluded.industry, symbol_profile.industry), is_etf = excluded.is_etf,
                    updated_at = now()
                  returning sector, is_etf)
                select not exists (select 1 from before b join after a
                                   on b.sector is not distinct from a.sector and b.is_etf = a.is_etf)
                from after""",
                new MapSqlParameterSource().addValue("symbol", symbol).addValue("name", p.name())
                        .addValue("sector", p.sector()).addValue("industry", p.industry()).addValue("etf", p.etf()),
                Boolean.class);
        return Boolean.TRUE.equals(changed);
    }

    @Override
    public Map<String, SectorExposure.Profile> sectors(Collection<String> symbols) {
        Map<String, SectorExposure.Profile> profiles = new HashMap<>();
        if (symbols.isEmpty()) {
            return profiles;
        }
        jdbc.query("select symbol, sector, is_etf from symbol_profile where symbol in (:symbols)",
                new MapSqlParameterSource("symbols", symbols), rs -> {
                    profiles.put(rs.getString(1), new SectorExposure.Profile(rs.getString(2), rs.getBoolean(3)));
                });
        return profiles;
    }
}
