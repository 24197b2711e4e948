package io.riskstream.factor.adapters.jdbc;

import io.riskstream.factor.application.SymbolProfileStore;
import io.riskstream.factor.domain.metrics.Valuation;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.Optional;

public class JdbcSymbolProfileStore implements SymbolProfileStore {

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcSymbolProfileStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(String symbol, Valuation v) {
        jdbc.update("""
                insert into symbol_profile (symbol, name, sector, market_cap, pe_ratio, forward_pe, dividend_yield)
                values (:symbol, :name, :sector, :marketCap, :peRatio, :forwardPe, :dividendYield)
                on conflict (symbol) do update set name = excluded.name, sector = excluded.sector,
                  market_cap = excluded.market_cap, pe_ratio = excluded.pe_ratio, forward_pe = excluded.forward_pe,
                  dividend_yield = excluded.dividend_yield, updated_at = now()
                where (symbol_profile.name, symbol_profile.sector, symbol_profile.market_cap, symbol_profile.pe_ratio,
                       symbol_profile.forward_pe, symbol_profile.dividend_yield)
                      is distinct from (excluded.name, excluded.sector, excluded.market_cap, excluded.pe_ratio,
                       excluded.forward_pe, excluded.dividend_yield)""",
                new MapSqlParameterSource().addValue("symbol", symbol).addValue("name", v.name())
                        .addValue("sector", v.sector()).addValue("marketCap", v.marketCap())
                        .addValue("peRatio", v.peRatio()).addValue("forwardPe", v.forwardPe())
                        .addValue("dividendYield", v.dividendYield()));
    }

    @Override
    public Optional<Valuation> find(String symbol) {
        return jdbc.query("select * from symbol_profile where symbol = :symbol",
                new MapSqlParameterSource("symbol", symbol),
                (rs, i) -> new Valuation(rs.getString("name"), rs.getString("sector"),
                        rs.getObject("market_cap", Double.class), rs.getObject("pe_ratio", Double.class),
                        rs.getObject("forward_pe", Double.class), rs.getObject("dividend_yield", Double.class)))
                .stream().findFirst();
    }
}
